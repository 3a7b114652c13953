using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Review;

/// <summary>What a criterion may read about one request: the case's facts and the request itself.</summary>
/// <param name="Facts">Every fact of the case.</param>
/// <param name="Request">The request being decided.</param>
/// <param name="DecisionDate">The date the guideline version and the time since injury are taken at (the UR decision date).</param>
/// <param name="InjuryDate">The date of injury, from the case or its records.</param>
internal sealed record ReviewContext(IReadOnlyList<ClinicalFact> Facts, ParsedRequest Request, DateOnly DecisionDate, DateOnly? InjuryDate)
{
    /// <summary>
    /// Facts about the patient of one kind. Facts naming a body region other than the request's
    /// are left out, so that therapy to the knee does not count for a lumbar request.
    /// </summary>
    public IEnumerable<ClinicalFact> Of(string kind) =>
        Facts.Where(f => f.Kind == kind
            && f.Status is not (FactStatus.OtherPerson or FactStatus.NotAboutPatient)
            && (f.Region is null || Request.Region is null || Request.Regions.Contains(f.Region) || f.Region == Request.Region));

    /// <summary>Whole months from the injury to the decision date; null when the injury date is unknown.</summary>
    public int? MonthsSinceInjury => InjuryDate is { } injury && injury <= DecisionDate ? CaseFacts.WholeMonths(injury, DecisionDate) : null;
}
