using OpenImr.Domain.Cases;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Letters;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>The case's legal clocks; null until the workflow has computed them.</summary>
/// <param name="RecordsDue">When the records are due (15 days after the notice of assignment, 12 if electronic, 24 hours if expedited).</param>
/// <param name="DeterminationDue">When the determination is due (30 days after the records arrive, 3 if expedited).</param>
public sealed record CaseDeadlines(DateOnly? RecordsDue, DateOnly? DeterminationDue)
{
    public static CaseDeadlines Of(StoredCase stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new(stored.RecordsDue, stored.DeterminationDue);
    }
}

/// <param name="Clock">The clock the case is waiting on today (records or determination), with days left and whether it is overdue; null when none runs.</param>
public sealed record CaseSummary(Guid Id, string? CaseNumber, string Status, string Priority, Guid? AssignedReviewerId, CaseDeadlines Deadlines, DateTimeOffset CreatedAt, RunningClock? Clock);

public sealed record CaseList(int Total, int Page, int PageSize, IReadOnlyList<CaseSummary> Cases);

/// <param name="PossibleDuplicates">Open cases that look like the same filing (shown to staff only); the case is stored either way and its history notes them.</param>
public sealed record CaseCreated(Guid Id, string Status, CaseDeadlines Deadlines, IReadOnlyList<Guid> PossibleDuplicates);

public sealed record RequestView(int Ordinal, string Description);

/// <param name="Size">The original file's size in bytes; null for text given inline or a path not uploaded yet.</param>
/// <param name="TextLength">Characters of extracted text; null while only a path is known.</param>
public sealed record DocumentView(
    int Id, int Ordinal, string? Type, DateOnly? Date, string? FileName, string? ContentType, long? Size, int? TextLength, string? Sha256, DateTimeOffset AddedAt)
{
    public static DocumentView Of(StoredCaseDocument d, long? size)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.Ordinal, d.Type, d.Date, d.FileName, d.ContentType, size, d.Text?.Length, d.Sha256, d.AddedAt);
    }
}

/// <param name="LibraryVersion">The criteria library version in use when the step was taken.</param>
public sealed record HistoryEntry(DateTimeOffset At, string Actor, string Action, string? Detail, string? LibraryVersion);

/// <param name="Clock">The clock the case is waiting on today (records or determination), with days left and whether it is overdue; null when none runs.</param>
/// <param name="ClaimNumber">The claim number as the application gives it; it never appears in the public letter.</param>
/// <param name="Worker">The worker's name, address and other personal data as the application gives them; redacted from the public letter.</param>
public sealed record CaseView(
    Guid Id,
    string? CaseNumber,
    string Status,
    string Priority,
    CaseDates? Dates,
    CasePatient? Patient,
    CaseApplication? Application,
    CaseParties? Parties,
    Guid? AssignedReviewerId,
    CaseDeadlines Deadlines,
    IReadOnlyList<RequestView> Requests,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<HistoryEntry> History,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    RunningClock? Clock,
    string? ClaimNumber = null,
    CaseWorker? Worker = null);

public sealed record ClosedView(string Status, string Reason);

public sealed record EligibilityView(bool Eligible, IReadOnlyList<EligibilityReason> Reasons, string Status);

/// <param name="Clocks">Every clock of the case whose start is known, with its rule and source.</param>
public sealed record ClockView(string Status, CaseDeadlines Deadlines, IReadOnlyList<Deadline> Clocks);

public sealed record AssignmentView(Guid ReviewerId, string Status, CaseDeadlines Deadlines);

/// <param name="Accepted">Whether the decision is the engine's recommendation.</param>
public sealed record DecisionView(string Request, string Decision, string Rationale, bool Accepted);

public sealed record DecisionsView(string Status, IReadOnlyList<DecisionView> Determinations);

public sealed record IssuedLetterView(string Status, DateTimeOffset IssuedAt, string? LibraryVersion, Letter Letter);

/// <param name="Text">The extracted text; null while only a path is known.</param>
public sealed record DocumentWithText(DocumentView Document, string? Text);

/// <summary>A stored clinical fact: the document it was read from, its kind, status and evidence span, and the whole fact.</summary>
public sealed record StoredFactView(int DocumentId, string Kind, string Status, int Start, int End, ClinicalFact Fact);
