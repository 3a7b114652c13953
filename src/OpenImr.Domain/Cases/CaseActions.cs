namespace OpenImr.Domain.Cases;

/// <summary>The actions of a case's stored history, named once: the workflow's steps and the events around them.</summary>
public static class CaseActions
{
    public const string Created = "case.created";
    public const string PossibleDuplicate = "case.possible-duplicate";
    public const string Eligible = "case.eligible";
    public const string InformationRequested = "case.information-requested";
    public const string Ineligible = "case.ineligible";
    public const string Assigned = "case.assigned";
    public const string RecordsComplete = "case.records-complete";
    public const string DocumentAdded = "case.document-added";
    public const string Reviewed = "case.reviewed";
    public const string Decided = "case.decided";
    public const string LetterIssued = "case.letter-issued";
    public const string Expedited = "case.expedited";
    public const string Closed = "case.closed";

    /// <summary>A step the workflow refused: who tried what, in which status, and why.</summary>
    public const string StepRefused = "case.step-refused";

    /// <summary>The action a step of the Domain's history is stored as.</summary>
    public static string Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Step switch
        {
            CaseStep.Receive => Created,
            CaseStep.Screen => entry.To switch
            {
                CaseStatus.Eligible => Eligible,
                CaseStatus.Ineligible => Ineligible,
                _ => InformationRequested,
            },
            CaseStep.Assign => Assigned,
            CaseStep.RecordsComplete => RecordsComplete,
            CaseStep.Decide => Decided,
            CaseStep.IssueLetter => LetterIssued,
            CaseStep.ConvertToExpedited => Expedited,
            CaseStep.Close => Closed,
            CaseStep.AddRecords => DocumentAdded,
            _ => $"case.{CaseStatusNames.Name(entry.To)}",
        };
    }
}
