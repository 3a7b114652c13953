using System.CommandLine;
using OpenImr.Cli.Commands;

namespace OpenImr.Cli;

/// <summary>The <c>imr</c> command tree. Exit codes: 0 success, 1 ran but found a problem, 2 bad input or usage.</summary>
internal static class ImrCommandLine
{
    public const int Success = 0;
    public const int Problem = 1;
    public const int Usage = 2;

    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("OpenIMR: read, decide and issue California workers' compensation Independent Medical Review determinations.");
        root.Subcommands.Add(ParseCommand.Create(stdout, stderr));
        root.Subcommands.Add(FactsCommand.Create(stdout, stderr));
        root.Subcommands.Add(ReviewCommand.Create(stdout, stderr));
        root.Subcommands.Add(CheckCommand.Create(stdout, stderr));
        root.Subcommands.Add(EvaluateCommand.Create(stdout, stderr));
        root.Subcommands.Add(ServeCommand.Create(stdout, stderr));
        root.Subcommands.Add(ImportCommand.Create(stdout, stderr));
        root.Subcommands.Add(SearchCommand.Create(stdout, stderr));
        root.Subcommands.Add(StatsCommand.Create(stdout, stderr));
        root.Subcommands.Add(GuidelinesCommand.Create(stdout, stderr));
        root.Subcommands.Add(FormularyCommand.Create(stdout, stderr));
        return root;
    }

    /// <summary>A path argument must not swallow a mistyped option ("--jsn") as a file name.</summary>
    public static Argument<string[]> RejectingUnknownOptions(this Argument<string[]> argument)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && token.Value.Length > 1 && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
        return argument;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build(stdout, stderr);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"imr: {error.Message}").ConfigureAwait(false);
            }

            var command = parsed.CommandResult.Command.Name;
            await stderr.WriteLineAsync(command == root.Name ? "Run 'imr --help' for usage." : $"Run 'imr {command} --help' for usage.").ConfigureAwait(false);
            return Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }).ConfigureAwait(false);
    }
}
