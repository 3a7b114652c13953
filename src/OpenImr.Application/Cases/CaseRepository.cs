using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Serialization;
using OpenImr.Storage;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>
/// Moves a stored case to and from the Domain's <see cref="CaseState"/>: the status, priority,
/// reviewer and clock dates live in the case's columns; the date found eligible is the date of its
/// last <c>case.eligible</c> audit line. Saving bumps the row version, so a concurrent edit fails.
/// One per database context; every use case works through it.
/// </summary>
public sealed class CaseRepository(ImrDbContext db, TimeProvider clock, CriteriaLibrary criteria)
{
    public ImrDbContext Db => db;

    public TimeProvider Clock => clock;

    public CriteriaLibrary Criteria => criteria;

    /// <summary>The stored case with its requests, documents, determinations and letters, tracked; null when the caller may not see it.</summary>
    public Task<StoredCase?> LoadAsync(Guid id, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        db.Cases.VisibleTo(caller)
            .Include(c => c.Requests)
            .Include(c => c.Documents)
            .Include(c => c.Determinations)
            .Include(c => c.Letters)
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>
    /// The case a step acts on, or why not: not found when the caller may not see it, stale when
    /// <paramref name="expectedVersion"/> (the version the caller last saw; null for any) is not the stored one.
    /// </summary>
    public async Task<(StoredCase? Case, CaseOutcome<T>? Problem)> OpenAsync<T>(Guid id, ClaimsPrincipal caller, int? expectedVersion, CancellationToken cancellationToken)
    {
        var stored = await LoadAsync(id, caller, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return (null, CaseOutcome.NotFound<T>(CaseAccess.NotFoundDetail(id)));
        }

        return expectedVersion is { } expected && expected != stored.Version ? (null, CaseOutcome.Stale<T>()) : (stored, null);
    }

    public static Case CaseOf(StoredCase stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return JsonSerializer.Deserialize<Case>(stored.CaseJson, ImrJson.Compact)!;
    }

    public async Task<CaseState> StateOfAsync(StoredCase stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var eligibleAt = await db.AuditEntries.AsNoTracking()
            .Where(a => a.CaseId == stored.Id && a.Action == CaseActions.Eligible)
            .OrderByDescending(a => a.Id)
            .Select(a => (DateTimeOffset?)a.At)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var letter = stored.Letters.OrderBy(l => l.Id).FirstOrDefault();
        return new CaseState
        {
            Status = CaseStatusNames.Parse(stored.Status),
            Priority = stored.Priority,
            EligibleOn = eligibleAt is { } at ? CaseClock.DateOf(at) : null,
            ReviewerId = stored.AssignedReviewerId?.ToString(),
            AssignedOn = stored.AssignedReviewerId is null ? null : stored.AssignedDate,
            NoticeSentElectronically = stored.NoticeSentElectronically,
            RecordsCompleteOn = stored.RecordsCompleteAt is { } complete ? CaseClock.DateOf(complete) : null,
            LetterIssuedOn = letter is null ? null : CaseClock.DateOf(letter.IssuedAt),
        };
    }

    /// <summary>Who takes a step now, in California time, with the criteria library in use.</summary>
    public StepContext Context(ClaimsPrincipal caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return StepContext.Now(caller.Actor(), clock, CaseClock.California, criteria.Version);
    }

    /// <summary>Copies the new state to the columns, with the deadlines it sets, and bumps the version.</summary>
    public static IReadOnlyList<Deadline> Apply(StoredCase stored, Case submitted, CaseState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(state);
        stored.Status = CaseStatusNames.Name(state.Status);
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

    /// <summary>
    /// Applies the steps the Domain took: the new state to the columns, and each step's own audit
    /// entry (<see cref="CaseState.History"/> of a state loaded by <see cref="StateOfAsync"/> holds only
    /// the new ones) to the trail; <paramref name="detail"/> replaces the last entry's detail when the host knows more.
    /// </summary>
    public IReadOnlyList<Deadline> Take(StoredCase stored, Case submitted, WorkflowResult step, ClaimsPrincipal caller, Func<StoredCase, string?>? detail = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(step);
        var history = step.State.History;
        var deadlines = Apply(stored, submitted, step.State, history[^1].At);
        for (var i = 0; i < history.Count; i++)
        {
            db.Record(caller, stored.Id, history[i], i == history.Count - 1 ? detail?.Invoke(stored) : null);
        }

        return deadlines;
    }

    /// <summary>Writes an event that is not a workflow step to the case's trail, with the library version.</summary>
    public void Record(ClaimsPrincipal? caller, string action, Guid caseId, string? detail) =>
        db.Record(clock, caller, action, caseId, detail, criteria.Version);

    /// <summary>Saves; false when a concurrent change of the case (its version moved on) won.</summary>
    public async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || IsDuplicate(exception))
        {
            // Note that two writers racing on a case may also meet first on a unique index (one determination per request).
            return false;
        }
    }

    /// <summary>
    /// Writes the refused step to the audit trail (<c>case.step-refused</c>: who tried what, in which
    /// status, and why) and answers it as refused. Nothing else of the attempt is saved.
    /// </summary>
    public async Task<CaseOutcome<T>> RefuseAsync<T>(ClaimsPrincipal caller, Guid caseId, WorkflowFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        // Note that the refused attempt may have changed tracked entities; only the audit line is kept.
        db.ChangeTracker.Clear();
        Record(caller, CaseActions.StepRefused, caseId,
            $"{failure.Code} {JsonSerializer.Serialize(failure.Step).Trim('"')} while {CaseStatusNames.Name(failure.Status)}: {failure.Message}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return CaseOutcome.Refused<T>(failure);
    }

    private static bool IsDuplicate(DbUpdateException exception) =>
        exception.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true ||
        exception.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;
}
