using System.Diagnostics;
using System.Text.Json;
using OpenImr.Documents.Letters;
using OpenImr.Domain.Letters;
using OpenImr.Scale;
using OpenImr.Storage;
using OpenImr.Tests.Shared;

namespace OpenImr.Cli.Tests.Commands;

public class ImportCommandTests
{
    private const int Seed = 20261123;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Writes letters <paramref name="start"/>.. of the seeded generator as text files named by index.</summary>
    internal static IReadOnlyList<Letter> WriteLetters(string folder, int count, int start = 0)
    {
        var generator = new SyntheticLetterGenerator(Seed);
        var letters = new List<Letter>();
        for (var i = start; i < start + count; i++)
        {
            var letter = generator.Letter(i);
            letters.Add(letter);
            File.WriteAllText(Path.Combine(folder, $"{i:D6}.txt"), LetterRenderer.Render(letter, LetterFormat.Text));
        }

        return letters;
    }

    private static JsonElement Outcome(CliRun run) => JsonDocument.Parse(run.Stdout).RootElement;

    [Fact]
    public async Task Import_SameFolderTwice_SecondRunStoresNothingNew()
    {
        using var folder = new TempFolder();
        var letters = Path.Combine(folder.Path, "letters");
        Directory.CreateDirectory(letters);
        WriteLetters(letters, 30);
        var db = Path.Combine(folder.Path, "imr.db");

        var first = await CliRun.InvokeAsync("import", letters, "--db", db, "--json");
        var second = await CliRun.InvokeAsync("import", letters, "--db", db, "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal((30, 0, 0), (Outcome(first).GetProperty("inserted").GetInt32(), Outcome(first).GetProperty("updated").GetInt32(), Outcome(first).GetProperty("unchanged").GetInt32()));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal((0, 0, 30), (Outcome(second).GetProperty("inserted").GetInt32(), Outcome(second).GetProperty("updated").GetInt32(), Outcome(second).GetProperty("unchanged").GetInt32()));
        var stats = await LetterDatabase.Open(DatabaseTarget.Parse(db)).StatsAsync(Cancel);
        Assert.Equal(30, stats.Letters);
    }

    [Fact]
    public async Task Import_TwoFilesOfOneCase_StoresTheFirstReportsTheOtherAndReRunsChangeNothing()
    {
        using var folder = new TempFolder();
        var written = WriteLetters(folder.Path, 3);
        // A second copy of letter 1, as a PDF export might sit beside its text, with one decision different.
        var copy = written[1] with { Items = [written[1].Items[0] with { Decision = written[1].Items[0].Decision == Decision.Upheld ? Decision.Overturned : Decision.Upheld }, .. written[1].Items.Skip(1)] };
        File.WriteAllText(Path.Combine(folder.Path, "000001-copy.txt"), LetterRenderer.Render(copy, LetterFormat.Text));
        var db = Path.Combine(folder.Path, "imr.db");

        var first = await CliRun.InvokeAsync("import", folder.Path, "--db", db, "--json");
        var second = await CliRun.InvokeAsync("import", folder.Path, "--db", db, "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal((3, 0, 0), (Outcome(first).GetProperty("inserted").GetInt32(), Outcome(first).GetProperty("updated").GetInt32(), Outcome(first).GetProperty("unchanged").GetInt32()));
        Assert.Contains("000001.txt", first.Stderr, StringComparison.Ordinal);
        Assert.Contains($"holds case {written[1].CaseNumber}, as", first.Stderr, StringComparison.Ordinal);
        Assert.Equal((0, 0, 3), (Outcome(second).GetProperty("inserted").GetInt32(), Outcome(second).GetProperty("updated").GetInt32(), Outcome(second).GetProperty("unchanged").GetInt32()));
        // "000001-copy.txt" sorts before "000001.txt", so the copy is the one kept, on every run alike.
        var stored = await LetterDatabase.Open(DatabaseTarget.Parse(db)).GetAsync(written[1].CaseNumber!, Cancel);
        Assert.Equal(copy.Items[0].Decision, stored!.Items[0].Decision);
    }

    [Fact]
    public async Task Import_ChangedLetter_IsUpdatedAndTheRestLeftAlone()
    {
        using var folder = new TempFolder();
        var written = WriteLetters(folder.Path, 5);
        var db = Path.Combine(folder.Path, "imr.db");
        await CliRun.InvokeAsync("import", folder.Path, "--db", db);
        var changed = written[2] with { Items = [written[2].Items[0] with { Decision = written[2].Items[0].Decision == Decision.Upheld ? Decision.Overturned : Decision.Upheld }, .. written[2].Items.Skip(1)] };
        File.WriteAllText(Path.Combine(folder.Path, "000002.txt"), LetterRenderer.Render(changed, LetterFormat.Text));

        var run = await CliRun.InvokeAsync("import", folder.Path, "--db", db, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal((0, 1, 4), (Outcome(run).GetProperty("inserted").GetInt32(), Outcome(run).GetProperty("updated").GetInt32(), Outcome(run).GetProperty("unchanged").GetInt32()));
        var stored = await LetterDatabase.Open(DatabaseTarget.Parse(db)).GetAsync(changed.CaseNumber!, Cancel);
        Assert.Equal(changed.Items[0].Decision, stored!.Items[0].Decision);
    }

    [Fact]
    public async Task Import_MalformedFilesInTheMiddleOfAFolder_ReportsEachAndImportsTheRest()
    {
        using var folder = new TempFolder();
        var written = WriteLetters(folder.Path, 20);
        folder.File("000005a-empty.txt", "");
        var pdf = LetterDocuments.Pdf(written[0]);
        folder.File("000010a-truncated.pdf", pdf[..(pdf.Length / 2)]);
        folder.File("000011a-junk.pdf", Enumerable.Range(0, 5000).Select(i => (byte)(i % 9)).ToArray());
        folder.File("000012a-no-decisions.txt", LetterRenderer.Render(written[1] with { Items = [] }, LetterFormat.Text));
        folder.File("000013a-notes.txt", "Notes about this folder of letters; not a letter.");
        var db = Path.Combine(folder.Path, "imr.db");
        var report = Path.Combine(folder.Path, "report.tsv");

        var run = await CliRun.InvokeAsync("import", folder.Path, "--db", db, "--report", report, "--json");

        Assert.Equal(1, run.ExitCode);
        var outcome = Outcome(run);
        Assert.Equal(20, outcome.GetProperty("inserted").GetInt32());
        Assert.True(outcome.GetProperty("failed").GetInt32() == 4, run.Stdout);
        Assert.Equal(1, outcome.GetProperty("skipped").GetInt32());
        foreach (var name in new[] { "000005a-empty.txt", "000010a-truncated.pdf", "000011a-junk.pdf", "000012a-no-decisions.txt" })
        {
            Assert.Contains(run.Stderr.Split('\n'), line => line.Contains(name, StringComparison.Ordinal) && line.Contains(": LTR", StringComparison.Ordinal));
        }

        var lines = File.ReadAllLines(report);
        Assert.Equal("file\tstatus\tcode\treason", lines[0]);
        Assert.Equal(5, lines.Length - 1);
        Assert.Contains(lines, l => l.Contains("000013a-notes.txt\tskipped", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("000010a-truncated.pdf\tfailed", StringComparison.Ordinal));
        Assert.Equal(20, (await LetterDatabase.Open(DatabaseTarget.Parse(db)).StatsAsync(Cancel)).Letters);
    }

    [Fact]
    public async Task Import_KilledAfterTheFirstBatch_RunAgainStoresEveryLetterOnce()
    {
        using var folder = new TempFolder();
        var letters = Path.Combine(folder.Path, "letters");
        Directory.CreateDirectory(letters);
        var written = WriteLetters(letters, 600);
        var db = Path.Combine(folder.Path, "imr.db");
        var imr = Path.Combine(AppContext.BaseDirectory, "imr.dll");

        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { imr, "import", letters, "--db", db, "--batch-size", "25" })
        {
            info.ArgumentList.Add(argument);
        }

        using (var child = Process.Start(info)!)
        {
            // Note that the first progress line is written right after the first batch commits.
            string? line;
            while ((line = await child.StandardError.ReadLineAsync(Cancel)) is not null && !line.Contains(" of 600 files", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(Cancel);
        }

        var store = LetterDatabase.Open(DatabaseTarget.Parse(db));
        var before = (await store.StatsAsync(Cancel)).Letters;
        Assert.InRange(before, 25, 600);
        Assert.Equal(0, before % 25);

        var again = await CliRun.InvokeAsync("import", letters, "--db", db, "--batch-size", "25", "--json");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(600 - before, Outcome(again).GetProperty("inserted").GetInt32());
        Assert.Equal(before, Outcome(again).GetProperty("unchanged").GetInt32());
        var stats = await store.StatsAsync(Cancel);
        Assert.Equal(600, stats.Letters);
        Assert.Equal(written.Sum(l => l.Items.Count), stats.Items);
        Assert.Equal(written.Sum(l => l.Items.Count(i => i.Decision == Decision.Upheld)), stats.Upheld);
    }

    [Fact]
    public async Task Import_WithoutProgressBar_WritesProgressLinesWithRateAndTimeLeft()
    {
        using var folder = new TempFolder();
        WriteLetters(folder.Path, 10);

        var run = await CliRun.InvokeAsync("import", folder.Path, "--db", Path.Combine(folder.Path, "imr.db"), "--batch-size", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"imr import: \d+ of 10 files .*letters/s, about \d\d:\d\d:\d\d left", run.Stderr);
        Assert.Contains("10 new, 0 updated, 0 unchanged, 0 failed", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_DbIsAFolder_IsAUsageErrorNamingIt()
    {
        using var folder = new TempFolder();
        WriteLetters(folder.Path, 1);

        var run = await CliRun.InvokeAsync("import", folder.Path, "--db", folder.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a folder", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingPath_IsReportedAndTheOthersImported()
    {
        using var folder = new TempFolder();
        WriteLetters(folder.Path, 2);
        var missing = Path.Combine(folder.Path, "nowhere");

        var run = await CliRun.InvokeAsync("import", folder.Path, missing, "--db", Path.Combine(folder.Path, "imr.db"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nowhere: IO002: no such file or folder", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("2 new", run.Stdout, StringComparison.Ordinal);
    }
}
