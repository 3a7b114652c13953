using System.Text.Json.Serialization;

namespace OpenImr.Domain.Clinical;

/// <summary>How a mention relates to the patient, in the sense of NegEx/ConText.</summary>
public enum FactStatus
{
    /// <summary>Stated as present or done.</summary>
    Affirmed,

    /// <summary>Stated as absent, not done, or not documented ("nothing shows the sessions improved function").</summary>
    Negated,

    /// <summary>Hedged: possible, may, questionable, rule out.</summary>
    Uncertain,

    /// <summary>Not yet real: planned, recommended, requested, ordered, would like to try.</summary>
    Hypothetical,

    /// <summary>In the past (history of, previously). A historical treatment was tried.</summary>
    Historical,

    /// <summary>About someone else (family history, mother, father).</summary>
    OtherPerson,

    /// <summary>
    /// About the utilization review or claims process, not a clinical finding ("UR non-certified the
    /// MRI", "4 visits were approved", "the insurer declined the request").
    /// </summary>
    NotAboutPatient,
}

public enum Laterality
{
    Left,
    Right,
    Bilateral,
}

/// <summary>
/// One fact found in the case records.
/// </summary>
/// <param name="Kind">An id from <see cref="FactKinds"/>.</param>
/// <param name="Status">How the mention relates to the patient.</param>
public sealed record ClinicalFact(string Kind, FactStatus Status)
{
    /// <summary>A kind-specific value: drug name, work status id, imaging modality, surgery, test name.</summary>
    public string? Value { get; init; }

    /// <summary>A kind-specific number: sessions completed, age, pain score (0-10), months.</summary>
    public decimal? Number { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>A body region id from <see cref="BodyRegions"/> (for example <c>lumbar-spine</c>), when stated nearby.</summary>
    public string? Region { get; init; }

    public Laterality? Laterality { get; init; }

    /// <summary>The heading of the document section the fact was read in (<see cref="DocumentSections"/>), if any.</summary>
    public string? Section { get; init; }

    /// <summary>The words that matched, as written; null for facts taken from structured case fields.</summary>
    public string? Trigger { get; init; }

    /// <summary>
    /// The sentence the fact was read from; null for facts taken from structured case fields
    /// (for example <c>Case.Patient.Age</c>).
    /// </summary>
    public Evidence? Evidence { get; init; }

    /// <summary>True when the fact holds for the patient (affirmed, or historical: it happened).</summary>
    [JsonIgnore]
    public bool IsPositive => Status is FactStatus.Affirmed or FactStatus.Historical;
}
