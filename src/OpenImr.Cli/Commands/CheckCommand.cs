using System.CommandLine;
using System.Text.Json;
using OpenImr.Domain.Review;
using OpenImr.Domain.Serialization;

namespace OpenImr.Cli.Commands;

/// <summary>
/// <c>imr check CASE [--json]</c>: for the requesting side, per request, which criteria the records
/// meet, which they do not, and which are not documented yet, with the document that would supply each.
/// Exit 1 when anything is missing.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var caseArgument = new Argument<string>("CASE") { Description = "A Case JSON file, or a folder holding case.json and its documents." };
        var json = new Option<bool>("--json") { Description = "Print the checks as JSON." };
        var guidelines = ReviewServices.GuidelinesOption();
        var command = new Command("check", "Before filing: which criteria each request meets, and which documentation is missing.") { caseArgument, json, guidelines };
        command.SetAction(async (result, cancellation) =>
        {
            var (library, engine, libraryError) = ReviewServices.Resolve(result.GetValue(guidelines));
            if (engine is null)
            {
                await stderr.WriteLineAsync($"imr check: --guidelines {libraryError}").ConfigureAwait(false);
                return ImrCommandLine.Usage;
            }

            var loaded = await CaseFileLoader.LoadAsync(result.GetRequiredValue(caseArgument), cancellation).ConfigureAwait(false);
            if (!loaded.Succeeded)
            {
                await stderr.WriteLineAsync($"imr check: {loaded.Error}").ConfigureAwait(false);
                return ImrCommandLine.Usage;
            }

            var review = engine.Review(loaded.Case!, loaded.DocumentTexts, ReviewServices.Today);
            var checks = RequestChecks.From(review, library!);
            if (result.GetValue(json))
            {
                await stdout.WriteLineAsync(JsonSerializer.Serialize(new { caseNumber = review.CaseNumber, requests = checks }, ImrJson.Options)).ConfigureAwait(false);
            }
            else
            {
                Write(checks, stdout);
            }

            return checks.Any(c => c.Missing.Any(i => i.Decisive)) ? ImrCommandLine.Problem : ImrCommandLine.Success;
        });
        return command;
    }

    private static void Write(IReadOnlyList<RequestCheck> checks, TextWriter stdout)
    {
        foreach (var check in checks)
        {
            var guideline = check.Guideline is { } g ? $"{g.Source} {g.Title}{(g.Pages is null ? "" : $" p.{g.Pages}")} ({g.Section})" : "no guideline in the library covers it";
            stdout.WriteLine($"{check.Request}");
            stdout.WriteLine($"  service {check.Service}; guideline {guideline}; as the records stand: {check.Outlook} ({RecommendationStrengths.Describe(check.Strength)})");
            foreach (var item in check.Items)
            {
                var mark = item.Status switch
                {
                    CriterionStatus.Met => "met          ",
                    CriterionStatus.NotMet => "NOT MET      ",
                    _ => "not yet shown",
                };
                stdout.WriteLine($"  [{mark}] {item.Text}{(item.Decisive ? "" : " (supporting)")}");
                if (item.Finding is { Length: > 0 } finding)
                {
                    stdout.WriteLine($"                  found: {finding}");
                }

                if (item.Supply is { } supply)
                {
                    stdout.WriteLine($"                  supply: {supply}");
                }
            }

            stdout.WriteLine();
        }
    }
}
