using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Serialization;
using OpenImr.Storage;
using OpenImr.Storage.Service;
using OpenImr.Web.Features.Cases;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.Workflow;

/// <summary>
/// Moves a stored case to and from the Domain's <see cref="CaseState"/>: the status, priority,
/// reviewer and clock dates live in the case's columns; the date found eligible is the date of its
/// last <c>case.eligible</c> audit line. Saving bumps the row version, so a concurrent edit fails.
/// </summary>
internal static class WorkflowStore
{
    public const string EligibleAction = "case.eligible";

    /// <summary>The audit action of a step the workflow refused.</summary>
    public const string RefusedAction = "case.step-refused";

    /// <summary>The time zone of the case clocks (California).</summary>
    public static TimeZoneInfo California { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    /// <summary>The stored case with its requests, documents, determinations and letters, tracked; null when the caller may not see it.</summary>
    public static Task<StoredCase?> LoadAsync(ImrDbContext db, Guid id, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        db.Cases.VisibleTo(caller)
            .Include(c => c.Requests)
            .Include(c => c.Documents)
            .Include(c => c.Determinations)
            .Include(c => c.Letters)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public static Case CaseOf(StoredCase stored) => JsonSerializer.Deserialize<Case>(stored.CaseJson, ImrJson.Compact)!;

    /// <summary>The case as the engine and the letter see it: the submitted case with every stored record and its extracted text.</summary>
    public static Case WithStoredDocuments(Case submitted, StoredCase stored) => submitted with
    {
        Documents = [.. stored.Documents.OrderBy(d => d.Ordinal).Select(d => new CaseDocument { Type = d.Type, Date = d.Date, Text = d.Text ?? "", Path = d.Text is null ? d.FileName : null })],
    };

    public static async Task<CaseState> StateOfAsync(ImrDbContext db, StoredCase stored, CancellationToken cancellationToken)
    {
        var eligibleAt = await db.AuditEntries.AsNoTracking()
            .Where(a => a.CaseId == stored.Id && a.Action == EligibleAction)
            .OrderByDescending(a => a.Id)
            .Select(a => (DateTimeOffset?)a.At)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var letter = stored.Letters.OrderBy(l => l.Id).FirstOrDefault();
        return new CaseState
        {
            Status = ParseStatus(stored.Status),
            Priority = stored.Priority,
            EligibleOn = eligibleAt is { } at ? DateOf(at) : null,
            ReviewerId = stored.AssignedReviewerId?.ToString(),
            AssignedOn = stored.AssignedReviewerId is null ? null : stored.AssignedDate,
            NoticeSentElectronically = stored.NoticeSentElectronically,
            RecordsCompleteOn = stored.RecordsCompleteAt is { } complete ? DateOf(complete) : null,
            LetterIssuedOn = letter is null ? null : DateOf(letter.IssuedAt),
        };
    }

    /// <summary>Copies the new state to the columns, with the deadlines it sets, and bumps the version.</summary>
    public static IReadOnlyList<Deadline> Apply(StoredCase stored, Case submitted, CaseState state, DateTimeOffset now)
    {
        stored.Status = StatusName(state.Status);
        stored.Priority = state.Priority;
        if (state.AssignedOn is { } assigned)
        {
            stored.AssignedDate = assigned;
            stored.NoticeSentElectronically = state.NoticeSentElectronically;
        }

        if (state.RecordsCompleteOn is not null && stored.RecordsCompleteAt is null)
        {
            // Note that the instant is kept; the state's date is read back from it in California time.
            stored.RecordsCompleteAt = now.ToUniversalTime();
        }

        var deadlines = CaseWorkflow.Deadlines(submitted, state, formularyDispute: CaseClock.IsMedicationDispute(submitted));
        stored.RecordsDue = deadlines.FirstOrDefault(d => d.Clock == ClockKind.Records)?.Due;
        stored.DeterminationDue = deadlines.FirstOrDefault(d => d.Clock == ClockKind.Determination)?.Due;
        // Note that PostgreSQL stores only UTC instants; the step context is in California time.
        stored.UpdatedAt = now.ToUniversalTime();
        stored.Version++;
        return deadlines;
    }

    public static StepContext Context(ClaimsPrincipal caller, TimeProvider clock) =>
        StepContext.Now(caller.Actor(), clock, California, Audit.LibraryVersion);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, California).DateTime);

    public static string StatusName(CaseStatus status) => JsonSerializer.Serialize(status).Trim('"');

    public static CaseStatus ParseStatus(string status) => JsonSerializer.Deserialize<CaseStatus>($"\"{status}\"");

    /// <summary>
    /// The case a workflow step acts on: 404 when the caller may not see it, 409 when the client's
    /// <c>If-Match</c> version is stale; otherwise the stored case.
    /// </summary>
    public static async Task<OpenedCase> OpenAsync(ImrDbContext db, HttpContext http, Guid id, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var stored = await LoadAsync(db, id, caller, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return new OpenedCase(null, Problems.NotFound(CaseAccess.NotFoundDetail(id)));
        }

        return IsStale(http, stored) ? new OpenedCase(null, StaleProblem()) : new OpenedCase(stored, null);
    }

    /// <summary>
    /// Takes a step that changes only the case's state: opens the case (404, stale 409), asks the
    /// Domain, refuses with an audit line, or saves the new state with the audit line
    /// <paramref name="audit"/> writes from the updated case (409 on a concurrent edit).
    /// </summary>
    public static async Task<TakenStep> TakeStepAsync(
        ImrDbContext db,
        HttpContext http,
        TimeProvider clock,
        ClaimsPrincipal caller,
        Guid id,
        Func<CaseState, StepContext, WorkflowResult> step,
        Func<StoredCase, (string Action, string Detail)> audit,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(audit);
        var opened = await OpenAsync(db, http, id, caller, cancellationToken).ConfigureAwait(false);
        if (opened.Problem is { } problem)
        {
            return new TakenStep(null, [], problem);
        }

        var stored = opened.Case!;
        var state = await StateOfAsync(db, stored, cancellationToken).ConfigureAwait(false);
        var context = Context(caller, clock);
        var result = step(state, context);
        if (!result.Succeeded)
        {
            return new TakenStep(null, [], await RefuseAsync(db, clock, caller, id, result.Failure!, cancellationToken).ConfigureAwait(false));
        }

        var deadlines = Apply(stored, CaseOf(stored), result.State, context.At);
        var (action, detail) = audit(stored);
        db.Record(clock, caller, action, id, detail);
        return await SaveAsync(db, cancellationToken).ConfigureAwait(false) is { } conflict
            ? new TakenStep(null, [], conflict)
            : new TakenStep(stored, deadlines, null);
    }

    /// <summary>If the client sent <c>If-Match: VERSION</c>, whether the stored version is another one.</summary>
    public static bool IsStale(HttpContext http, StoredCase stored)
    {
        var match = http.Request.Headers.IfMatch.ToString().Trim().Trim('"');
        return match.Length > 0 && !(int.TryParse(match, out var version) && version == stored.Version);
    }

    /// <summary>Saves; a concurrent change of the case (its version moved on) answers 409.</summary>
    public static async Task<ProblemHttpResult?> SaveAsync(ImrDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || IsDuplicate(exception))
        {
            // Note that two writers racing on a case may also meet first on a unique index (one determination per request).
            return StaleProblem();
        }
    }

    private static bool IsDuplicate(DbUpdateException exception) =>
        exception.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true ||
        exception.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;

    public static ProblemHttpResult StaleProblem() =>
        TypedResults.Problem(
            "The case was changed by someone else meanwhile; load it again and retry.",
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict",
            extensions: new Dictionary<string, object?> { ["code"] = "concurrent-edit" });

    /// <summary>
    /// Writes the refused step to the audit trail (<c>case.step-refused</c>: who tried what, in which
    /// status, and why) and answers it as <see cref="Refused"/>. Nothing else of the attempt is saved.
    /// </summary>
    public static async Task<ProblemHttpResult> RefuseAsync(
        ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, Guid caseId, WorkflowFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(failure);
        // Note that the refused attempt may have changed tracked entities; only the audit line is kept.
        db.ChangeTracker.Clear();
        db.Record(clock, caller, RefusedAction, caseId, $"{failure.Code} {JsonSerializer.Serialize(failure.Step).Trim('"')} while {StatusName(failure.Status)}: {failure.Message}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Refused(failure);
    }

    /// <summary>A refused step as a 409 problem carrying the WFL code, the step, the status and any reviewer reasons.</summary>
    public static ProblemHttpResult Refused(WorkflowFailure failure) =>
        TypedResults.Problem(
            failure.Message,
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict",
            extensions: new Dictionary<string, object?>
            {
                ["code"] = failure.Code,
                ["step"] = JsonSerializer.Serialize(failure.Step).Trim('"'),
                ["caseStatus"] = StatusName(failure.Status),
                ["reasons"] = failure.ReviewerReasons.Select(r => new { r.Code, r.Source, r.Message, r.Party }).ToList(),
            });
}

/// <summary>The case after a step with the deadlines it now has, or the problem that stopped the step.</summary>
internal sealed record TakenStep(StoredCase? Case, IReadOnlyList<Deadline> Deadlines, ProblemHttpResult? Problem);

/// <summary>A stored case opened for a workflow step, or the problem that stops the step.</summary>
internal sealed record OpenedCase(StoredCase? Case, ProblemHttpResult? Problem);
