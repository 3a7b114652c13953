using System.Text.Json;
using OpenImr.Documents.Letters;
using OpenImr.Domain.Letters;
using OpenImr.Tests.Shared;

namespace OpenImr.Cli.Tests.Commands;

public class ParseCommandTests
{
    private static readonly string Seeds = CliRun.TestData("Seeds");

    [Fact]
    public async Task Parse_SeedFolderAsJson_PrintsOneLetterPerFileInContractShape()
    {
        var run = await CliRun.InvokeAsync("parse", Seeds, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var letters = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(5, letters.Count);
        var markdown = letters.Single(l => l.GetProperty("source").GetString() == "002_e0e9df62187ffaeb.txt");
        Assert.Equal("CM15-0174261", markdown.GetProperty("caseNumber").GetString());
        Assert.Equal("2015-10-23", markdown.GetProperty("dates").GetProperty("decision").GetString());
        Assert.Equal("standard", markdown.GetProperty("priority").GetString());
        Assert.Equal(JsonValueKind.Null, markdown.GetProperty("patient").GetProperty("age").ValueKind);
        var item = markdown.GetProperty("items")[0];
        Assert.Equal("Upheld", item.GetProperty("decision").GetString());
        Assert.Equal("Chronic Pain Medical Treatment Guidelines", item.GetProperty("citations")[0].GetProperty("title").GetString());
        Assert.True(item.TryGetProperty("claimsAdministratorGuideline", out _));
        Assert.True(item.TryGetProperty("imrGuideline", out _));
    }

    [Fact]
    public async Task Parse_WithoutJson_PrintsReadableSummary()
    {
        var run = await CliRun.InvokeAsync("parse", Path.Combine(Seeds, "002_e0e9df62187ffaeb.txt"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("CM15-0174261", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1. 10 work conditioning sessions: Upheld", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_BadFilesAmongGoodOnes_ReportsEachAndStillParsesTheRest()
    {
        using var folder = new TempFolder();
        var good = folder.File("good.txt", File.ReadAllText(Path.Combine(Seeds, "000_02d198c2aeaf1f9d.txt")));
        var empty = folder.File("empty.txt", "");
        var pdf = LetterDocuments.Pdf(LetterParser.Parse(File.ReadAllText(good)).Letter!);
        var truncated = folder.File("truncated.pdf", pdf[..(pdf.Length / 2)]);
        var binary = folder.File("junk.pdf", Enumerable.Range(0, 5000).Select(i => (byte)(i % 9)).ToArray());
        var noDecisions = folder.File("no-decisions.txt", File.ReadAllText(good).Replace(":  Upheld", "", StringComparison.Ordinal));
        var missing = Path.Combine(folder.Path, "missing.pdf");

        var run = await CliRun.InvokeAsync("parse", good, empty, truncated, binary, noDecisions, missing, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray());
        var errors = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(errors, e => e.Contains("empty.txt", StringComparison.Ordinal) && e.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("truncated.pdf", StringComparison.Ordinal) && e.Contains("truncated", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("junk.pdf", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("no-decisions.txt", StringComparison.Ordinal) && e.Contains(LetterIssueCodes.NoDecisions, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("missing.pdf", StringComparison.Ordinal) && e.Contains("no such file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Parse_NoArguments_IsAUsageError()
    {
        var run = await CliRun.InvokeAsync("parse");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Required argument missing", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("imr parse --help", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_UnknownOption_IsAUsageError()
    {
        var run = await CliRun.InvokeAsync("parse", Seeds, "--jsn");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--jsn", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_FolderWithNotesBesideLetters_SkipsNotesWithoutFailing()
    {
        using var folder = new TempFolder();
        folder.File("letter.md", File.ReadAllText(Path.Combine(Seeds, "002_e0e9df62187ffaeb.txt")));
        folder.File("README.md", "# Notes\nThese are my letters.\n");

        var run = await CliRun.InvokeAsync("parse", folder.Path, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray());
        Assert.Contains("README.md: skipped", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_DevCorpus_ReadsAllLettersAsJson()
    {
        var corpus = DevCorpus.Require();

        var run = await CliRun.InvokeAsync("parse", corpus, "--json");

        Assert.Equal(0, run.ExitCode);
        var letters = JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(99, letters.Count);
        Assert.Equal(218, letters.Sum(l => l.GetProperty("items").GetArrayLength()));
    }

    /// <summary>A folder holding one seed letter, for the hostile-folder tests.</summary>
    private static TempFolder FolderWithOneLetter()
    {
        var folder = new TempFolder();
        File.Copy(Path.Combine(Seeds, "002_e0e9df62187ffaeb.txt"), Path.Combine(folder.Path, "letter.txt"));
        return folder;
    }

    [Fact]
    public async Task Parse_FolderWithADamagedPdf_ReportsItWithItsCodeAndExitsOne()
    {
        using var folder = FolderWithOneLetter();
        folder.File("damaged.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"u8.ToArray());

        var run = await CliRun.InvokeAsync("parse", folder.Path, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray());
        Assert.Contains("damaged.pdf: LTR006: the PDF is damaged or truncated", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("UglyToad", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_FolderWithALinkToItselfAndToItsParent_ReadsEachLetterOnce()
    {
        using var folder = FolderWithOneLetter();
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "loop"), folder.Path);
        var sub = Directory.CreateDirectory(Path.Combine(folder.Path, "sub")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(sub, "up"), folder.Path);

        var run = await CliRun.InvokeAsync("parse", folder.Path, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task Parse_FifoNamedLikeALetter_IsNotOpenedAndIsReported()
    {
        using var folder = FolderWithOneLetter();
        var fifo = Path.Combine(folder.Path, "pipe.txt");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var run = await CliRun.InvokeAsync("parse", folder.Path, "--json").WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(1, run.ExitCode);
        Assert.Single(JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray());
        Assert.Contains("pipe.txt: LTR001: the file is empty, or not a regular file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_FileNameWithANewline_StaysOneLineOfError()
    {
        using var folder = new TempFolder();
        var name = folder.File("bad\nname.txt", "short synthetic note, not a letter");

        var run = await CliRun.InvokeAsync("parse", name);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("bad\\nname.txt: LTR002", line, StringComparison.Ordinal);
    }
}
