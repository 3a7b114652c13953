using System.Text.RegularExpressions;
using OpenImr.Cli.Commands;

namespace OpenImr.Cli.Tests.Commands;

public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_DbInMissingFolder_ExitsWithUsage()
    {
        var run = await CliRun.InvokeAsync("serve", "--db", "/nonexistent-folder-imr/imr.db");

        Assert.Equal(ImrCommandLine.Usage, run.ExitCode);
        Assert.Contains("--db", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_FreePort_AnswersHealthAndPrintsFirstTokenUntilCancelled()
    {
        using var folder = new TempFolder();
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var stdout = TextWriter.Synchronized(output);
        var stderr = TextWriter.Synchronized(errors);
        using var stop = new CancellationTokenSource();
        var serving = ServeCommand.RunAsync("http://127.0.0.1:0", Path.Combine(folder.Path, "serve.db"), stdout, stderr, stop.Token);

        Match listening = Match.Empty;
        for (var i = 0; i < 300 && !serving.IsCompleted; i++)
        {
            listening = ListeningPattern().Match(Read(stdout, output));
            if (listening.Success)
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(listening.Success, $"stdout: {Read(stdout, output)} stderr: {Read(stderr, errors)}");
        using var client = new HttpClient { BaseAddress = new Uri(listening.Groups[1].Value) };
        var health = await client.GetStringAsync("/health", TestContext.Current.CancellationToken);
        await stop.CancelAsync();

        Assert.Equal(ImrCommandLine.Success, await serving);
        Assert.Equal("""{"status":"ok"}""", health);
        Assert.Contains("shown only this once", Read(stdout, output), StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    /// <summary>Reads what was written so far; the synchronized writer locks on itself.</summary>
    private static string Read(TextWriter synchronized, StringWriter inner)
    {
        lock (synchronized)
        {
            return inner.ToString();
        }
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningPattern();
}
