using System.Text.Json.Serialization;
using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Review;

/// <summary>
/// How firmly the records carry a recommendation, shown beside it so the engine's confidence is visible
/// (CONTRACTS.md, Review: <c>strength</c>). A NoRecommendation has none.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecommendationStrength>))]
public enum RecommendationStrength
{
    /// <summary>Every decisive criterion of the governing topic is met, and the records show it (Overturned).</summary>
    [JsonStringEnumMemberName("met-with-evidence")]
    MetWithEvidence,

    /// <summary>A decisive criterion is shown not to be met (Upheld).</summary>
    [JsonStringEnumMemberName("not-met")]
    NotMet,

    /// <summary>
    /// Nothing decisive is shown to fail, but the records do not establish what the guideline asks for: a criterion
    /// not documented, a question only the physician can answer, an amount not stated (Upheld).
    /// </summary>
    [JsonStringEnumMemberName("not-established")]
    NotEstablished,
}

/// <summary>Plain words for a <see cref="RecommendationStrength"/>, as the reviewer and the requester read them.</summary>
public static class RecommendationStrengths
{
    /// <summary>The words for a strength; <see langword="null"/> (a NoRecommendation) is a request the engine cannot judge.</summary>
    public static string Describe(RecommendationStrength? strength) => strength switch
    {
        RecommendationStrength.MetWithEvidence => "criteria met with evidence",
        RecommendationStrength.NotMet => "criteria not met",
        RecommendationStrength.NotEstablished => "not established by the records",
        _ => "the engine cannot judge it",
    };
}

/// <summary>
/// The burden of proof, as one rule. IMR presumes the MTUS correct (LC 4604.5; 8 CCR 9792.21) and the
/// requesting physician must show that the treatment meets it: a request is overturned only when every
/// decisive criterion of the governing topic is met and at least one of them rests on what the records
/// affirm. A criterion not documented, a question the engine cannot answer, an unstated amount or an
/// unknown count of prior visits counts against the request; nothing the engine cannot read or judge
/// ever tips a decision to Overturned.
/// </summary>
public static class BurdenOfProof
{
    /// <summary>One decisive assessment as the rule sees it.</summary>
    /// <param name="Status">How the criterion stands.</param>
    /// <param name="Established">True when a met criterion rests on facts the records affirm (not on silence, a date or the request's wording alone).</param>
    public readonly record struct Decisive(CriterionStatus Status, bool Established);

    /// <summary>Decides a request from its decisive assessments.</summary>
    public static (Decision Decision, RecommendationStrength Strength) Decide(IReadOnlyCollection<Decisive> decisive)
    {
        ArgumentNullException.ThrowIfNull(decisive);
        if (decisive.Any(d => d.Status == CriterionStatus.NotMet))
        {
            return (Decision.Upheld, RecommendationStrength.NotMet);
        }

        var established = decisive.Count > 0
            && decisive.All(d => d.Status == CriterionStatus.Met)
            && decisive.Any(d => d.Established);
        return established
            ? (Decision.Overturned, RecommendationStrength.MetWithEvidence)
            : (Decision.Upheld, RecommendationStrength.NotEstablished);
    }
}
