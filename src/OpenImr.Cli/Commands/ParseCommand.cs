using System.CommandLine;

namespace OpenImr.Cli.Commands;

/// <summary><c>imr parse PATH... [--json]</c>.</summary>
internal static class ParseCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Letters (PDF, text, Markdown, HTML) or folders of them." };
        var json = new Option<bool>("--json") { Description = "Print a JSON array of Letter objects." };
        var command = new Command("parse", "Read Final Determination Letters into structured Letters.") { paths, json };
        command.SetAction(result =>
        {
            stderr.WriteLine("imr parse: not implemented yet");
            _ = stdout;
            return ImrCommandLine.Problem;
        });
        return command;
    }
}
