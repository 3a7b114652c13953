namespace OpenImr.Storage.Service;

/// <summary>The roles of the service's users; stored by their lower-case names.</summary>
public static class UserRoles
{
    public const string Administrator = "administrator";
    public const string Coordinator = "coordinator";
    public const string Reviewer = "reviewer";
    public const string Party = "party";

    /// <summary>Every role, in order of reach.</summary>
    public static IReadOnlyList<string> All { get; } = [Administrator, Coordinator, Reviewer, Party];
}

/// <summary>A person or system that calls the API.</summary>
public sealed class ServiceUser
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>One of <see cref="UserRoles"/>.</summary>
    public string Role { get; set; } = UserRoles.Party;

    public DateTimeOffset CreatedAt { get; set; }

    public List<ApiToken> Tokens { get; } = [];
}

/// <summary>
/// A bearer token of a user. Only the SHA-256 of the token is stored (lower-case hex); the token
/// itself is shown once, when it is made.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }

    public Guid UserId { get; set; }

    public ServiceUser? User { get; set; }

    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the token stopped working; null while it works.</summary>
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>A physician reviewer: the credentials that qualification and conflict screening read.</summary>
public sealed class StoredReviewer
{
    public Guid Id { get; set; }

    /// <summary>The reviewer's own API user.</summary>
    public Guid UserId { get; set; }

    public ServiceUser? User { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Two-letter codes of the states where the reviewer is licensed.</summary>
    public List<string> Licensure { get; set; } = [];

    public List<string> Specialties { get; set; } = [];

    /// <summary>Employers, insurers, practices and facilities the reviewer is tied to (conflicts of interest).</summary>
    public List<string> Affiliations { get; set; } = [];

    public int? YearsOfPractice { get; set; }

    /// <summary>Hours a week available for reviews.</summary>
    public int? HoursPerWeek { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An IMR case in the service: the submitted <c>Case</c> JSON plus its workflow state.</summary>
public sealed class StoredCase
{
    public Guid Id { get; set; }

    public string? CaseNumber { get; set; }

    /// <summary>The <c>Case</c> as submitted (CONTRACTS.md), compact JSON.</summary>
    public string CaseJson { get; set; } = "{}";

    /// <summary>Where the case is in the workflow (<see cref="CaseStatuses"/>).</summary>
    public string Status { get; set; } = CaseStatuses.Received;

    /// <summary><c>standard</c> or <c>expedited</c>.</summary>
    public string Priority { get; set; } = "standard";

    public DateOnly? InjuryDate { get; set; }

    public DateOnly? UrDenialDate { get; set; }

    public DateOnly? ApplicationReceivedDate { get; set; }

    public DateOnly? AssignedDate { get; set; }

    /// <summary>Whether the notice of assignment went out electronically (the records are then due in 12 days, not 15).</summary>
    public bool NoticeSentElectronically { get; set; }

    /// <summary>When the records were declared complete (starts the determination clock).</summary>
    public DateTimeOffset? RecordsCompleteAt { get; set; }

    public DateOnly? RecordsDue { get; set; }

    public DateOnly? DeterminationDue { get; set; }

    public Guid? AssignedReviewerId { get; set; }

    public StoredReviewer? AssignedReviewer { get; set; }

    /// <summary>The party user who filed the case, who may see it; null when staff filed it.</summary>
    public Guid? PartyUserId { get; set; }

    public ServiceUser? PartyUser { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency: incremented by every change; a stale write fails.</summary>
    public int Version { get; set; }

    public List<StoredCaseRequest> Requests { get; } = [];

    public List<StoredCaseDocument> Documents { get; } = [];

    public List<StoredDetermination> Determinations { get; } = [];

    public List<IssuedLetter> Letters { get; } = [];
}

/// <summary>The workflow states a case passes through: the names of the Domain's <c>CaseStatus</c>.</summary>
public static class CaseStatuses
{
    public const string Received = "received";
    public const string Ineligible = "ineligible";
    public const string Eligible = "eligible";
    public const string AwaitingRecords = "awaiting-records";
    public const string InReview = "in-review";
    public const string Decided = "decided";
    public const string LetterIssued = "letter-issued";
    public const string Closed = "closed";
}

/// <summary>A disputed treatment request of a case, in the order given.</summary>
public sealed class StoredCaseRequest
{
    public int Id { get; set; }

    public Guid CaseId { get; set; }

    public int Ordinal { get; set; }

    public string Description { get; set; } = "";
}

/// <summary>A record of a case: the original bytes when uploaded, and the text read from them.</summary>
public sealed class StoredCaseDocument
{
    public int Id { get; set; }

    public Guid CaseId { get; set; }

    public int Ordinal { get; set; }

    /// <summary>The kind of record (<c>clinical-summary</c>, <c>progress-report</c>, ...).</summary>
    public string? Type { get; set; }

    public DateOnly? Date { get; set; }

    /// <summary>The uploaded file's name, or the <c>path</c> the case file named.</summary>
    public string? FileName { get; set; }

    /// <summary><c>application/pdf</c> or <c>text/plain</c>; null for text given inline.</summary>
    public string? ContentType { get; set; }

    /// <summary>The bytes as uploaded; null for text given inline or a path still to be uploaded.</summary>
    public byte[]? Content { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/> (or of the inline text).</summary>
    public string? Sha256 { get; set; }

    /// <summary>The extracted text; offsets in a review point into it. Null while only a path is known.</summary>
    public string? Text { get; set; }

    public DateTimeOffset AddedAt { get; set; }

    public Guid? AddedBy { get; set; }

    /// <summary>The clinical facts read from <see cref="Text"/>, stored with it in one transaction.</summary>
    public HashSet<StoredFact> Facts { get; } = [];
}

/// <summary>
/// One clinical fact read from a case document: its kind and status as columns to query by, its
/// evidence span into the document's text, and the whole fact as JSON.
/// </summary>
public sealed class StoredFact
{
    public long Id { get; set; }

    public int DocumentId { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The fact kind (<c>FactKinds</c>), for example <c>drug</c> or <c>functional-improvement</c>.</summary>
    public string Kind { get; set; } = "";

    /// <summary><c>affirmed</c>, <c>negated</c>, <c>uncertain</c>, ...</summary>
    public string Status { get; set; } = "";

    /// <summary>Where the evidence starts in the document's text (UTF-16 offset).</summary>
    public int Start { get; set; }

    /// <summary>Where the evidence ends (exclusive).</summary>
    public int End { get; set; }

    /// <summary>The whole fact as the Domain's <c>ClinicalFact</c> JSON.</summary>
    public string FactJson { get; set; } = "{}";
}

/// <summary>The reviewer's decision on one request.</summary>
public sealed class StoredDetermination
{
    public int Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The index of the request in <see cref="StoredCase.Requests"/>.</summary>
    public int RequestOrdinal { get; set; }

    public string Request { get; set; } = "";

    /// <summary><c>Upheld</c>, <c>Overturned</c> or <c>NoRecommendation</c>.</summary>
    public string Decision { get; set; } = "";

    public string? Rationale { get; set; }

    /// <summary>The engine's <c>Determination</c> for this request as JSON, when it ran.</summary>
    public string? EngineJson { get; set; }

    public Guid? ReviewerId { get; set; }

    public DateTimeOffset DecidedAt { get; set; }
}

/// <summary>A Final Determination Letter issued for a case.</summary>
public sealed class IssuedLetter
{
    public int Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>The <c>Letter</c> as JSON; every format is rendered from it.</summary>
    public string LetterJson { get; set; } = "{}";

    public DateTimeOffset IssuedAt { get; set; }

    public Guid? IssuedBy { get; set; }

    /// <summary>The criteria library version the review ran with.</summary>
    public string? LibraryVersion { get; set; }
}

/// <summary>One line of the audit trail: who did what, when, with which library version.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>The case concerned, if any.</summary>
    public Guid? CaseId { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>The user's name and role at the time (<c>name (role)</c>), or <c>system</c>.</summary>
    public string Actor { get; set; } = "system";

    /// <summary>A stable action code such as <c>case.created</c>.</summary>
    public string Action { get; set; } = "";

    public string? Detail { get; set; }

    public DateTimeOffset At { get; set; }

    public string? LibraryVersion { get; set; }
}
