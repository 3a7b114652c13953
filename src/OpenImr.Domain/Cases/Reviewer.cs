namespace OpenImr.Domain.Cases;

/// <summary>
/// A physician reviewer in the registry. Names are confidential in published letters (LC
/// 4610.6(f)); they are kept here for conflict screening and assignment.
/// </summary>
/// <param name="Id">Stable id.</param>
public sealed record Reviewer(string Id, string Name)
{
    /// <summary>States of non-restricted licensure, as two-letter codes (or state names).</summary>
    public IReadOnlyList<string> Licensure { get; init; } = [];

    /// <summary>Board specialties as stated, e.g. <c>Physical Medicine &amp; Rehabilitation</c>.</summary>
    public IReadOnlyList<string> Specialties { get; init; } = [];

    /// <summary>Years in active clinical practice; null when not declared.</summary>
    public int? YearsInActivePractice { get; init; }

    /// <summary>Hours a week currently in active practice; null when not declared.</summary>
    public int? HoursPerWeek { get; init; }

    /// <summary>Declared professional, familial or financial affiliations, as names of organisations or people.</summary>
    public IReadOnlyList<string> Affiliations { get; init; } = [];
}
