using System.Text.Json.Serialization;

namespace OpenImr.Domain.Cases;

/// <summary>Where a case stands in the IMR process.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStatus>))]
public enum CaseStatus
{
    /// <summary>The application is in; eligibility not yet decided (or information was requested).</summary>
    [JsonStringEnumMemberName("received")]
    Received,

    /// <summary>Screened out; the case closes next.</summary>
    [JsonStringEnumMemberName("ineligible")]
    Ineligible,

    /// <summary>Found eligible; awaiting assignment to a reviewer.</summary>
    [JsonStringEnumMemberName("eligible")]
    Eligible,

    /// <summary>Assigned (notice of assignment sent); the records clock runs.</summary>
    [JsonStringEnumMemberName("awaiting-records")]
    AwaitingRecords,

    /// <summary>Records complete; the determination clock runs.</summary>
    [JsonStringEnumMemberName("in-review")]
    InReview,

    /// <summary>The reviewer has decided every request; the letter is not yet issued.</summary>
    [JsonStringEnumMemberName("decided")]
    Decided,

    /// <summary>The Final Determination Letter is issued; the case can no longer change.</summary>
    [JsonStringEnumMemberName("letter-issued")]
    LetterIssued,

    /// <summary>Closed: ineligible, withdrawn, treatment authorised, or done.</summary>
    [JsonStringEnumMemberName("closed")]
    Closed,
}

/// <summary>The steps of <see cref="CaseWorkflow"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStep>))]
public enum CaseStep
{
    [JsonStringEnumMemberName("receive")]
    Receive,

    [JsonStringEnumMemberName("screen")]
    Screen,

    [JsonStringEnumMemberName("assign")]
    Assign,

    [JsonStringEnumMemberName("records-complete")]
    RecordsComplete,

    [JsonStringEnumMemberName("decide")]
    Decide,

    [JsonStringEnumMemberName("issue-letter")]
    IssueLetter,

    [JsonStringEnumMemberName("convert-to-expedited")]
    ConvertToExpedited,

    [JsonStringEnumMemberName("close")]
    Close,

    /// <summary>Add a record to the case file: only while the case is still before its decision.</summary>
    [JsonStringEnumMemberName("add-records")]
    AddRecords,
}

/// <summary>
/// Who takes a step and when. <see cref="Date"/> is the calendar date of <see cref="At"/> in its
/// own offset, so pass <see cref="At"/> in California time (or use <see cref="Now"/>).
/// </summary>
/// <param name="CriteriaLibraryVersion">The criteria library version in use, recorded in the audit trail.</param>
public sealed record StepContext(string Actor, DateTimeOffset At, string? CriteriaLibraryVersion = null)
{
    /// <summary>The date the step is taken.</summary>
    public DateOnly Date => DateOnly.FromDateTime(At.DateTime);

    /// <summary>A context at the time provider's current instant, expressed in <paramref name="timeZone"/>.</summary>
    public static StepContext Now(string actor, TimeProvider time, TimeZoneInfo timeZone, string? criteriaLibraryVersion = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(timeZone);
        return new StepContext(actor, TimeZoneInfo.ConvertTime(time.GetUtcNow(), timeZone), criteriaLibraryVersion);
    }
}

/// <summary>One step of a case's history: who did what, when, with which criteria library, and the status before and after.</summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    CaseStep Step,
    CaseStatus From,
    CaseStatus To,
    string? CriteriaLibraryVersion,
    string? Detail);

/// <summary>The state of a case in the workflow. Change it only through <see cref="CaseWorkflow"/>.</summary>
public sealed record CaseState
{
    public CaseStatus Status { get; init; }

    /// <summary><c>standard</c> or <c>expedited</c>.</summary>
    public string Priority { get; init; } = "standard";

    /// <summary>The last eligibility screen.</summary>
    public EligibilityResult? Eligibility { get; init; }

    /// <summary>The date the case was found eligible: starts the notice-of-assignment clock.</summary>
    public DateOnly? EligibleOn { get; init; }

    public string? ReviewerId { get; init; }

    /// <summary>The date the notice of assignment was sent: starts the records clock.</summary>
    public DateOnly? AssignedOn { get; init; }

    /// <summary>Whether the notice of assignment was sent electronically.</summary>
    public bool NoticeSentElectronically { get; init; }

    /// <summary>The date the records were complete: starts the determination clock.</summary>
    public DateOnly? RecordsCompleteOn { get; init; }

    /// <summary>Who certified an imminent and serious threat to health, converting the review to expedited.</summary>
    public string? ExpeditedCertifiedBy { get; init; }

    public DateOnly? LetterIssuedOn { get; init; }

    public string? ClosedReason { get; init; }

    /// <summary>Every step taken, oldest first.</summary>
    public IReadOnlyList<AuditEntry> History { get; init; } = [];

    /// <summary>Whether the review is expedited.</summary>
    public bool IsExpedited => CaseClock.IsExpedited(Priority);
}

/// <summary>The stable codes of workflow failures (WFL001–WFL099). The API answers each with HTTP 409.</summary>
public static class WorkflowCodes
{
    /// <summary>The step is not allowed in the case's current status.</summary>
    public const string OutOfOrder = "WFL001";

    /// <summary>The letter is issued: the case can no longer change.</summary>
    public const string LetterIssued = "WFL002";

    /// <summary>The reviewer named is not qualified or has a conflict of interest.</summary>
    public const string ReviewerRejected = "WFL003";

    /// <summary>No reviewer is qualified and free of conflict.</summary>
    public const string NoReviewer = "WFL004";

    /// <summary>The review is already expedited.</summary>
    public const string AlreadyExpedited = "WFL005";
}

/// <summary>The reasons a party or coordinator may close a case (8 CCR 9792.10.6(a)); an ineligible screen closes with its own reasons.</summary>
public static class CloseReasons
{
    /// <summary>The applicant withdrew the application.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>The claims administrator authorised the disputed treatment, so nothing is left to review.</summary>
    public const string TreatmentAuthorized = "treatment-authorized";

    /// <summary>The Final Determination Letter is issued and the case is done.</summary>
    public const string Completed = "completed";

    public static IReadOnlyList<string> All { get; } = [Withdrawn, TreatmentAuthorized, Completed];
}

/// <summary>Why a step was refused.</summary>
public sealed record WorkflowFailure(string Code, CaseStep Step, CaseStatus Status, string Message)
{
    /// <summary>For <see cref="WorkflowCodes.ReviewerRejected"/>, the reviewer's reasons.</summary>
    public IReadOnlyList<ReviewerReason> ReviewerReasons { get; init; } = [];
}

/// <summary>The outcome of a step: the new state, or the unchanged state and a coded failure.</summary>
public sealed record WorkflowResult(CaseState State, WorkflowFailure? Failure)
{
    public bool Succeeded => Failure is null;
}

/// <summary>
/// The IMR case lifecycle: received → screened (eligible or ineligible) → assigned (awaiting
/// records) → records complete (in review) → decided → letter issued → closed. Every step returns
/// a <see cref="WorkflowResult"/> and appends an <see cref="AuditEntry"/>; a step out of order
/// fails with <see cref="WorkflowCodes.OutOfOrder"/> and changes nothing.
/// </summary>
public static class CaseWorkflow
{
    private static readonly CaseStatus[] BeforeDecision = [CaseStatus.Received, CaseStatus.Eligible, CaseStatus.AwaitingRecords, CaseStatus.InReview];

    /// <summary>The statuses each step may be taken from.</summary>
    public static IReadOnlyDictionary<CaseStep, IReadOnlyList<CaseStatus>> AllowedFrom { get; } = new Dictionary<CaseStep, IReadOnlyList<CaseStatus>>
    {
        [CaseStep.Screen] = [CaseStatus.Received],
        [CaseStep.Assign] = [CaseStatus.Eligible, CaseStatus.AwaitingRecords, CaseStatus.InReview],
        [CaseStep.RecordsComplete] = [CaseStatus.AwaitingRecords],
        [CaseStep.Decide] = [CaseStatus.InReview, CaseStatus.Decided],
        [CaseStep.IssueLetter] = [CaseStatus.Decided],
        [CaseStep.ConvertToExpedited] = BeforeDecision,
        [CaseStep.Close] = [.. BeforeDecision, CaseStatus.Ineligible, CaseStatus.Decided, CaseStatus.LetterIssued],
        [CaseStep.AddRecords] = BeforeDecision,
    };

    /// <summary>
    /// Whether <paramref name="step"/> may be taken on a case in <paramref name="state"/>: what a page
    /// asks before it offers the step, by the same rule the step itself applies.
    /// </summary>
    public static bool Allows(CaseState state, CaseStep step)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Refusal(state, step) is null;
    }

    /// <summary>
    /// Whether <paramref name="step"/> may be taken from <paramref name="status"/> (for a list of
    /// cases, where only the status is known: a case whose letter is issued takes no step but closing).
    /// </summary>
    public static bool Allows(CaseStatus status, CaseStep step) =>
        Allows(new CaseState { Status = status, LetterIssuedOn = status == CaseStatus.LetterIssued ? DateOnly.MinValue : null }, step);

    /// <summary>
    /// Why the engine may not run on the case now, or <see langword="null"/> when it may: it runs when
    /// a decision may be taken (the decide step's statuses) and never once the letter is issued.
    /// </summary>
    public static WorkflowFailure? ReviewRefusal(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Refusal(state, CaseStep.Decide) is not { } refusal)
        {
            return null;
        }

        return refusal.Code == WorkflowCodes.LetterIssued
            ? refusal
            : refusal with { Message = $"The review runs once a reviewer is assigned and the records are complete; the case is {CaseStatusNames.Name(state.Status)}." };
    }

    /// <summary>
    /// Why a record may not be added to the case now (its letter is issued, or it is decided, closed or
    /// ineligible), or <see langword="null"/> when it may: records serve a review that has not yet been decided.
    /// </summary>
    public static WorkflowFailure? AddRecordsRefusal(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Refusal(state, CaseStep.AddRecords);
    }

    /// <summary>A new case, <see cref="CaseStatus.Received"/>, with the priority of the application.</summary>
    public static CaseState Receive(Case @case, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(context);
        return new CaseState
        {
            Status = CaseStatus.Received,
            Priority = CaseClock.IsExpedited(@case) ? "expedited" : "standard",
            History = [new AuditEntry(context.At, context.Actor, CaseStep.Receive, CaseStatus.Received, CaseStatus.Received, context.CriteriaLibraryVersion, @case.CaseNumber)],
        };
    }

    /// <summary>
    /// Records an eligibility screen: eligible → <see cref="CaseStatus.Eligible"/> (the notice
    /// clock starts on <see cref="StepContext.Date"/>); ineligible → <see cref="CaseStatus.Ineligible"/>;
    /// only missing information → stays <see cref="CaseStatus.Received"/> so it can be screened
    /// again (8 CCR 9792.10.3(c): the AD may request more information).
    /// </summary>
    public static WorkflowResult Screen(CaseState state, EligibilityResult result, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        var to = result.Eligible ? CaseStatus.Eligible : result.NeedsInformation ? CaseStatus.Received : CaseStatus.Ineligible;
        var detail = result.Eligible ? "eligible" : string.Join(" ", result.Reasons.Select(r => $"{r.Code} {r.Message}"));
        return Step(state, CaseStep.Screen, context, to, detail, s => s with
        {
            Eligibility = result,
            EligibleOn = result.Eligible ? context.Date : null,
        });
    }

    /// <summary>
    /// Assigns (or reassigns) a reviewer; the notice of assignment is sent on
    /// <paramref name="noticeSent"/> (default: the step's date) and the records clock starts.
    /// </summary>
    public static WorkflowResult Assign(CaseState state, string reviewerId, StepContext context, DateOnly? noticeSent = null, bool electronically = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewerId);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var to = state.Status == CaseStatus.Eligible ? CaseStatus.AwaitingRecords : state.Status;
        return Step(state, CaseStep.Assign, context, to, reviewerId, s => s with
        {
            ReviewerId = reviewerId,
            AssignedOn = s.AssignedOn ?? noticeSent ?? context.Date,
            NoticeSentElectronically = s.AssignedOn is null ? electronically : s.NoticeSentElectronically,
        });
    }

    /// <summary>
    /// Assigns <paramref name="reviewer"/> after checking qualification, specialty fit and conflicts
    /// (<see cref="ReviewerMatcher.Check"/>); fails with <see cref="WorkflowCodes.ReviewerRejected"/>
    /// and the reasons when the reviewer may not take the case.
    /// </summary>
    public static WorkflowResult Assign(CaseState state, Case @case, Reviewer reviewer, IEnumerable<string> serviceFamilies, StepContext context, DateOnly? noticeSent = null, bool electronically = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(reviewer);
        if (Refusal(state, CaseStep.Assign) is { } refusal)
        {
            return new WorkflowResult(state, refusal);
        }

        var check = ReviewerMatcher.Check(reviewer, @case, serviceFamilies);
        if (!check.CanReview)
        {
            return new WorkflowResult(state, new WorkflowFailure(WorkflowCodes.ReviewerRejected, CaseStep.Assign, state.Status,
                $"Reviewer {reviewer.Id} may not take this case: {string.Join(" ", check.Reasons.Select(r => r.Message))}")
            {
                ReviewerReasons = check.Reasons,
            });
        }

        return Assign(state, reviewer.Id, context, noticeSent, electronically);
    }

    /// <summary>
    /// Assigns the best-ranked reviewer (<see cref="ReviewerMatcher.Rank"/>); fails with
    /// <see cref="WorkflowCodes.NoReviewer"/> when none is qualified and free of conflict.
    /// </summary>
    public static WorkflowResult AssignBest(CaseState state, Case @case, IEnumerable<string> serviceFamilies, IEnumerable<Reviewer> reviewers, StepContext context, IReadOnlyDictionary<string, int>? workloads = null, DateOnly? noticeSent = null, bool electronically = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (Refusal(state, CaseStep.Assign) is { } refusal)
        {
            return new WorkflowResult(state, refusal);
        }

        var best = ReviewerMatcher.Best(@case, serviceFamilies, reviewers, workloads);
        return best is null
            ? new WorkflowResult(state, new WorkflowFailure(WorkflowCodes.NoReviewer, CaseStep.Assign, state.Status,
                "No reviewer is qualified for the services in dispute and free of conflict with the parties."))
            : Assign(state, best.Id, context, noticeSent, electronically);
    }

    /// <summary>The records are in (default: on the step's date); the determination clock starts.</summary>
    public static WorkflowResult RecordsComplete(CaseState state, StepContext context, DateOnly? on = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Step(state, CaseStep.RecordsComplete, context, CaseStatus.InReview, null, s => s with { RecordsCompleteOn = on ?? context.Date });
    }

    /// <summary>The reviewer's decisions are recorded; they may be revised until the letter is issued.</summary>
    public static WorkflowResult Decide(CaseState state, StepContext context, string? detail = null) =>
        Step(state, CaseStep.Decide, context, CaseStatus.Decided, detail, s => s);

    /// <summary>The Final Determination Letter is issued on the step's date; from now on the case is immutable.</summary>
    public static WorkflowResult IssueLetter(CaseState state, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Step(state, CaseStep.IssueLetter, context, CaseStatus.LetterIssued, null, s => s with { LetterIssuedOn = context.Date });
    }

    /// <summary>
    /// Converts a regular review to expedited on the treating physician's written certification of
    /// an imminent and serious threat to health; the parties must be told at once.
    /// </summary>
    public static WorkflowResult ConvertToExpedited(CaseState state, string certifiedBy, StepContext context)
    {
        // Source: 8 CCR 9792.10.4(c); 8 CCR 9792.6.1(j) (PROC-10)
        ArgumentException.ThrowIfNullOrWhiteSpace(certifiedBy);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (Refusal(state, CaseStep.ConvertToExpedited) is { } refusal)
        {
            return new WorkflowResult(state, refusal);
        }

        if (state.IsExpedited)
        {
            return new WorkflowResult(state, new WorkflowFailure(WorkflowCodes.AlreadyExpedited, CaseStep.ConvertToExpedited, state.Status, "The review is already expedited."));
        }

        return Step(state, CaseStep.ConvertToExpedited, context, state.Status, $"certified by {certifiedBy}", s => s with
        {
            Priority = "expedited",
            ExpeditedCertifiedBy = certifiedBy,
        });
    }

    /// <summary>
    /// Closes the case: after an ineligible screen, after the letter, or earlier when the
    /// application is withdrawn or the claims administrator authorises the treatment (8 CCR 9792.10.6(a)).
    /// </summary>
    public static WorkflowResult Close(CaseState state, string reason, StepContext context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(state);
        if (reason == CloseReasons.Completed && state.Status != CaseStatus.LetterIssued)
        {
            return new WorkflowResult(state, new WorkflowFailure(WorkflowCodes.OutOfOrder, CaseStep.Close, state.Status,
                $"A case closes as completed only once its letter is issued; it is {Describe(state.Status)}. Close it as withdrawn or treatment-authorized instead."));
        }

        return Step(state, CaseStep.Close, context, CaseStatus.Closed, reason, s => s with { ClosedReason = reason });
    }

    /// <summary>
    /// The deadlines of the case in its current state: the case's dates, overlaid with the
    /// state's priority, eligibility, assignment, records and letter dates.
    /// </summary>
    public static IReadOnlyList<Deadline> Deadlines(Case @case, CaseState state, bool formularyDispute = false, ClockRules? rules = null, BusinessCalendar? calendar = null)
    {
        var current = AsItStands(@case, state);
        var facts = new ClockFacts
        {
            EligibleOn = state.EligibleOn,
            NoticeSentElectronically = state.NoticeSentElectronically,
            RecordsComplete = state.RecordsCompleteOn,
            FormularyDispute = formularyDispute,
            DeterminationIssued = state.LetterIssuedOn,
        };
        return CaseClock.Deadlines(current, facts, rules, calendar);
    }

    /// <summary>
    /// The case as it now stands: the application as filed, with the priority the workflow has set
    /// (an expedited conversion), the date the reviewer was assigned, and the records now in the file
    /// (<paramref name="documents"/>; the filed ones when null). What the engine reviews, the clocks count
    /// from and the letter's header shows.
    /// </summary>
    public static Case AsItStands(Case @case, CaseState state, IReadOnlyList<CaseDocument>? documents = null)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(state);
        return @case with
        {
            Priority = state.Priority,
            Dates = (@case.Dates ?? new CaseDates()) with { Assigned = state.AssignedOn ?? @case.Dates?.Assigned },
            Documents = documents ?? @case.Documents,
        };
    }

    private static WorkflowResult Step(CaseState state, CaseStep step, StepContext context, CaseStatus to, string? detail, Func<CaseState, CaseState> change)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (Refusal(state, step) is { } failure)
        {
            return new WorkflowResult(state, failure);
        }

        var entry = new AuditEntry(context.At, context.Actor, step, state.Status, to, context.CriteriaLibraryVersion, detail);
        var next = change(state) with { Status = to, History = [.. state.History, entry] };
        return new WorkflowResult(next, null);
    }

    private static WorkflowFailure? Refusal(CaseState state, CaseStep step)
    {
        if (state.LetterIssuedOn is not null && !(step == CaseStep.Close && state.Status == CaseStatus.LetterIssued))
        {
            return new WorkflowFailure(WorkflowCodes.LetterIssued, step, state.Status,
                "The Final Determination Letter is issued: the case can no longer change.");
        }

        var allowed = AllowedFrom[step];
        return allowed.Contains(state.Status)
            ? null
            : new WorkflowFailure(WorkflowCodes.OutOfOrder, step, state.Status,
                $"Cannot {Describe(step)} a case that is {Describe(state.Status)}; allowed when {string.Join(" or ", allowed.Select(Describe))}.");
    }

    private static string Describe(CaseStep step) => step switch
    {
        CaseStep.RecordsComplete => "mark records complete on",
        CaseStep.IssueLetter => "issue the letter of",
        CaseStep.ConvertToExpedited => "convert to expedited",
        CaseStep.AddRecords => "add records to",
        _ => step.ToString().ToLowerInvariant(),
    };

    private static string Describe(CaseStatus status) => status switch
    {
        CaseStatus.AwaitingRecords => "awaiting records",
        CaseStatus.InReview => "in review",
        CaseStatus.LetterIssued => "letter issued",
        _ => status.ToString().ToLowerInvariant(),
    };
}
