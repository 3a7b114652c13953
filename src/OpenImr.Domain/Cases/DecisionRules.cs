using System.Text.RegularExpressions;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;

namespace OpenImr.Domain.Cases;

/// <summary>One decision as a reviewer gives it: the request it decides (by its description), the decision and the rationale.</summary>
public sealed record GivenDecision(string? Request, string? Decision, string? Rationale);

/// <summary>A decision that passed <see cref="DecisionRules.Check"/>.</summary>
/// <param name="Ordinal">The request's position in the case.</param>
/// <param name="Accepted">Whether the decision is the engine's recommendation.</param>
public sealed record TakenDecision(int Ordinal, string Request, Decision Decision, string Rationale, bool Accepted);

/// <summary>The decisions to record, or what is wrong with the ones given, keyed by their place (<c>[0].rationale</c>, or <c>""</c> for the whole set).</summary>
public sealed record DecisionCheck(IReadOnlyList<TakenDecision> Decisions, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The rules of the decide step: every request decided once, Upheld or Overturned (a
/// NoRecommendation is the engine's, never the reviewer's decision), a decision that is not the
/// engine's carries its own rationale, and the rationale's conclusion agrees with the decision.
/// </summary>
public static partial class DecisionRules
{
    /// <summary>
    /// Checks <paramref name="given"/> against the case's <paramref name="requests"/> (in order) and the
    /// engine's determination of each (null where the engine has not run on it).
    /// </summary>
    public static DecisionCheck Check(IReadOnlyList<string> requests, IReadOnlyList<GivenDecision?> given, IReadOnlyList<Determination?> engine)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(engine);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var chosen = new Dictionary<int, TakenDecision>();
        for (var i = 0; i < given.Count; i++)
        {
            var line = given[i];
            var ordinal = IndexOf(requests, line?.Request);
            if (ordinal < 0)
            {
                errors[$"[{i}].request"] = [$"'{line?.Request}' is not a request of this case; the requests are: {string.Join("; ", requests)}."];
                continue;
            }

            if (chosen.ContainsKey(ordinal))
            {
                errors[$"[{i}].request"] = [$"'{requests[ordinal]}' is decided twice."];
                continue;
            }

            if (!Enum.TryParse<Decision>(line!.Decision?.Trim(), ignoreCase: true, out var decision) || !Enum.IsDefined(decision) || int.TryParse(line.Decision, out _))
            {
                errors[$"[{i}].decision"] = [$"'{line.Decision}' is not a decision; it is 'Upheld' or 'Overturned'."];
                continue;
            }

            if (decision == Decision.NoRecommendation)
            {
                errors[$"[{i}].decision"] = ["NoRecommendation is not a final decision; the reviewer decides 'Upheld' or 'Overturned'."];
                continue;
            }

            var recommended = ordinal < engine.Count ? engine[ordinal] : null;
            var accepted = recommended is not null && recommended.Decision == decision;
            var rationale = string.IsNullOrWhiteSpace(line.Rationale) ? (accepted ? recommended!.Rationale : null) : line.Rationale.Trim();
            if (rationale is null)
            {
                errors[$"[{i}].rationale"] = ["A rationale is required where the decision is not the engine's recommendation."];
                continue;
            }

            if (RationaleConflict(decision, rationale) is { } conflict)
            {
                errors[$"[{i}].rationale"] = [conflict];
                continue;
            }

            chosen[ordinal] = new TakenDecision(ordinal, requests[ordinal], decision, rationale, accepted);
        }

        var missing = Enumerable.Range(0, requests.Count).Where(o => !chosen.ContainsKey(o)).ToList();
        if (errors.Count == 0 && missing.Count > 0)
        {
            errors[""] = [$"Every request needs a decision; missing: {string.Join("; ", missing.Select(o => requests[o]))}."];
        }

        return errors.Count > 0
            ? new DecisionCheck([], errors)
            : new DecisionCheck([.. chosen.Values.OrderBy(d => d.Ordinal)], errors);
    }

    /// <summary>What the rationale's conclusion says: true when its last statement of medical necessity affirms it, false when it denies it, null when it makes none.</summary>
    public static bool? SaysNecessary(string? rationale)
    {
        if (string.IsNullOrWhiteSpace(rationale))
        {
            return null;
        }

        var last = Necessity().Matches(rationale).LastOrDefault();
        return last is null ? null : !(last.Groups["not"].Success || last.Groups["un"].Success);
    }

    /// <summary>
    /// Why <paramref name="rationale"/> contradicts <paramref name="decision"/> (an Overturned decision
    /// whose rationale concludes the treatment is not medically necessary, or an Upheld one whose
    /// rationale concludes it is), or <see langword="null"/> when they agree or the rationale draws no such conclusion.
    /// </summary>
    public static string? RationaleConflict(Decision decision, string? rationale) => (decision, SaysNecessary(rationale)) switch
    {
        (Decision.Overturned, false) => "The decision is Overturned but the rationale concludes that the treatment is not medically necessary; change the decision to Upheld or rewrite the rationale.",
        (Decision.Upheld, true) => "The decision is Upheld but the rationale concludes that the treatment is medically necessary; change the decision to Overturned or rewrite the rationale.",
        _ => null,
    };

    /// <summary>The audit line of the decisions: <c>request: Upheld (accepted); request: Overturned (overridden)</c>.</summary>
    public static string Summary(IEnumerable<TakenDecision> decisions) =>
        string.Join("; ", decisions.Select(d => $"{d.Request}: {d.Decision} ({(d.Accepted ? "accepted" : "overridden")})"));

    private static int IndexOf(IReadOnlyList<string> requests, string? description)
    {
        var wanted = description?.Trim();
        for (var i = 0; i < requests.Count; i++)
        {
            if (string.Equals(requests[i].Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    // Note that a negation counts only just before the phrase ("is not medically necessary", "no longer medically necessary"), so "medically necessary, not experimental" affirms.
    // The two negative forms are separate groups: one name captured in two places, under a lazy loop, made the generated matcher grow without bound.
    [GeneratedRegex(@"\b(?:(?<not>not|no\s+longer|never)\s+(?:\w+\s+){0,2})?medically\s+(?:reasonable\s+and\s+)?(?:necessary|(?<un>unnecessary))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Necessity();
}
