using OpenImr.Domain.Clinical;
using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Review;

namespace OpenImr.Domain.Tests.Review;

/// <summary>Small hand-built topics, rules and contexts for the Review tests; every wording is synthetic.</summary>
internal static class ReviewFixtures
{
    public static readonly DateOnly DecisionDate = new(2017, 3, 1);

    public static readonly SourceReference Page = new("1", null, null);

    public static GuidelineTopic Topic(IReadOnlyList<QuantityRule>? quantities = null, IReadOnlyDictionary<string, IReadOnlyList<string>>? lists = null) =>
        new("synthetic-topic", "synthetic-guideline", "Synthetic section", [], "1", RecommendationKind.Recommended, null,
            ["physical-medicine/physical-therapy"], [GuidelineVocabulary.AnyRegion], [], [], quantities ?? [],
            lists ?? new Dictionary<string, IReadOnlyList<string>>(), Confidence.V, null);

    public static QuantityRule Limit(string unit, decimal max, bool cumulative = false, CriterionRule? when = null, CriterionRule? exemptWhen = null,
        decimal? initialFraction = null, int? overWeeks = null) =>
        new($"qty.{unit}", $"At most {max} {unit}.", unit, null, max, overWeeks, cumulative, false, when, exemptWhen, null, initialFraction, null,
            FailureEffect.Upheld, Page, Confidence.V, null);

    public static ReviewContext Context(string request, IReadOnlyList<ClinicalFact>? facts = null, DateOnly? injury = null) =>
        new(facts ?? [], RequestParser.Parse(request), DecisionDate, injury);

    public static ReviewContext Context(ParsedRequest request, IReadOnlyList<ClinicalFact>? facts = null, DateOnly? injury = null) =>
        new(facts ?? [], request, DecisionDate, injury);

    public static ClinicalFact Fact(string kind, FactStatus status = FactStatus.Affirmed, decimal? number = null, string? value = null,
        string? quote = null, int start = 0) =>
        new(kind, status)
        {
            Number = number,
            Value = value,
            Evidence = quote is null ? null : new Evidence(0, start, start + quote.Length, quote),
        };
}
