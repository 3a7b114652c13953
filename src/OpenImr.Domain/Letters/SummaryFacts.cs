using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Letters;

/// <summary>
/// The few facts a letter's header may lack but its summary states: age and sex
/// ("a 47 year old woman") and the date of injury ("date of injury of 3/9/2011",
/// "2/4/14 date of injury", "industrial injury of June 3, 2013"), read by the same
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
