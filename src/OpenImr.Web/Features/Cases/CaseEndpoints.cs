using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Serialization;
using OpenImr.Storage;
using OpenImr.Storage.Service;
using OpenImr.Web.Features.CaseDocuments;
using OpenImr.Web.Features.Workflow;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.Cases;

/// <summary><c>POST /api/cases</c> files a case; <c>GET /api/cases/{id}</c> shows it with its records, deadlines and history.</summary>
internal static class CaseEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapPost("/", CreateCase).WithName("CreateCase").RequireAuthorization(Policies.Filer);
        cases.MapGet("/", ListCases).WithName("ListCases");
        cases.MapGet("/{id:guid}", GetCase).WithName("GetCase");
        return api;
    }

    public static async Task<Results<Created<CaseCreated>, ValidationProblem>> CreateCase(
        Case submitted, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var errors = CaseValidator.Validate(submitted);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The case is incomplete or malformed.");
        }

        var duplicates = await PossibleDuplicatesAsync(db, submitted, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var stored = new StoredCase
        {
            Id = Guid.CreateVersion7(now),
            CaseNumber = string.IsNullOrWhiteSpace(submitted.CaseNumber) ? null : submitted.CaseNumber.Trim(),
            CaseJson = JsonSerializer.Serialize(submitted, ImrJson.Compact),
            Status = CaseStatuses.Received,
            Priority = submitted.Priority ?? "standard",
            InjuryDate = submitted.Dates?.Injury,
            UrDenialDate = submitted.Dates?.UrDenial,
            ApplicationReceivedDate = submitted.Dates?.ApplicationReceived,
            AssignedDate = submitted.Dates?.Assigned,
            PartyUserId = caller.IsInRole(UserRoles.Party) ? caller.UserId() : null,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        for (var i = 0; i < submitted.Requests.Count; i++)
        {
            stored.Requests.Add(new StoredCaseRequest { Ordinal = i, Description = submitted.Requests[i].Description.Trim() });
        }

        for (var i = 0; i < submitted.Documents.Count; i++)
        {
            var document = submitted.Documents[i];
            var text = string.IsNullOrWhiteSpace(document.Text) ? null : document.Text;
            var storedDocument = new StoredCaseDocument
            {
                Ordinal = i,
                Type = document.Type,
                Date = document.Date,
                FileName = text is null ? document.Path : null,
                Text = text,
                Sha256 = text is null ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
                AddedAt = now,
                AddedBy = caller.UserId(),
            };
            DocumentFacts.Attach(storedDocument, stored.Id, clock);
            stored.Documents.Add(storedDocument);
        }

        db.Cases.Add(stored);
        db.Record(clock, caller, "case.created", stored.Id,
            $"{stored.CaseNumber ?? "no case number"}: {stored.Requests.Count} request(s), {stored.Documents.Count} document(s)");
        if (duplicates.Count > 0)
        {
            db.Record(clock, caller, "case.possible-duplicate", stored.Id,
                $"same case number or same claim (injury date, UR decision date and treatments) as open case(s) {string.Join(", ", duplicates)}");
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        // Note that only staff learn which other cases match: a party may not see them.
        return TypedResults.Created($"/api/cases/{stored.Id}",
            new CaseCreated(stored.Id, stored.Status, CaseDeadlines.Of(stored), caller.IsStaff() ? duplicates : []));
    }

    /// <summary>
    /// Open cases that are the same filing (<see cref="DuplicateKey"/>, PROC-05): the same case
    /// number, or the same injury date, UR decision date and treatments. They are flagged for the
    /// coordinator, who closes the later filing; intake never refuses a filing on a guess.
    /// </summary>
    private static async Task<List<Guid>> PossibleDuplicatesAsync(ImrDbContext db, Case submitted, CancellationToken cancellationToken)
    {
        var key = DuplicateKey.For(submitted);
        var caseNumber = string.IsNullOrWhiteSpace(submitted.CaseNumber) ? null : submitted.CaseNumber.Trim();
        var (injury, denial) = (submitted.Dates?.Injury, submitted.Dates?.UrDenial);
        if (caseNumber is null && (injury is null || denial is null))
        {
            return [];
        }

        var candidates = await db.Cases.AsNoTracking()
            .Where(c => c.Status != CaseStatuses.Closed && c.Status != CaseStatuses.Ineligible)
            .Where(c => (caseNumber != null && c.CaseNumber == caseNumber) || (injury != null && denial != null && c.InjuryDate == injury && c.UrDenialDate == denial))
            .OrderBy(c => c.Id)
            .Take(100)
            .Select(c => new { c.Id, c.CaseJson })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. candidates.Where(c => DuplicateKey.For(JsonSerializer.Deserialize<Case>(c.CaseJson, ImrJson.Compact)!).Matches(key)).Select(c => c.Id)];
    }

    /// <summary>The cases the caller may see, newest first, optionally of one status, a page at a time.</summary>
    public static async Task<Results<Ok<CaseList>, ValidationProblem>> ListCases(
        string? status, int? page, int? pageSize, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (page is < 1)
        {
            errors["page"] = ["Pages are numbered from 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"The page size is between 1 and {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.Cases.AsNoTracking().VisibleTo(caller);
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = status.Trim();
            query = query.Where(c => c.Status == wanted);
        }

        var (number, size) = (page ?? 1, pageSize ?? DefaultPageSize);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        // Note that ids are version 7 GUIDs: in time order, and sortable on both providers (unlike DateTimeOffset on SQLite).
        var items = await query.OrderByDescending(c => c.Id)
            .Skip((number - 1) * size)
            .Take(size)
            .Select(c => new CaseSummary(c.Id, c.CaseNumber, c.Status, c.Priority, c.AssignedReviewerId, new CaseDeadlines(c.RecordsDue, c.DeterminationDue), c.CreatedAt, null))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var today = CaseClock.Today(clock, WorkflowStore.California);
        return TypedResults.Ok(new CaseList(total, number, size, [.. items.Select(c => PartyView.For(caller, c with { Clock = RunningClockOf(c.Status, c.Deadlines, today) }))]));
    }

    /// <summary>
    /// The case with its records, deadlines and history. One small query checks that the caller may
    /// see it and reads its stamp; the view is rebuilt only when the stamp has moved on.
    /// </summary>
    public static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetCase(
        Guid id, ImrDbContext db, CaseViewCache views, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var stamp = await CaseAccess.StampAsync(db, id, caller, cancellationToken).ConfigureAwait(false);
        if (stamp is not { } current)
        {
            return Problems.NotFound(CaseAccess.NotFoundDetail(id));
        }

        if (!views.TryGet(id, current, out var view))
        {
            view = await BuildViewAsync(db, id, cancellationToken).ConfigureAwait(false);
            if (view is null)
            {
                return Problems.NotFound(CaseAccess.NotFoundDetail(id));
            }

            // Note that the view is remembered at the stamp read before it was built: if the case moved on meanwhile, the next read rebuilds it.
            views.Remember(id, current, view);
        }

        // Note that the running clock depends on today's date, so it is added to the remembered view on every read.
        return TypedResults.Ok(PartyView.For(caller, view with { Clock = RunningClockOf(view.Status, view.Deadlines, CaseClock.Today(clock, WorkflowStore.California)) }));
    }

    /// <summary>The clock the case is waiting on today, or null.</summary>
    internal static RunningClock? RunningClockOf(string status, CaseDeadlines deadlines, DateOnly today) =>
        CaseClock.Running(WorkflowStore.ParseStatus(status), deadlines.RecordsDue, deadlines.DeterminationDue, today);

    private static async Task<CaseView?> BuildViewAsync(ImrDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var stored = await db.Cases.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id,
                c.CaseNumber,
                c.Status,
                c.Priority,
                c.CaseJson,
                c.AssignedReviewerId,
                c.RecordsDue,
                c.DeterminationDue,
                c.Version,
                c.CreatedAt,
                c.UpdatedAt,
                Requests = c.Requests.OrderBy(r => r.Ordinal).Select(r => new RequestView(r.Ordinal, r.Description)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        // Note that neither the original bytes nor the extracted text are read here: only their sizes.
        var documents = await db.CaseDocuments.AsNoTracking()
            .Where(d => d.CaseId == id)
            .OrderBy(d => d.Ordinal)
            .Select(d => new DocumentView(d.Id, d.Ordinal, d.Type, d.Date, d.FileName, d.ContentType,
                d.Content == null ? null : (long?)d.Content.Length, d.Text == null ? null : (int?)d.Text.Length, d.Sha256, d.AddedAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var history = await db.AuditEntries.AsNoTracking()
            .Where(a => a.CaseId == id)
            .OrderBy(a => a.Id)
            .Select(a => new HistoryEntry(a.At, a.Actor, a.Action, a.Detail, a.LibraryVersion))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var submitted = JsonSerializer.Deserialize<Case>(stored.CaseJson, ImrJson.Compact)!;
        return new CaseView(
            stored.Id,
            stored.CaseNumber,
            stored.Status,
            stored.Priority,
            submitted.Dates,
            submitted.Patient,
            submitted.Application,
            submitted.Parties,
            stored.AssignedReviewerId,
            new CaseDeadlines(stored.RecordsDue, stored.DeterminationDue),
            stored.Requests,
            documents,
            history,
            stored.Version,
            stored.CreatedAt,
            stored.UpdatedAt,
            null,
            submitted.ClaimNumber,
            submitted.Worker);
    }
}

/// <summary>The case's legal clocks; null until the workflow has computed them.</summary>
/// <param name="RecordsDue">When the records are due (15 days after the notice of assignment, 12 if electronic, 24 hours if expedited).</param>
/// <param name="DeterminationDue">When the determination is due (30 days after the records arrive, 3 if expedited).</param>
public sealed record CaseDeadlines(DateOnly? RecordsDue, DateOnly? DeterminationDue)
{
    internal static CaseDeadlines Of(StoredCase stored) => new(stored.RecordsDue, stored.DeterminationDue);
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
    internal static DocumentView Of(StoredCaseDocument d, long? size) =>
        new(d.Id, d.Ordinal, d.Type, d.Date, d.FileName, d.ContentType, size, d.Text?.Length, d.Sha256, d.AddedAt);
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
