using System.Text.Json;
using OpenImr.Cli.Commands;
using OpenImr.Storage.Letters;
using OpenImr.Tests.Shared;

namespace OpenImr.Cli.Tests.Commands;

public class ImportReportTests
{
    private static readonly ImportOutcome Outcome = new("/data/imr.db", 1234, new UpsertResult(1000, 2, 30, 0), 2.04);

    private static async Task<(int Code, string Stdout, string Stderr)> WriteAsync(ImportReport report, string? reportFile = null, bool json = false)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await report.WriteAsync(Outcome, reportFile, json, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static ImportReport WithProblems()
    {
        var report = new ImportReport();
        report.AddMissing("/letters/nowhere");
        report.Add(new FileFailure("/letters/b.pdf", "LTR006", "the PDF is damaged", Failed: true));
        report.Add(new FileFailure("/letters/c.txt", ImportReport.DuplicateCaseNumber, "holds case CM1, as /letters/a.txt does", Failed: false));
        return report;
    }

    [Fact]
    public async Task WriteAsync_NothingFailed_PrintsTheSummaryLineAndSucceeds()
    {
        var (code, stdout, stderr) = await WriteAsync(new ImportReport());

        Assert.Equal(ImrCommandLine.Success, code);
        Assert.Equal(
            "imr import: 1,234 files into /data/imr.db: 1,000 new, 2 updated, 30 unchanged, 0 failed, 0 skipped, in 2.0 s (506 letters/s)." + Environment.NewLine,
            stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task WriteAsync_FailedAndSkippedFiles_ListsEachOnStderrInOrderAndFails()
    {
        var (code, stdout, stderr) = await WriteAsync(WithProblems());

        Assert.Equal(ImrCommandLine.Problem, code);
        Assert.Contains("2 failed, 1 skipped", stdout, StringComparison.Ordinal);
        Assert.Equal(
            [
                "imr import: 2 file(s) not stored; fix or remove them and run again (stored letters are skipped):",
                "  /letters/nowhere: IO002: no such file or folder; check the path",
                "  /letters/b.pdf: LTR006: the PDF is damaged",
                "  /letters/c.txt: skipped, holds case CM1, as /letters/a.txt does",
                "",
            ],
            stderr.Split(Environment.NewLine));
    }

    [Fact]
    public async Task WriteAsync_OnlySkippedFiles_ListsThemAndSucceeds()
    {
        var report = new ImportReport();
        report.Add(new FileFailure("/letters/notes.txt", "LTR001", "not an IMR determination letter", Failed: false));

        var (code, _, stderr) = await WriteAsync(report);

        Assert.Equal(ImrCommandLine.Success, code);
        Assert.Equal("  /letters/notes.txt: skipped, not an IMR determination letter" + Environment.NewLine, stderr);
    }

    [Fact]
    public async Task WriteAsync_Json_PrintsTheCountsAndEveryFileNotStored()
    {
        var (code, stdout, _) = await WriteAsync(WithProblems(), json: true);

        Assert.Equal(ImrCommandLine.Problem, code);
        var outcome = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(
            ["database", "files", "inserted", "updated", "unchanged", "failed", "skipped", "seconds", "failures"],
            outcome.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("/data/imr.db", 1234, 1000, 2, 30, 2, 1, 2.04),
            (outcome.GetProperty("database").GetString(), outcome.GetProperty("files").GetInt32(), outcome.GetProperty("inserted").GetInt32(),
                outcome.GetProperty("updated").GetInt32(), outcome.GetProperty("unchanged").GetInt32(), outcome.GetProperty("failed").GetInt32(),
                outcome.GetProperty("skipped").GetInt32(), outcome.GetProperty("seconds").GetDouble()));
        var skipped = outcome.GetProperty("failures")[2];
        Assert.Equal(("/letters/c.txt", "IMP001", false),
            (skipped.GetProperty("file").GetString(), skipped.GetProperty("code").GetString(), skipped.GetProperty("failed").GetBoolean()));
    }

    [Fact]
    public async Task WriteAsync_ReportFile_WritesOneTabSeparatedLinePerFileNotStored()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "report.tsv");
        var report = WithProblems();
        report.Add(new FileFailure("/letters/d.txt", "LTR005", "two\nlines", Failed: true));

        await WriteAsync(report, file);

        Assert.Equal(
            "file\tstatus\tcode\treason\n" +
            "/letters/nowhere\tfailed\tIO002\tno such file or folder; check the path\n" +
            "/letters/b.pdf\tfailed\tLTR006\tthe PDF is damaged\n" +
            "/letters/c.txt\tskipped\tIMP001\tholds case CM1, as /letters/a.txt does\n" +
            "/letters/d.txt\tfailed\tLTR005\ttwo lines\n",
            await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WriteAsync_ReportFileCannotBeWritten_SaysSoAfterTheCompleteList()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "no-such-folder", "report.tsv");

        var (code, _, stderr) = await WriteAsync(WithProblems(), file);

        Assert.Equal(ImrCommandLine.Problem, code);
        Assert.EndsWith("; the report above is complete." + Environment.NewLine, stderr, StringComparison.Ordinal);
        Assert.Contains($"imr import: --report {file}: cannot be written (", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteNoLettersAsync_MissingPaths_NamesEachOne()
    {
        var report = new ImportReport();
        report.AddMissing("/letters/nowhere");
        report.AddMissing("/letters/elsewhere");
        using var stderr = new StringWriter();

        await report.WriteNoLettersAsync(stderr);

        Assert.Equal(
            "imr import: /letters/nowhere: no such file or folder; check the path." + Environment.NewLine +
            "imr import: /letters/elsewhere: no such file or folder; check the path." + Environment.NewLine,
            stderr.ToString());
    }

    [Fact]
    public async Task WriteNoLettersAsync_NothingMissing_SaysNoLettersWereFound()
    {
        using var stderr = new StringWriter();

        await new ImportReport().WriteNoLettersAsync(stderr);

        Assert.Equal("imr import: no letters found (looked for .pdf, .txt, .text, .md, .markdown, .htm, .html files)." + Environment.NewLine, stderr.ToString());
    }
}
