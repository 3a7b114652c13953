namespace OpenImr.Cli.Tests;

/// <summary>Runs the real command tree in process with captured output.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> InvokeAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ImrCommandLine.RunAsync(args, stdout, stderr);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    public static string TestData(string relative) => Path.Combine(AppContext.BaseDirectory, "TestData", relative);
}
