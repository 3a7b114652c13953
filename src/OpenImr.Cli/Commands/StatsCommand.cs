using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Letters;
using Spectre.Console;

namespace OpenImr.Cli.Commands;

/// <summary>
/// <c>imr stats [--db CONNECTION] [--json]</c>: outcome counts over stored letters, overall and by
/// service family, guideline, reviewer specialty, year and month, with overturn rates.
/// </summary>
internal static class StatsCommand
{
    private const string Name = "stats";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = LetterDatabase.Option();
        var json = new Option<bool>("--json") { Description = "Print {\"letters\", \"items\", \"upheld\", \"overturned\", ...} with every breakdown (CONTRACTS.md)." };
        var command = new Command(Name, "Outcome statistics over stored letters.") { db, json };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(db), result.GetValue(json), stdout, stderr, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string? db, bool json, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (LetterDatabase.Parse(db, Name, stderr) is not { } target)
        {
            return ImrCommandLine.Usage;
        }

        if (!LetterDatabase.ExistsForReading(target, Name, stderr))
        {
            return ImrCommandLine.Problem;
        }

        LetterStats stats;
        try
        {
            stats = await LetterDatabase.Open(target).StatsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (LetterDatabase.IsDatabaseFailure(e))
        {
            await stderr.WriteLineAsync($"imr stats: {target.Description}: the statistics failed ({e.GetBaseException().Message}); check --db.").ConfigureAwait(false);
            return ImrCommandLine.Problem;
        }

        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(stats, ImrJson.Options)).ConfigureAwait(false);
            return ImrCommandLine.Success;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{stats.Letters:N0} letters, {stats.Items:N0} items: {stats.Upheld:N0} upheld, {stats.Overturned:N0} overturned ({Rate(stats.OverturnRate)} overturned)."));
        Breakdown(console, "Service family", stats.ByService);
        Breakdown(console, "Guideline (first cited)", stats.ByGuideline);
        Breakdown(console, "Guideline source", stats.ByGuidelineSource);
        Breakdown(console, "Reviewer specialty", stats.BySpecialty);
        Breakdown(console, "Year decided", stats.ByYear);
        Breakdown(console, "Month decided", stats.ByMonth);
        return ImrCommandLine.Success;
    }

    private static void Breakdown(IAnsiConsole console, string title, IReadOnlyList<StatsBucket> buckets)
    {
        if (buckets.Count == 0)
        {
            return;
        }

        var table = new Table { Border = TableBorder.Simple, Title = new TableTitle(title) };
        table.AddColumn(title);
        table.AddColumn(new TableColumn("Items").RightAligned());
        table.AddColumn(new TableColumn("Upheld").RightAligned());
        table.AddColumn(new TableColumn("Overturned").RightAligned());
        table.AddColumn(new TableColumn("Overturn rate").RightAligned());
        foreach (var bucket in buckets)
        {
            table.AddRow(
                Markup.Escape(bucket.Key ?? "(none)"),
                bucket.Items.ToString("N0", CultureInfo.InvariantCulture),
                bucket.Upheld.ToString("N0", CultureInfo.InvariantCulture),
                bucket.Overturned.ToString("N0", CultureInfo.InvariantCulture),
                Rate(bucket.OverturnRate));
        }

        console.Write(table);
    }

    private static string Rate(double? rate) => rate is { } r ? r.ToString("P1", CultureInfo.InvariantCulture) : "–";
}
