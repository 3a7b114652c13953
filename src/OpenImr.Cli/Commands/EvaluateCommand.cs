using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;
using OpenImr.Domain.Serialization;

namespace OpenImr.Cli.Commands;

/// <summary>
/// <c>imr evaluate PATH... [--json]</c>: for each published letter, rebuild the case from its
/// header, summary and requests only, review it, and compare with the reviewer's decisions.
/// </summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Published letters or folders of them." }.RejectingUnknownOptions();
        var json = new Option<bool>("--json") { Description = "Print the Evaluation JSON (CONTRACTS.md) with per-family confusion matrices." };
        var guidelines = ReviewServices.GuidelinesOption();
        var command = new Command("evaluate", "Measure the engine against published letters: rebuild each case without its decisions, review it, compare.") { paths, json, guidelines };
        command.SetAction(result => Run(result.GetRequiredValue(paths), result.GetValue(json), result.GetValue(guidelines), stdout, stderr));
        return command;
    }

    internal static int Run(IReadOnlyList<string> paths, bool json, string? guidelines, TextWriter stdout, TextWriter stderr)
    {
        var (_, engine, libraryError) = ReviewServices.Resolve(guidelines);
        if (engine is null)
        {
            stderr.WriteLine($"imr evaluate: --guidelines {libraryError}");
            return ImrCommandLine.Usage;
        }

        var (letters, failed) = LetterInputs.Read("evaluate", paths, stderr, warnings: false);
        var evaluation = Evaluate(letters, engine);
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(evaluation, ImrJson.Options));
        }
        else
        {
            WriteTable(evaluation, stdout);
        }

        return failed || letters.Count == 0 ? ImrCommandLine.Problem : ImrCommandLine.Success;
    }

    internal static EvaluationReport Evaluate(IReadOnlyList<Letter> letters, ReviewEngine engine)
    {
        var evaluation = LetterEvaluation.Run(letters, engine, ReviewServices.Today);
        var results = evaluation.Results;
        var families = ConfusionMatrix.ByFamily(results).ToDictionary(
            pair => pair.Key,
            pair => new FamilyFigures(pair.Value.Total, pair.Value, Math.Round(pair.Value.Coverage, 4), Math.Round(pair.Value.BalancedAccuracy, 4)),
            StringComparer.Ordinal);
        var overall = ConfusionMatrix.Of(results);
        return new EvaluationReport(letters.Count, results.Count, results, families,
            new FamilyFigures(overall.Total, overall, Math.Round(overall.Coverage, 4), Math.Round(overall.BalancedAccuracy, 4)),
            evaluation.GuidelineMatch is { } match ? Math.Round(match, 4) : null);
    }

    private static void WriteTable(EvaluationReport report, TextWriter stdout)
    {
        stdout.WriteLine($"{report.Letters} letters, {report.Items} items");
        stdout.WriteLine($"{"family",-20} {"n",5} {"coverage",9} {"balanced acc.",14}   U->U U->O U->- O->U O->O O->-");
        foreach (var (family, figures) in report.Families.Append(new KeyValuePair<string, FamilyFigures>("all", report.Overall)))
        {
            var m = figures.Matrix;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{family,-20} {figures.Items,5} {figures.Coverage,9:P0} {figures.BalancedAccuracy,14:F2}   {m.UpheldAsUpheld,4} {m.UpheldAsOverturned,4} {m.UpheldWithout,4} {m.OverturnedAsUpheld,4} {m.OverturnedAsOverturned,4} {m.OverturnedWithout,4}"));
        }

        if (report.GuidelineMatch is { } match)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"guideline chosen matches one the reviewer cited: {match:P0}"));
        }
    }
}

/// <summary>The Evaluation of CONTRACTS.md, with per-family figures added.</summary>
internal sealed record EvaluationReport(
    int Letters,
    int Items,
    IReadOnlyList<EvaluationResult> Results,
    IReadOnlyDictionary<string, FamilyFigures> Families,
    FamilyFigures Overall,
    double? GuidelineMatch);

internal sealed record FamilyFigures(int Items, ConfusionMatrix Matrix, double Coverage, double BalancedAccuracy);
