using System.Text.Json.Serialization;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Review;

/// <summary>The engine's recommendation on every request of a case (CONTRACTS.md <c>Review</c>).</summary>
public sealed record Review(string? CaseNumber, IReadOnlyList<Determination> Determinations);

/// <summary>
/// One request decided: the service and quantity read from its wording, the decision, the
/// guideline relied on, each criterion assessed with the text it rests on, and the rationale.
/// </summary>
/// <param name="Service"><c>FAMILY/KIND</c>, e.g. <c>physical-medicine/work-conditioning</c>.</param>
/// <param name="Quantity">What was asked, normalised; null when the request states no amount.</param>
/// <param name="Guideline">The document relied on; null with <see cref="Decision.NoRecommendation"/> when none covers the request.</param>
/// <param name="Basis">Why that guideline: the step of the evidence hierarchy that chose it.</param>
public sealed record Determination(
    string Request,
    string Service,
    RequestQuantity? Quantity,
    Decision Decision,
    GuidelineCitation? Guideline,
    IReadOnlyList<CriterionAssessment> Criteria,
    string Rationale,
    string? Basis = null)
{
    /// <summary>How firmly the records carry the recommendation (<see cref="BurdenOfProof"/>).</summary>
    public RecommendationStrength? Strength { get; init; }
}

/// <summary>A criterion of the guideline applied to the case, with the evidence it rests on.</summary>
/// <param name="Id">The criterion's stable id in the criteria library, e.g. <c>wc.rtw-goal</c>.</param>
/// <param name="Text">The test in plain words.</param>
public sealed record CriterionAssessment(string Id, string Text, CriterionStatus Status, IReadOnlyList<Evidence> Evidence)
{
    /// <summary>What was found, in a sentence, e.g. "12 requested on top of 24 completed exceeds 10 visits over 8 weeks".</summary>
    public string? Finding { get; init; }

    /// <summary>Where the criterion comes from, e.g. "MTUS Chronic Pain p.125".</summary>
    public string? Source { get; init; }
}

/// <summary>How a criterion stands on the records.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CriterionStatus>))]
public enum CriterionStatus
{
    [JsonStringEnumMemberName("met")]
    Met,

    [JsonStringEnumMemberName("not-met")]
    NotMet,

    [JsonStringEnumMemberName("not-documented")]
    NotDocumented,
}

/// <summary>Plain words for a <see cref="CriterionStatus"/>, as reports print them.</summary>
public static class CriterionStatuses
{
    /// <summary>"met", "not met", "not documented"; <see langword="null"/> (a criterion one side did not apply) is "not applied".</summary>
    public static string Describe(CriterionStatus? status) => status switch
    {
        CriterionStatus.Met => "met",
        CriterionStatus.NotMet => "not met",
        CriterionStatus.NotDocumented => "not documented",
        _ => "not applied",
    };
}
