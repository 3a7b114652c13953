using OpenImr.Domain.Clinical;
using OpenImr.Domain.Guidelines;

namespace OpenImr.Domain.Review;

/// <summary>
/// Checks how much care is asked for against a topic's quantity rules, counting care already
/// given where the rule is cumulative. IMR cannot modify a request, so a request over the limit
/// fails whole ("12 requested on top of 24 completed exceeds 10 visits over 8 weeks").
/// </summary>
internal static class QuantityAssessor
{
    // "was authorized", "approved", "modified the request": utilization review granted part. A "request for
    // authorization" is the treating physician's request, not a grant.
    internal static bool GrantedInPart(string quote) =>
        quote.Contains("authorized", StringComparison.OrdinalIgnoreCase)
        || quote.Contains("approved", StringComparison.OrdinalIgnoreCase)
        || quote.Contains("modified", StringComparison.OrdinalIgnoreCase)
        || (quote.Contains("certified", StringComparison.OrdinalIgnoreCase) && !quote.Contains("non-certified", StringComparison.OrdinalIgnoreCase)
            && !quote.Contains("noncertified", StringComparison.OrdinalIgnoreCase) && !quote.Contains("not certified", StringComparison.OrdinalIgnoreCase));

    public sealed record Checked(QuantityRule Rule, CriterionAssessment Assessment);

    public static IEnumerable<Checked> Assess(GuidelineTopic topic, ReviewContext context)
    {
        var applicable = new List<QuantityRule>();
        foreach (var group in topic.Quantities.GroupBy(q => q.Unit, StringComparer.Ordinal))
        {
            // A rule for a named condition replaces the general rule of the same unit.
            var specific = group.Where(q => q.When is not null && CriterionEvaluator.Evaluate(q.When, context, topic).Status == CriterionStatus.Met).ToList();
            applicable.AddRange(specific.Count > 0 ? specific : group.Where(q => q.When is null));
        }

        foreach (var rule in applicable)
        {
            if (rule.ExemptWhen is { } exempt && CriterionEvaluator.Evaluate(exempt, context, topic).Status == CriterionStatus.Met)
            {
                continue;
            }

            if (Check(rule, context) is { } assessment)
            {
                yield return new Checked(rule, assessment);
            }
        }
    }

    private static CriterionAssessment? Check(QuantityRule rule, ReviewContext context)
    {
        if (rule.Max is not { } max)
        {
            return null;
        }

        var quantity = context.Request.Quantity;
        var unitName = rule.Unit;
        decimal? requested;
        var completed = 0m;
        string? unknownPrior = null;
        var evidence = new List<Evidence>();
        switch (rule.Unit)
        {
            case "visits" or "sessions" or "treatments":
                requested = quantity.Sessions ?? quantity.SessionsMax ?? (quantity.PerWeek * quantity.Weeks);
                if (rule.Cumulative && GuidelineVocabulary.CareGivenFacts.TryGetValue(context.Request.Service.Kind, out var kind))
                {
                    var given = context.Of(kind).Where(f => f.IsPositive).ToList();

                    // Visits utilization review already authorised count toward the limit like visits given.
                    var authorized = context.Facts.Where(f => f.Kind == kind && f.Status == FactStatus.NotAboutPatient && f.Number is > 0
                        && f.Evidence is { } quote && GrantedInPart(quote.Quote));
                    var done = given.Where(f => f.Number is > 0).Concat(authorized).MaxBy(f => f.Number);
                    if (done is null && given.Count > 0)
                    {
                        // Care given before, in a number the records do not state: the limit cannot be shown to hold.
                        unknownPrior = $"the records show {CriterionEvaluator.Describe(kind).Replace("treatment ", "", StringComparison.Ordinal)} given before but not how many {rule.Unit}";
                        evidence.AddRange(given.Where(f => f.Evidence is not null).Select(f => f.Evidence!).Take(1));
                    }
                    else if (done is not null)
                    {
                        completed = done.Number!.Value;
                        if (done.Evidence is { } span)
                        {
                            evidence.Add(span);
                        }
                    }
                }

                if (rule.InitialFraction is { } fraction && completed == 0)
                {
                    max = Math.Floor(max * fraction);
                    unitName = $"{rule.Unit} in the initial course";
                }

                break;
            case "weeks":
                requested = quantity.Weeks ?? (quantity.Days is { } days ? Math.Ceiling(days / 7m) : null);
                break;
            case "days":
                requested = quantity.Days ?? quantity.DaysMax ?? (quantity.Weeks * 7);
                break;
            case "per-week":
                requested = quantity.PerWeek ?? quantity.PerWeekMax;
                break;
            case "months":
                requested = quantity.Months;
                break;
            case "hours-per-week":
                requested = quantity.HoursPerWeek;
                break;
            default:
                // Note that the reader accepts only GuidelineVocabulary.QuantityUnits, and QuantityAssessorTests checks that each
                // of them has a reading here: a unit with none would drop its rule silently.
                requested = null;
                break;
        }

        var limitText = $"{CriterionEvaluator.Number(max)} {unitName}{(rule.OverWeeks is { } over ? $" over {over} weeks" : "")}";
        if (requested is null)
        {
            // An amount the request leaves open cannot be shown to stay within a limit on the total (visits, days);
            // a frequency or a duration left open is not held against it.
            return rule.Unit is "visits" or "sessions" or "treatments" or "days"
                ? new CriterionAssessment(rule.Id, rule.Test, CriterionStatus.NotDocumented, evidence)
                {
                    Finding = $"the request does not state how many {rule.Unit}, so it cannot be shown to stay within {limitText}",
                }
                : null;
        }

        if (unknownPrior is not null)
        {
            return new CriterionAssessment(rule.Id, rule.Test, CriterionStatus.NotDocumented, evidence)
            {
                Finding = $"{unknownPrior}, so {CriterionEvaluator.Number(requested.Value)} more cannot be shown to stay within {limitText}",
            };
        }

        var total = requested.Value + completed;
        var within = total <= max;
        var amount = completed > 0
            ? $"{CriterionEvaluator.Number(requested.Value)} {rule.Unit} requested on top of {CriterionEvaluator.Number(completed)} completed ({CriterionEvaluator.Number(total)} in all)"
            : $"{CriterionEvaluator.Number(requested.Value)} {rule.Unit} requested";
        return new CriterionAssessment(rule.Id, rule.Test, within ? CriterionStatus.Met : CriterionStatus.NotMet, evidence)
        {
            Finding = $"{amount} {(within ? "is within" : "exceeds")} {limitText}",
        };
    }
}
