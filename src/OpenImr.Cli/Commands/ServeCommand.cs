using System.CommandLine;
using OpenImr.Application;
using OpenImr.Storage;
using OpenImr.Web;

namespace OpenImr.Cli.Commands;

/// <summary><c>imr serve [--urls URL] [--db CONNECTION] [--guidelines DIR] [--no-demo]</c>: the web application and API, until Ctrl+C; an empty database gets the demo unless --no-demo.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, ';'-separated (default {WebAppOptions.DefaultUrls}).",
            DefaultValueFactory = _ => WebAppOptions.DefaultUrls,
        };
        var db = new Option<string?>("--db")
        {
            Description = $"A SQLite file path (default {DatabaseTarget.DefaultSqliteFile}) or a PostgreSQL connection string or postgresql:// URL.",
        };
        var noDemo = new Option<bool>("--no-demo")
        {
            Description = "On an empty database, do not load the demo (synthetic cases, the seed letters, demo sign-ins).",
        };
        var guidelines = ReviewServices.GuidelinesOption();
        var command = new Command("serve", "Run the OpenIMR web application and HTTP API.") { urls, db, guidelines, noDemo };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetRequiredValue(urls), result.GetValue(db), stdout, stderr, cancellationToken, demo: !result.GetValue(noDemo), guidelines: result.GetValue(guidelines)));
        return command;
    }

    internal static async Task<int> RunAsync(string urls, string? db, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken, bool demo = false, string? guidelines = null)
    {
        DatabaseTarget target;
        try
        {
            target = DatabaseTarget.Parse(db);
        }
        catch (FormatException exception)
        {
            await stderr.WriteLineAsync($"imr serve: --db: {exception.Message}").ConfigureAwait(false);
            return ImrCommandLine.Usage;
        }

        if (string.IsNullOrWhiteSpace(urls))
        {
            await stderr.WriteLineAsync($"imr serve: --urls is empty; give an address such as {WebAppOptions.DefaultUrls}.").ConfigureAwait(false);
            return ImrCommandLine.Usage;
        }

        CriteriaLibrary criteria;
        try
        {
            // Note that the server never starts on a library with problems: they are named here and it exits.
            criteria = CriteriaLibrary.Load(guidelines);
        }
        catch (CriteriaLibraryException exception)
        {
            await stderr.WriteLineAsync($"imr serve: --guidelines: {exception.Message}").ConfigureAwait(false);
            return ImrCommandLine.Usage;
        }

        await using var app = OpenImrWebApp.Build(new WebAppOptions
        {
            Criteria = criteria,
            Urls = urls,
            Database = target,
            BootstrapToken = Environment.GetEnvironmentVariable(WebAppOptions.BootstrapTokenVariable),
            Output = stdout,
            Demo = demo,
        });
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException exception)
        {
            // Note that Kestrel reports an address in use as an IOException.
            await stderr.WriteLineAsync($"imr serve: cannot listen on {urls}: {exception.Message}").ConfigureAwait(false);
            return ImrCommandLine.Problem;
        }

        await stdout.WriteLineAsync($"imr serve: listening on {string.Join(", ", app.Urls)}, database {target}, criteria library {criteria.Version} ({criteria.Source}). Press Ctrl+C to stop.").ConfigureAwait(false);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return ImrCommandLine.Success;
    }
}
