using OpenImr.Cli.Commands;
using OpenImr.Storage.Letters;

namespace OpenImr.Cli.Tests.Commands;

public class ImportProgressTests
{
    [Fact]
    public async Task ShowAsync_NotATerminal_WritesALineCountingFilesNotStoredAsDone()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        await ImportProgress.ShowAsync(stdout, stderr, files: 10, notStored: () => 2, progress =>
        {
            progress.Report(new UpsertResult(2, 1, 0, 0));
            return Task.FromResult(new UpsertResult(8, 0, 0, 0));
        });

        Assert.Matches(@"^imr import: 5 of 10 files \(2 new, 1 updated, 0 unchanged, 2 not stored\), [\d,]+ letters/s, about \d\d:\d\d:\d\d left\r?\n$", stderr.ToString());
        Assert.Empty(stdout.ToString());
    }

    [Fact]
    public async Task ShowAsync_BatchesWithinASecond_WritesOnlyTheFirst()
    {
        using var stderr = new StringWriter();

        await ImportProgress.ShowAsync(new StringWriter(), stderr, files: 30, notStored: () => 0, progress =>
        {
            for (var batch = 1; batch <= 3; batch++)
            {
                progress.Report(new UpsertResult(10 * batch, 0, 0, 0));
            }

            return Task.FromResult(new UpsertResult(30, 0, 0, 0));
        });

        Assert.StartsWith("imr import: 10 of 30 files", Assert.Single(stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowAsync_BatchesASecondApart_WritesALineForEach()
    {
        using var stderr = new StringWriter();

        await ImportProgress.ShowAsync(new StringWriter(), stderr, files: 20, notStored: () => 0, async progress =>
        {
            progress.Report(new UpsertResult(10, 0, 0, 0));
            await Task.Delay(TimeSpan.FromSeconds(1.1), TestContext.Current.CancellationToken);
            progress.Report(new UpsertResult(20, 0, 0, 0));
            return new UpsertResult(20, 0, 0, 0);
        });

        var lines = stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("imr import: 20 of 20 files", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("about 00:00:00 left", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowAsync_Import_ReturnsWhatTheImportStored()
    {
        var stored = new UpsertResult(3, 2, 1, 0);

        var result = await ImportProgress.ShowAsync(new StringWriter(), new StringWriter(), files: 6, notStored: () => 0, _ => Task.FromResult(stored));

        Assert.Equal(stored, result);
    }
}
