using System.Globalization;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Guidelines;

namespace OpenImr.Domain.Review;

/// <summary>The outcome of a rule: met, not met or not documented, with the facts it rests on.</summary>
internal sealed record RuleOutcome(CriterionStatus Status, IReadOnlyList<ClinicalFact> Facts, string? Finding = null, bool NeedsJudgement = false)
{
    public static RuleOutcome Met(IReadOnlyList<ClinicalFact> facts, string? finding = null) => new(CriterionStatus.Met, facts, finding);

    public static RuleOutcome NotMet(IReadOnlyList<ClinicalFact> facts, string? finding = null) => new(CriterionStatus.NotMet, facts, finding);

    public static RuleOutcome NotDocumented(string? finding = null) => new(CriterionStatus.NotDocumented, [], finding);
}

/// <summary>
/// Applies the criteria library's three-valued rules (see guidelines/README.md) to a case's
/// facts. A fact counts only when it is about the patient; affirmed evidence outweighs negated.
/// </summary>
internal static class CriterionEvaluator
{
    public static RuleOutcome Evaluate(CriterionRule rule, ReviewContext context, GuidelineTopic topic) => rule switch
    {
        FactRule fact => Fact(fact, context),
        CalcRule calc => Calc(calc, context, topic),
        AllOfRule all => AllOf(all, context, topic),
        AnyOfRule any => AnyOf(any, context, topic),
        NotRule not => Not(not, context, topic),
        JudgementRule judgement => new RuleOutcome(CriterionStatus.NotDocumented, [], judgement.Question, NeedsJudgement: true),
        _ => RuleOutcome.NotDocumented(),
    };

    private static RuleOutcome Fact(FactRule rule, ReviewContext context)
    {
        var facts = context.Of(rule.Fact).ToList();
        var affirmed = facts.Where(f => f.Status == FactStatus.Affirmed).ToList();
        var negated = facts.Where(f => f.Status == FactStatus.Negated).ToList();
        var historical = facts.Where(f => f.Status == FactStatus.Historical).ToList();

        if (rule.Min is not null || rule.Max is not null)
        {
            var numbered = affirmed.Concat(historical).Where(f => f.Number is not null).ToList();
            if (numbered.Count == 0)
            {
                return RuleOutcome.NotDocumented();
            }

            var value = numbered[^1];
            var within = (rule.Min is null || value.Number >= rule.Min) && (rule.Max is null || value.Number <= rule.Max);
            var finding = $"{Describe(rule.Fact)} is {Number(value.Number!.Value)}{Bounds(rule.Min, rule.Max)}";
            return within ? RuleOutcome.Met([value], finding) : RuleOutcome.NotMet([value], finding);
        }

        return rule.Requires switch
        {
            FactExpectation.Negated => negated.Count > 0 && affirmed.Count == 0 ? RuleOutcome.Met(negated)
                : affirmed.Count > 0 ? RuleOutcome.NotMet(affirmed) : RuleOutcome.NotDocumented(),
            FactExpectation.NotAffirmed => affirmed.Count > 0 ? RuleOutcome.NotMet(affirmed) : RuleOutcome.Met(negated),
            FactExpectation.Ever => affirmed.Count + historical.Count > 0 ? RuleOutcome.Met([.. affirmed, .. historical])
                : negated.Count > 0 ? RuleOutcome.NotMet(negated) : RuleOutcome.NotDocumented(),
            // A finding stated and later ruled out ("an infection" ... "no sign of infection now") is judged by the later mention:
            // a criterion needs what holds on the records' latest word, not what was once suspected.
            _ => affirmed.Count > 0 && !(negated.Count > 0 && Later(negated[^1], affirmed[^1])) ? RuleOutcome.Met(affirmed)
                : negated.Count > 0 ? RuleOutcome.NotMet(negated) : RuleOutcome.NotDocumented(),
        };
    }

    private static RuleOutcome Calc(CalcRule rule, ReviewContext context, GuidelineTopic topic)
    {
        switch (rule.Calc)
        {
            case "months-since-injury":
                {
                    if (context.MonthsSinceInjury is not { } months)
                    {
                        return RuleOutcome.NotDocumented("the date of injury is not stated");
                    }

                    var evidence = context.Of(FactKinds.InjuryDate).Where(f => f.Evidence is not null).Take(1).ToList();
                    var finding = $"{months} months passed between the injury and the UR decision{Bounds(rule.Min, rule.Max, "months")}";
                    return InRange(months, rule) ? RuleOutcome.Met(evidence, finding) : RuleOutcome.NotMet(evidence, finding);
                }

            case "region-in" or "region-not-in":
                {
                    var regions = context.Request.Regions.Count > 0 ? context.Request.Regions : context.Request.Region is { } r ? [r] : [];
                    if (regions.Count == 0)
                    {
                        return RuleOutcome.NotDocumented("the request names no body region");
                    }

                    var inList = regions.Any(r => rule.Values.Contains(r, StringComparer.OrdinalIgnoreCase));
                    var met = rule.Calc == "region-in" ? inList : !inList;
                    var finding = $"the request is for the {string.Join(" and ", regions)}";
                    return met ? RuleOutcome.Met([], finding) : RuleOutcome.NotMet([], finding);
                }

            case "service-in":
                return rule.Values.Contains(context.Request.Service.ToString(), StringComparer.Ordinal) ? RuleOutcome.Met([]) : RuleOutcome.NotMet([]);

            case "not-recommended-ingredients":
                {
                    var list = rule.List is not null && topic.Lists.TryGetValue(rule.List, out var items) ? items : [];
                    // A compounding kit named by brand holds its ingredients in the lexicon, not in the request's words.
                    var kitIngredients = DrugLexicon.Find(context.Request.Description).SelectMany(d => d.Ingredients).ToList();
                    var found = list.Where(i => context.Request.Description.Contains(i, StringComparison.OrdinalIgnoreCase)
                        || kitIngredients.Contains(i, StringComparer.OrdinalIgnoreCase)).ToList();
                    var finding = found.Count == 0 ? "no ingredient of the request is on the guideline's list of those not recommended"
                        : $"the request contains {string.Join(", ", found)}, which the guideline does not recommend in this form";
                    return InRange(found.Count, rule) ? RuleOutcome.Met([], finding) : RuleOutcome.NotMet([], finding);
                }

            case "requested-sessions" or "requested-weeks" or "requested-per-week" or "requested-count" or "requested-days":
                {
                    var quantity = context.Request.Quantity;
                    var value = rule.Calc switch
                    {
                        "requested-sessions" => quantity.Sessions ?? quantity.SessionsMax,
                        "requested-weeks" => quantity.Weeks,
                        "requested-count" => quantity.Count,
                        "requested-days" => quantity.Days ?? quantity.DaysMax ?? quantity.Weeks * 7,
                        _ => quantity.PerWeek ?? quantity.PerWeekMax,
                    };
                    if (value is null)
                    {
                        return RuleOutcome.NotDocumented("the request states no such amount");
                    }

                    var finding = $"{Number(value.Value)} {rule.Calc["requested-".Length..].Replace('-', ' ')} requested{Bounds(rule.Min, rule.Max)}";
                    return InRange(value.Value, rule) ? RuleOutcome.Met([], finding) : RuleOutcome.NotMet([], finding);
                }

            case "taking-drug-class":
                {
                    var taking = DrugTaken(context, d => rule.Values.Contains(d.Class, StringComparer.Ordinal));
                    return taking.Count > 0
                        ? RuleOutcome.Met(taking, $"the records show {taking[0].Value} taken")
                        : RuleOutcome.NotDocumented($"the records show no {string.Join(" or ", rule.Values)} taken");
                }

            case "requested-drug-taken":
                {
                    var requested = DrugLexicon.Find(context.Request.Description);
                    var taking = DrugTaken(context, d => requested.Any(r => r.Name == d.Name || (r.Class == d.Class && r.Class != DrugLexicon.Other)));
                    return taking.Count > 0
                        ? RuleOutcome.Met(taking, $"the records show {taking[0].Value} already taken")
                        : RuleOutcome.NotDocumented("the records do not show the requested drug already taken");
                }

            case "authorized-in-part":
                {
                    var granted = GuidelineVocabulary.CareGivenFacts.TryGetValue(context.Request.Service.Kind, out var kind)
                        ? context.Facts.FirstOrDefault(f => f.Kind == kind && f.Status == FactStatus.NotAboutPatient
                            && f.Evidence is { } span && QuantityAssessor.GrantedInPart(span.Quote))
                        : null;
                    return granted is null
                        ? RuleOutcome.NotMet([])
                        : RuleOutcome.Met([granted], "utilization review authorised part of this therapy; the rest depends on the improvement those sessions bring");
                }

            case "request-continues":
                return context.Request.IsContinuation
                    ? RuleOutcome.Met([], "the request asks for more of a treatment already under way")
                    : RuleOutcome.NotMet([]);

            case "requested-refills":
                {
                    var refills = context.Request.Quantity.Refills ?? 0;
                    var finding = $"{Number(refills)} refills requested{Bounds(rule.Min, rule.Max)}";
                    return InRange(refills, rule) ? RuleOutcome.Met([], finding) : RuleOutcome.NotMet([], finding);
                }

            default:
                return RuleOutcome.NotDocumented();
        }
    }

    /// <summary>The first drug the records affirm as taken that <paramref name="matches"/>, as a one-fact list (empty when none).</summary>
    private static List<ClinicalFact> DrugTaken(ReviewContext context, Func<DrugEntry, bool> matches) =>
        [.. context.Facts.Where(f => f.Kind == FactKinds.TreatmentMedication && f.Status == FactStatus.Affirmed && f.Value is { Length: > 0 } drug
            && DrugLexicon.Find(drug).Any(matches)).Take(1)];

    private static RuleOutcome AllOf(AllOfRule rule, ReviewContext context, GuidelineTopic topic)
    {
        var outcomes = rule.Rules.Select(r => Evaluate(r, context, topic)).ToList();
        var facts = outcomes.SelectMany(o => o.Facts).Distinct().ToList();
        var findings = Join(outcomes.Select(o => o.Finding));
        if (outcomes.Any(o => o.Status == CriterionStatus.NotMet))
        {
            return new RuleOutcome(CriterionStatus.NotMet, outcomes.Where(o => o.Status == CriterionStatus.NotMet).SelectMany(o => o.Facts).ToList(), findings);
        }

        return outcomes.All(o => o.Status == CriterionStatus.Met)
            ? new RuleOutcome(CriterionStatus.Met, facts, findings)
            : new RuleOutcome(CriterionStatus.NotDocumented, facts, findings, outcomes.Any(o => o.NeedsJudgement));
    }

    private static RuleOutcome AnyOf(AnyOfRule rule, ReviewContext context, GuidelineTopic topic)
    {
        var outcomes = rule.Rules.Select(r => Evaluate(r, context, topic)).ToList();
        var met = outcomes.Where(o => o.Status == CriterionStatus.Met).ToList();
        if (met.Count > 0)
        {
            return new RuleOutcome(CriterionStatus.Met, met.SelectMany(o => o.Facts).Distinct().ToList(), Join(met.Select(o => o.Finding)));
        }

        return outcomes.All(o => o.Status == CriterionStatus.NotMet)
            ? new RuleOutcome(CriterionStatus.NotMet, outcomes.SelectMany(o => o.Facts).Distinct().ToList(), Join(outcomes.Select(o => o.Finding)))
            : new RuleOutcome(CriterionStatus.NotDocumented, [], Join(outcomes.Select(o => o.Finding)), outcomes.Any(o => o.NeedsJudgement));
    }

    private static RuleOutcome Not(NotRule rule, ReviewContext context, GuidelineTopic topic)
    {
        var inner = Evaluate(rule.Rule, context, topic);
        return inner.Status switch
        {
            CriterionStatus.Met => inner with { Status = CriterionStatus.NotMet },
            CriterionStatus.NotMet => inner with { Status = CriterionStatus.Met },
            _ => inner,
        };
    }

    /// <summary>True when <paramref name="a"/> is stated after <paramref name="b"/> in the records (a later document, or later in the same one).</summary>
    private static bool Later(ClinicalFact a, ClinicalFact b) =>
        a.Evidence is { } x && b.Evidence is { } y && (x.Document > y.Document || (x.Document == y.Document && x.Start > y.Start));

    private static bool InRange(decimal value, CalcRule rule) =>
        (rule.Min is null || value >= rule.Min) && (rule.Max is null || value <= rule.Max)
        && (rule.Values.Count == 0 || rule.Values.Contains(value.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal));

    private static string Bounds(decimal? min, decimal? max, string unit = "")
    {
        var suffix = unit.Length > 0 ? " " + unit : "";
        return (min, max) switch
        {
            (null, null) => "",
            ({ } low, null) => $" (at least {Number(low)}{suffix} needed)",
            (null, { } high) => $" (at most {Number(high)}{suffix} allowed)",
            ({ } low, { } high) => $" ({Number(low)} to {Number(high)}{suffix} needed)",
        };
    }

    private static string? Join(IEnumerable<string?> findings)
    {
        var text = string.Join("; ", findings.Where(f => !string.IsNullOrEmpty(f)).Distinct(StringComparer.Ordinal));
        return text.Length == 0 ? null : text;
    }

    internal static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string Describe(string factKind) => factKind.Replace('.', ' ').Replace('-', ' ');
}
