using System.Text.Json.Serialization;

namespace OpenImr.Domain.Clinical;

/// <summary>
/// What a request asks for, normalised. Null means the wording does not say. "2 times a week for 6
/// weeks" is Sessions 12, PerWeek 2, Weeks 6; "1 to 2 times per week for 4 weeks" keeps the range in
/// PerWeekMin/PerWeekMax and SessionsMin/SessionsMax and leaves Sessions and PerWeek null.
/// </summary>
public sealed record RequestQuantity
{
    public decimal? Sessions { get; init; }

    public decimal? SessionsMin { get; init; }

    public decimal? SessionsMax { get; init; }

    public decimal? PerWeek { get; init; }

    public decimal? PerWeekMin { get; init; }

    public decimal? PerWeekMax { get; init; }

    public decimal? Weeks { get; init; }

    /// <summary>Total program hours ("40 hours or 16 sessions").</summary>
    public decimal? Hours { get; init; }

    /// <summary>Hours each day ("home aide 3 hours per day").</summary>
    public decimal? HoursPerDay { get; init; }

    /// <summary>
    /// Hours each week: as stated ("12 hours per week"), or hours each day times days each week ("3 hours a day, 4 days a
    /// week" is 12).
    /// </summary>
    public decimal? HoursPerWeek { get; init; }

    /// <summary>Days of use or rental ("14 days rental", "30 day rental"); DaysMin/DaysMax for "7-10 days".</summary>
    public decimal? Days { get; init; }

    public decimal? DaysMin { get; init; }

    public decimal? DaysMax { get; init; }

    /// <summary>Months of rental ("a 3 month rental").</summary>
    public decimal? Months { get; init; }

    /// <summary>Units dispensed or supplied ("#60", "QTY: 2", "Wrist braces #2").</summary>
    public decimal? Count { get; init; }

    /// <summary>Drug strength as written, lower case, no spaces ("10/325mg", "7.5mg", "5%").</summary>
    public string? Strength { get; init; }

    public decimal? Refills { get; init; }

    [JsonIgnore]
    public bool IsEmpty => this == Empty;

    public static RequestQuantity Empty { get; } = new();
}

/// <summary>A treatment request read by <see cref="RequestParser"/>.</summary>
public sealed record ParsedRequest
{
    /// <summary>The request as given.</summary>
    public required string Description { get; init; }

    /// <summary>The part decided: for "X was the original request ... The remaining IMR eligible portion of the original request, Y is", Y.</summary>
    public required string Portion { get; init; }

    public required ServiceId Service { get; init; }

    /// <summary>The first body region named (<see cref="BodyRegions"/> id).</summary>
    public string? Region { get; init; }

    public Laterality? Laterality { get; init; }

    /// <summary>Every body region named, in order.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    public RequestQuantity Quantity { get; init; } = RequestQuantity.Empty;

    /// <summary>For medication requests, the drug as the lexicon spells it (lower case).</summary>
    public string? DrugName { get; init; }

    /// <summary>Asked after the service was given ("Retrospective ...", "DOS: 04/02/15").</summary>
    public bool IsRetrospective { get; init; }

    /// <summary>The wording asks for more of a treatment already under way ("additional", "continue", "further", "remaining").</summary>
    public bool IsContinuation { get; init; }

    /// <summary>Only needed if a surgery in the same case goes ahead ("Associated surgical service: X", "Post-op X", pre-op labs and clearance).</summary>
    public bool DependsOnSurgery { get; init; }
}
