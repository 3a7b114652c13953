using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Letters;

/// <summary>
/// The few facts a letter's header may lack but its summary states: age and sex
/// ("a 52 year old male") and the date of injury ("date of injury of 1/16/2012",
/// "5/6/13 date of injury", "industrial injury of May 14, 2015"), read by the same
/// <see cref="FactExtractor"/> that reads case records.
/// </summary>
internal static class SummaryFacts
{
    // A published letter has no "today": any date it states may count.
    private static readonly DateOnly LatestDate = new(2199, 12, 31);

    public static PatientDescription Patient(string? summary)
    {
        if (string.IsNullOrEmpty(summary))
        {
            return PatientDescription.Unknown;
        }

        var facts = Extract(summary);
        var age = facts.FirstOrDefault(f => f.Kind == FactKinds.PatientAge && f.Number is > 0 and < 120)?.Number;
        var sex = facts.FirstOrDefault(f => f.Kind == FactKinds.PatientSex && f.Value is "male" or "female")?.Value;
        return new PatientDescription(age is { } years ? (int)years : null, sex);
    }

    public static DateOnly? InjuryDate(string? summary) =>
        string.IsNullOrEmpty(summary) ? null : Extract(summary).FirstOrDefault(f => f.Kind == FactKinds.InjuryDate && f.Date is not null)?.Date;

    private static IEnumerable<ClinicalFact> Extract(string summary) =>
        FactExtractor.Extract(summary, 0, LatestDate).Where(f => f.Status == FactStatus.Affirmed);
}
