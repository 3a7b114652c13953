using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Cases;

/// <summary>
/// Rebuilds the case a published letter decided, from its header, patient, clinical summary and
/// requests only: never its decisions, guideline lines or rationales, so that reviewing the
/// rebuilt case is a fair test of the engine against the human reviewer.
/// </summary>
public static class LetterCase
{
    public static Case From(Letter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return new Case
        {
            CaseNumber = letter.CaseNumber,
            Priority = letter.Priority,
            Dates = new CaseDates
            {
                Injury = letter.Dates.Injury,
                UrDenial = letter.Dates.UrDenial,
                ApplicationReceived = letter.Dates.ApplicationReceived,
                Assigned = letter.Dates.Assigned,
            },
            Patient = new CasePatient { Age = letter.Patient.Age, Sex = letter.Patient.Sex },
            Requests = letter.Items.Select(item => new CaseRequest { Description = item.Request }).ToList(),
            Documents = [new CaseDocument { Type = "clinical-summary", Text = letter.ClinicalSummary ?? "" }],
        };
    }
}
