using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Serialization;
using Spectre.Console;

namespace OpenImr.Cli.Commands;

/// <summary><c>imr facts CASE [--json] [--as-of DATE]</c>: the requests as services and quantities, and the clinical facts with their evidence.</summary>
internal static class FactsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var casePath = new Argument<string>("CASE") { Description = "A Case JSON file, or a folder holding case.json." };
        var json = new Option<bool>("--json") { Description = "Print JSON: {caseNumber, asOf, requests, facts}." };
        var asOf = new Option<string?>("--as-of")
        {
            Description = "The date durations are measured to (yyyy-MM-dd). Default: the case's application, assignment or UR date, else today.",
        };
        var command = new Command("facts", "Show what the engine reads in a case: each request as service and quantity, and clinical facts with the text they came from.")
        {
            casePath, json, asOf,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var loaded = await CaseFileLoader.LoadAsync(parseResult.GetValue(casePath)!, cancellationToken).ConfigureAwait(false);
            if (!loaded.Succeeded)
            {
                await stderr.WriteLineAsync($"imr facts: {loaded.Error}").ConfigureAwait(false);
                return ImrCommandLine.Usage;
            }

            var @case = loaded.Case!;
            DateOnly date;
            if (parseResult.GetValue(asOf) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
                {
                    await stderr.WriteLineAsync($"imr facts: --as-of '{text}' is not a date; use yyyy-MM-dd").ConfigureAwait(false);
                    return ImrCommandLine.Usage;
                }
            }
            else
            {
                date = @case.Dates?.ApplicationReceived ?? @case.Dates?.Assigned ?? @case.Dates?.UrDenial ?? ReviewServices.Today;
            }

            var requests = @case.Requests.Select(r => RequestParser.Parse(r.Description)).ToList();
            var facts = CaseFacts.Extract(@case, loaded.DocumentTexts, date);
            if (parseResult.GetValue(json))
            {
                var output = new
                {
                    caseNumber = @case.CaseNumber,
                    asOf = date,
                    requests = requests.Select(r => new
                    {
                        request = r.Description,
                        portion = r.Portion,
                        service = r.Service.ToString(),
                        region = r.Region,
                        laterality = r.Laterality,
                        quantity = r.Quantity,
                        drugName = r.DrugName,
                        isRetrospective = r.IsRetrospective,
                        dependsOnSurgery = r.DependsOnSurgery,
                    }),
                    facts,
                };
                await stdout.WriteLineAsync(JsonSerializer.Serialize(output, ImrJson.Options)).ConfigureAwait(false);
            }
            else
            {
                WriteTables(stdout, @case, requests, facts, date);
            }

            return ImrCommandLine.Success;
        });
        return command;
    }

    private static void WriteTables(TextWriter stdout, Case @case, List<ParsedRequest> requests, IReadOnlyList<ClinicalFact> facts, DateOnly asOf)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(stdout),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        console.WriteLine($"Case {@case.CaseNumber ?? "(no number)"}, as of {asOf:yyyy-MM-dd}");

        var requestTable = new Table().Title("Requests").AddColumns("Request", "Service", "Region", "Quantity", "Flags");
        foreach (var r in requests)
        {
            var flags = string.Join(", ", new[] { r.IsRetrospective ? "retrospective" : null, r.DependsOnSurgery ? "depends on surgery" : null }.OfType<string>());
            requestTable.AddRow(Cell(r.Portion), Cell(r.Service.ToString()), Cell(Side(r.Laterality, r.Region)), Cell(Describe(r.Quantity)), Cell(flags));
        }

        console.Write(requestTable);

        var factTable = new Table().Title($"Facts ({facts.Count})").AddColumns("Kind", "Status", "Value", "Region", "Evidence");
        foreach (var f in facts)
        {
            var value = string.Join(" ", new[] { f.Value, f.Number?.ToString(CultureInfo.InvariantCulture), f.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }.OfType<string>());
            var evidence = f.Evidence is { } e ? $"[{e.Document}:{e.Start}-{e.End}] {Shorten(e.Quote)}" : "(case fields)";
            factTable.AddRow(Cell(f.Kind), Cell(f.Status.ToString()), Cell(value), Cell(Side(f.Laterality, f.Region)), Cell(evidence));
        }

        console.Write(factTable);
    }

    private static Text Cell(string? text) => new(text ?? "");

    private static string Side(Laterality? laterality, string? region) =>
        region is null ? "" : laterality is { } l ? $"{l.ToString().ToLowerInvariant()} {region}" : region;

    private static string Shorten(string quote)
    {
        var flat = quote.ReplaceLineEndings(" ");
        return flat.Length <= 90 ? flat : flat[..87] + "...";
    }

    private static string Describe(RequestQuantity q)
    {
        var parts = new List<string>();
        void Add(string name, decimal? value)
        {
            if (value is { } v)
            {
                parts.Add($"{name} {v.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        Add("sessions", q.Sessions);
        if (q.SessionsMin is not null)
        {
            parts.Add($"sessions {q.SessionsMin}-{q.SessionsMax}");
        }

        Add("per week", q.PerWeek);
        if (q.PerWeekMin is not null)
        {
            parts.Add($"per week {q.PerWeekMin}-{q.PerWeekMax}");
        }

        Add("weeks", q.Weeks);
        Add("hours", q.Hours);
        Add("hours/day", q.HoursPerDay);
        Add("days", q.Days);
        if (q.DaysMin is not null)
        {
            parts.Add($"days {q.DaysMin}-{q.DaysMax}");
        }

        Add("months", q.Months);
        Add("count", q.Count);
        if (q.Strength is not null)
        {
            parts.Add(q.Strength);
        }

        Add("refills", q.Refills);
        return string.Join(", ", parts);
    }
}
