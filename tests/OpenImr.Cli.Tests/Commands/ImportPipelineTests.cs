using System.Text.Json;
using OpenImr.Cli.Commands;
using OpenImr.Storage;
using OpenImr.Storage.Letters;
using OpenImr.Tests.Shared;

namespace OpenImr.Cli.Tests.Commands;

public class ImportPipelineTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static List<InputFiles.InputFile> Files(string folder) => InputFiles.Expand([folder], []);

    private static LetterStore Store(string folder) => LetterDatabase.Open(DatabaseTarget.Parse(Path.Combine(folder, "imr.db")));

    /// <summary>The files the report lists, as <c>--json</c> prints them: (file name, code, failed).</summary>
    private static async Task<List<(string File, string Code, bool Failed)>> FailuresAsync(ImportReport report)
    {
        using var stdout = new StringWriter();
        await report.WriteAsync(new ImportOutcome("test", 0, UpsertResult.None, 0), reportFile: null, json: true, stdout, new StringWriter());
        return [.. JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("failures").EnumerateArray()
            .Select(f => (Path.GetFileName(f.GetProperty("file").GetString()!), f.GetProperty("code").GetString()!, f.GetProperty("failed").GetBoolean()))];
    }

    [Fact]
    public async Task RunAsync_FolderOfLetters_StoresEveryOneAndReportsEachBatch()
    {
        using var folder = new TempFolder();
        var letters = Directory.CreateDirectory(Path.Combine(folder.Path, "letters")).FullName;
        ImportCommandTests.WriteLetters(letters, 10);
        var report = new ImportReport();
        var pipeline = new ImportPipeline(Files(letters), report, batchSize: 4);
        var reports = new List<UpsertResult>();

        var stored = await pipeline.RunAsync(LetterDatabase.Open(DatabaseTarget.Parse(Path.Combine(folder.Path, "imr.db")), batchSize: 4), new Inline(reports.Add), Cancel);

        Assert.Equal(new UpsertResult(10, 0, 0, 0), stored);
        Assert.Equal([new UpsertResult(4, 0, 0, 0), new UpsertResult(8, 0, 0, 0), new UpsertResult(10, 0, 0, 0)], reports);
        Assert.Equal(0, pipeline.NotStored);
        Assert.Empty(await FailuresAsync(report));
    }

    [Fact]
    public async Task RunAsync_TwoFilesOfOneCase_StoresTheFirstInPathOrderAndReportsTheOtherAsSkipped()
    {
        using var folder = new TempFolder();
        var letters = Directory.CreateDirectory(Path.Combine(folder.Path, "letters")).FullName;
        ImportCommandTests.WriteLetters(letters, 3);
        File.Copy(Path.Combine(letters, "000001.txt"), Path.Combine(letters, "000001-copy.txt"));
        var report = new ImportReport();
        var pipeline = new ImportPipeline(Files(letters), report, batchSize: 200);

        var stored = await pipeline.RunAsync(Store(folder.Path), new Inline(_ => { }), Cancel);

        Assert.Equal(new UpsertResult(3, 0, 0, 0), stored);
        Assert.Equal(1, pipeline.NotStored);
        Assert.Equal([("000001.txt", ImportReport.DuplicateCaseNumber, false)], await FailuresAsync(report));
    }

    [Fact]
    public async Task RunAsync_FilesThatGiveNoLetter_AreReportedAndCountedAsNotStored()
    {
        using var folder = new TempFolder();
        var letters = Directory.CreateDirectory(Path.Combine(folder.Path, "letters")).FullName;
        ImportCommandTests.WriteLetters(letters, 2);
        File.WriteAllText(Path.Combine(letters, "notes.txt"), "Notes about this folder of letters; not a letter.");
        File.WriteAllBytes(Path.Combine(letters, "junk.pdf"), [.. Enumerable.Range(0, 5000).Select(i => (byte)(i % 9))]);
        var report = new ImportReport();
        var pipeline = new ImportPipeline(Files(letters), report, batchSize: 200);

        var stored = await pipeline.RunAsync(Store(folder.Path), new Inline(_ => { }), Cancel);

        Assert.Equal(new UpsertResult(2, 0, 0, 0), stored);
        Assert.Equal(2, pipeline.NotStored);
        var failures = await FailuresAsync(report);
        Assert.Contains(failures, f => f.File == "junk.pdf" && f.Code.StartsWith("LTR", StringComparison.Ordinal) && f.Failed);
        Assert.Contains(failures, f => f.File == "notes.txt" && !f.Failed);
    }

    [Fact]
    public async Task RunAsync_DatabaseFails_StopsTheReadersWaitingOnAFullChannelAndThrows()
    {
        using var folder = new TempFolder();
        var letters = Directory.CreateDirectory(Path.Combine(folder.Path, "letters")).FullName;
        // More letters than the channel holds (256 at a batch of 1), so the readers would wait on it for ever.
        ImportCommandTests.WriteLetters(letters, 300);
        var notADatabase = Path.Combine(folder.Path, "imr.db");
        File.WriteAllText(notADatabase, new string('x', 4096));
        var unreachable = LetterDatabase.Open(DatabaseTarget.Parse(notADatabase), batchSize: 1);
        var pipeline = new ImportPipeline(Files(letters), new ImportReport(), batchSize: 1);

        var thrown = await Record.ExceptionAsync(() => pipeline.RunAsync(unreachable, new Inline(_ => { }), Cancel).WaitAsync(TimeSpan.FromMinutes(2), Cancel));

        Assert.NotNull(thrown);
        Assert.True(LetterDatabase.IsDatabaseFailure(thrown), thrown.ToString());
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var folder = new TempFolder();
        var letters = Directory.CreateDirectory(Path.Combine(folder.Path, "letters")).FullName;
        ImportCommandTests.WriteLetters(letters, 5);
        var pipeline = new ImportPipeline(Files(letters), new ImportReport(), batchSize: 2);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.RunAsync(Store(folder.Path), new Inline(_ => { }), cancelled.Token));
    }

    private sealed class Inline(Action<UpsertResult> report) : IProgress<UpsertResult>
    {
        public void Report(UpsertResult value) => report(value);
    }
}
