using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>What a caller may read of the cases: lists, one case with its history, its records and facts, and the file the pages show.</summary>
public sealed class CaseQueries(CaseRepository cases, CaseViewCache views)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>The cases the caller may see, newest first, optionally of one status, a page at a time.</summary>
    public async Task<CaseOutcome<CaseList>> ListAsync(string? status, int? page, int? pageSize, ClaimsPrincipal caller, CancellationToken cancellationToken = default)
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
            return CaseOutcome.Invalid<CaseList>(errors);
        }

        var query = cases.Db.Cases.AsNoTracking().VisibleTo(caller);
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
        var today = CaseClock.Today(cases.Clock);
        return CaseOutcome.Done<CaseList>(new CaseList(total, number, size, [.. items.Select(c => PartyView.For(caller, c with { Clock = RunningClockOf(c.Status, c.Deadlines, today) }))]));
    }

    /// <summary>
    /// The case with its records, deadlines and history. One small query checks that the caller may
    /// see it and reads its stamp; the view is rebuilt only when the stamp has moved on.
    /// </summary>
    public async Task<CaseOutcome<CaseView>> GetAsync(Guid id, ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var stamp = await CaseAccess.StampAsync(cases.Db, id, caller, cancellationToken).ConfigureAwait(false);
        if (stamp is not { } current)
        {
            return CaseOutcome.NotFound<CaseView>(CaseAccess.NotFoundDetail(id));
        }

        if (!views.TryGet(id, current, out var view))
        {
            view = await BuildViewAsync(id, cancellationToken).ConfigureAwait(false);
            if (view is null)
            {
                return CaseOutcome.NotFound<CaseView>(CaseAccess.NotFoundDetail(id));
            }

            // Note that the view is remembered at the stamp read before it was built: if the case moved on meanwhile, the next read rebuilds it.
            views.Remember(id, current, view);
        }

        // Note that the running clock depends on today's date, so it is added to the remembered view on every read.
        return CaseOutcome.Done<CaseView>(PartyView.For(caller, view with { Clock = RunningClockOf(view.Status, view.Deadlines, CaseClock.Today(cases.Clock)) }));
    }

    /// <summary>A record of a visible case with its extracted text (the text review evidence offsets point into).</summary>
    public async Task<CaseOutcome<DocumentWithText>> DocumentAsync(Guid id, int documentId, ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var document = await VisibleDocument(id, documentId, caller)
            .Select(d => new DocumentWithText(
                new DocumentView(
                    d.Id, d.Ordinal, d.Type, d.Date, d.FileName, d.ContentType,
                    d.Content == null ? null : (long?)d.Content.Length,
                    d.Text == null ? null : (int?)d.Text.Length,
                    d.Sha256, d.AddedAt),
                d.Text))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return document is null
            ? CaseOutcome.NotFound<DocumentWithText>($"Case {id} has no document {documentId} that you may see.")
            : CaseOutcome.Done<DocumentWithText>(document);
    }

    /// <summary>The original bytes of an uploaded record, as uploaded.</summary>
    public async Task<CaseOutcome<RecordOriginal>> OriginalAsync(Guid id, int documentId, ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var document = await VisibleDocument(id, documentId, caller)
            .Select(d => new { d.Content, d.ContentType, d.FileName })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return CaseOutcome.NotFound<RecordOriginal>($"Case {id} has no document {documentId} that you may see.");
        }

        return document.Content is null
            ? CaseOutcome.NotFound<RecordOriginal>($"Document {documentId} of case {id} was given as text or a path; there is no uploaded original.")
            : CaseOutcome.Done<RecordOriginal>(new RecordOriginal(document.Content, document.ContentType ?? "application/octet-stream", document.FileName));
    }

    /// <summary>
    /// The clinical facts read from the case's documents when they were added, in document and text
    /// order, each with its evidence span into the document's text; optionally of one kind.
    /// </summary>
    public async Task<CaseOutcome<List<StoredFactView>>> FactsAsync(Guid id, string? kind, ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var db = cases.Db;
        if (!await db.Cases.AsNoTracking().VisibleTo(caller).AnyAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return CaseOutcome.NotFound<List<StoredFactView>>(CaseAccess.NotFoundDetail(id));
        }

        var facts = db.CaseFacts.AsNoTracking().Where(f => f.CaseId == id);
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var wanted = kind.Trim();
            facts = facts.Where(f => f.Kind == wanted);
        }

        var rows = await facts
            .Join(db.CaseDocuments, f => f.DocumentId, d => d.Id, (f, d) => new { f, d.Ordinal })
            .OrderBy(x => x.Ordinal).ThenBy(x => x.f.Start).ThenBy(x => x.f.Id)
            .Select(x => new { x.f.DocumentId, x.f.Kind, x.f.Status, x.f.Start, x.f.End, x.f.FactJson })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return CaseOutcome.Done<List<StoredFactView>>([.. rows.Select(r => new StoredFactView(r.DocumentId, r.Kind, r.Status, r.Start, r.End,
            JsonSerializer.Deserialize<ClinicalFact>(r.FactJson, ImrJson.Compact)!))]);
    }

    /// <summary>The cases the person may see, with their clocks, reviewer and requests: the queue pages.</summary>
    public async Task<IReadOnlyList<QueueRow>> QueueAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var rows = await cases.Db.Cases.AsNoTracking().VisibleTo(caller)
            .OrderByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.CaseNumber,
                c.Status,
                c.Priority,
                c.ApplicationReceivedDate,
                c.RecordsDue,
                c.DeterminationDue,
                Reviewer = c.AssignedReviewer == null ? null : c.AssignedReviewer.Name,
                Requests = c.Requests.OrderBy(r => r.Ordinal).Select(r => r.Description).ToList(),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var today = CaseClock.Today(cases.Clock);
        return [.. rows.Select(r => new QueueRow(r.Id, r.CaseNumber, r.Status, r.Priority, r.ApplicationReceivedDate, r.Reviewer, r.Requests,
            CaseClockView.Of(r.Status, r.RecordsDue, r.DeterminationDue, today)))];
    }

    /// <summary>Everything the case pages show: the case, as it now stands, its reviewer, record texts, determinations and letter; null when the caller may not see it.</summary>
    public async Task<CaseFile?> FileAsync(Guid id, ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        var got = await GetAsync(id, caller, cancellationToken).ConfigureAwait(false);
        if (got.Value is not { } view)
        {
            return null;
        }

        var stored = await cases.Db.Cases.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                c.CaseJson,
                c.Priority,
                c.AssignedDate,
                c.AssignedReviewerId,
                Reviewer = c.AssignedReviewer == null ? null : new { c.AssignedReviewer.Name, c.AssignedReviewer.Licensure, c.AssignedReviewer.Specialties },
                Documents = c.Documents.OrderBy(d => d.Ordinal).Select(d => new { d.Type, d.Date, d.Text, d.FileName }).ToList(),
                Determinations = c.Determinations.OrderBy(d => d.RequestOrdinal).ToList(),
                Letter = c.Letters.OrderBy(l => l.Id).Select(l => l.LetterJson).FirstOrDefault(),
            })
            .FirstAsync(cancellationToken).ConfigureAwait(false);
        var submitted = JsonSerializer.Deserialize<Case>(stored.CaseJson, ImrJson.Compact)!;
        var state = new CaseState { Status = CaseStatusNames.Parse(view.Status), Priority = stored.Priority, AssignedOn = stored.AssignedReviewerId is null ? null : stored.AssignedDate };
        var current = CaseWorkflow.AsItStands(submitted, state,
            [.. stored.Documents.Select(d => new CaseDocument { Type = d.Type, Date = d.Date, Text = d.Text ?? "", Path = d.Text is null ? d.FileName : null })]);
        var determinations = stored.Determinations.Select(d => new DeterminationRow(
            d.RequestOrdinal,
            d.Request,
            d.Decision,
            d.Rationale,
            d.ReviewerId is not null,
            CaseFiles.EngineDetermination(d))).ToList();
        return new CaseFile(
            view,
            current,
            state,
            stored.Reviewer?.Name,
            stored.Reviewer is null ? null : new ReviewerCredentials(stored.Reviewer.Licensure, stored.Reviewer.Specialties),
            determinations,
            stored.Letter is null ? null : JsonSerializer.Deserialize<Letter>(stored.Letter, ImrJson.Compact),
            CaseClockView.Of(view.Status, view.Deadlines.RecordsDue, view.Deadlines.DeterminationDue, CaseClock.Today(cases.Clock)));
    }

    /// <summary>
    /// The letter the reviewer's current choices (one per request, in order) would issue on <paramref name="date"/>: the preview before signing.
    /// </summary>
    public static Letter PreviewLetter(CaseFile file, IReadOnlyList<(Decision Decision, string Rationale)> choices, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(choices);
        var determinations = file.View.Requests.Select((request, i) =>
        {
            var (decision, rationale) = choices[i];
            return CaseFiles.Decided(request.Description, decision, rationale, file.Determinations.FirstOrDefault(d => d.Ordinal == request.Ordinal)?.Engine);
        }).ToList();
        return DeterminationLetter.Compose(file.Current, new Review(file.View.CaseNumber, determinations), date, file.ReviewerCredentials);
    }

    /// <summary>The case's stamp (version and latest history line) when the caller may see it; null otherwise.</summary>
    public Task<CaseStamp?> StampAsync(Guid id, ClaimsPrincipal caller, CancellationToken cancellationToken = default) =>
        CaseAccess.StampAsync(cases.Db, id, caller, cancellationToken);

    /// <summary>The clock the case is waiting on today, or null.</summary>
    public static RunningClock? RunningClockOf(string status, CaseDeadlines deadlines, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        return CaseClock.Running(CaseStatusNames.Parse(status), deadlines.RecordsDue, deadlines.DeterminationDue, today);
    }

    private IQueryable<StoredCaseDocument> VisibleDocument(Guid id, int documentId, ClaimsPrincipal caller) =>
        cases.Db.CaseDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.CaseId == id)
            .Where(d => cases.Db.Cases.VisibleTo(caller).Any(c => c.Id == d.CaseId));

    private async Task<CaseView?> BuildViewAsync(Guid id, CancellationToken cancellationToken)
    {
        var db = cases.Db;
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

/// <summary>The original bytes of an uploaded record.</summary>
public sealed record RecordOriginal(byte[] Content, string ContentType, string? FileName);

/// <summary>A running legal clock as a page shows it: its name, due date and days left (negative when overdue).</summary>
public sealed record CaseClockView(string Name, DateOnly Due, int DaysLeft)
{
    public bool Overdue => DaysLeft < 0;

    /// <summary>The clock a case in <paramref name="status"/> runs today (<see cref="CaseClock.Running"/>), or null.</summary>
    public static CaseClockView? Of(string status, DateOnly? recordsDue, DateOnly? determinationDue, DateOnly today) =>
        CaseClock.Running(CaseStatusNames.Parse(status), recordsDue, determinationDue, today) is { } clock
            ? new CaseClockView(clock.Clock == ClockKind.Records ? "Records" : "Determination", clock.Due, clock.DaysLeft)
            : null;
}

public sealed record QueueRow(
    Guid Id, string? CaseNumber, string Status, string Priority, DateOnly? ApplicationReceived, string? Reviewer, IReadOnlyList<string> Requests, CaseClockView? Clock);

/// <param name="Reviewed">Whether the reviewer has decided (else the row holds the engine's recommendation).</param>
public sealed record DeterminationRow(int Ordinal, string Request, string Decision, string? Rationale, bool Reviewed, Determination? Engine);

/// <param name="Current">The case as it now stands (<see cref="CaseWorkflow.AsItStands"/>): the record texts evidence offsets point into, the priority and assignment date the letter shows.</param>
/// <param name="State">The workflow state as far as the pages need it (status, priority, assignment): what they ask <see cref="CaseWorkflow.Allows(CaseState, CaseStep)"/>.</param>
public sealed record CaseFile(
    CaseView View,
    Case Current,
    CaseState State,
    string? ReviewerName,
    ReviewerCredentials? ReviewerCredentials,
    IReadOnlyList<DeterminationRow> Determinations,
    Letter? IssuedLetter,
    CaseClockView? Clock)
{
    /// <summary>The text of each record, in order: what evidence offsets point into.</summary>
    public IReadOnlyList<string> DocumentTexts => [.. Current.Documents.Select(d => d.Text ?? "")];

    /// <summary>Whether the case's status allows <paramref name="step"/> now.</summary>
    public bool Allows(CaseStep step) => CaseWorkflow.Allows(State with { LetterIssuedOn = IssuedLetter is null ? null : DateOnly.MinValue }, step);
}
