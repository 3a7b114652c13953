using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;
using OpenImr.Domain.Serialization;
using OpenImr.Storage;
using OpenImr.Storage.Service;
using OpenImr.Web.Features.CaseDocuments;
using OpenImr.Web.Features.Cases;
using OpenImr.Web.Features.Workflow;

namespace OpenImr.Web.Components.Services;

/// <summary>
/// The pages' way to the case service: each step calls the same endpoint method the API maps
/// (so the rules, audit lines and role checks are the API's), on a database context of its own,
/// as the signed-in person. A page passes the version it showed, so a step on a case someone
/// else changed meanwhile is refused as a concurrent edit, as the API's If-Match is.
/// </summary>
public sealed class CaseDesk(DatabaseTarget database, TimeProvider clock, WebAppOptions options, CaseViewCache views)
{
    private static readonly string[] OpenStatuses =
        [CaseStatuses.Received, CaseStatuses.Eligible, CaseStatuses.AwaitingRecords, CaseStatuses.InReview, CaseStatuses.Decided];

    /// <summary>Today in California, the date the clocks count from.</summary>
    public DateOnly Today => WorkflowStore.DateOf(clock.GetUtcNow());

    /// <summary>The cases the person may see, with their clocks, reviewer and requests.</summary>
    public async Task<IReadOnlyList<QueueRow>> QueueAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var rows = await db.Cases.AsNoTracking().VisibleTo(user)
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
        var today = Today;
        return [.. rows.Select(r => new QueueRow(r.Id, r.CaseNumber, r.Status, r.Priority, r.ApplicationReceivedDate, r.Reviewer, r.Requests,
            ClockOf(r.Status, r.RecordsDue, r.DeterminationDue, today)))];
    }

    /// <summary>The running clock of a case: records due while awaiting records, the determination after.</summary>
    public static CaseClockView? ClockOf(string status, DateOnly? recordsDue, DateOnly? determinationDue, DateOnly today)
    {
        if (!OpenStatuses.Contains(status))
        {
            return null;
        }

        var (name, due) = status == CaseStatuses.AwaitingRecords ? ("Records", recordsDue) : ("Determination", determinationDue);
        return due is { } date ? new CaseClockView(name, date, date.DayNumber - today.DayNumber) : null;
    }

    /// <summary>Files a new case, as the API's POST /api/cases.</summary>
    public async Task<StepOutcome<Guid>> CreateAsync(ClaimsPrincipal user, Case submitted, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var result = await CaseEndpoints.CreateCase(submitted, db, clock, user, cancellationToken).ConfigureAwait(false);
        return StepOutcome<Guid>.From(result.Result, r => ((Created<CaseCreated>)r).Value!.Id);
    }

    /// <summary>Adds an uploaded record, as the API's POST /api/cases/{id}/documents.</summary>
    public async Task<StepOutcome<DocumentView>> AddDocumentAsync(
        ClaimsPrincipal user, Guid id, Stream content, long length, string fileName, string contentType, string? type, DateOnly? date, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var file = new FormFile(content, 0, length, "file", fileName) { Headers = new HeaderDictionary(), ContentType = contentType };
        var result = await CaseDocumentEndpoints.AddDocument(id, file, type, date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            db, options, clock, user, new DefaultHttpContext(), cancellationToken).ConfigureAwait(false);
        return StepOutcome<DocumentView>.From(result.Result, r => ((Created<DocumentView>)r).Value);
    }

    public async Task<StepOutcome<EligibilityView>> ScreenAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var result = await WorkflowEndpoints.ScreenEligibility(id, Expecting(version), db, clock, user, cancellationToken).ConfigureAwait(false);
        return StepOutcome<EligibilityView>.From(result.Result, r => ((Ok<EligibilityView>)r).Value);
    }

    public async Task<StepOutcome<AssignmentView>> AssignAsync(ClaimsPrincipal user, Guid id, Guid? reviewerId, int version, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var result = await WorkflowEndpoints.AssignReviewer(id, new AssignmentRequest(reviewerId), Expecting(version), db, clock, user, cancellationToken).ConfigureAwait(false);
        return StepOutcome<AssignmentView>.From(result.Result, r => ((Ok<AssignmentView>)r).Value);
    }

    public async Task<StepOutcome<ClockView>> CompleteRecordsAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var result = await WorkflowEndpoints.CompleteRecords(id, Expecting(version), db, clock, user, cancellationToken).ConfigureAwait(false);
        return StepOutcome<ClockView>.From(result.Result, r => ((Ok<ClockView>)r).Value);
    }

    public async Task<StepOutcome<Review>> RunReviewAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var result = await WorkflowEndpoints.RunReview(id, Expecting(version), db, clock, user, cancellationToken).ConfigureAwait(false);
        return StepOutcome<Review>.From(result.Result, r => ((JsonHttpResult<Review>)r).Value);
    }

    public async Task<StepOutcome<DecisionsView>> DecideAsync(ClaimsPrincipal user, Guid id, IReadOnlyList<DecisionInput> decisions, int version, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var result = await WorkflowEndpoints.PutDeterminations(id, [.. decisions], Expecting(version), db, clock, user, cancellationToken).ConfigureAwait(false);
        return StepOutcome<DecisionsView>.From(result.Result, r => ((Ok<DecisionsView>)r).Value);
    }

    public async Task<StepOutcome<IssuedLetterView>> IssueLetterAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var result = await WorkflowEndpoints.IssueLetter(id, Expecting(version), db, clock, user, cancellationToken).ConfigureAwait(false);
        return StepOutcome<IssuedLetterView>.From(result.Result, r => ((Created<IssuedLetterView>)r).Value);
    }

    /// <summary>Converts the review to expedited on a physician's certification, as the API's POST /api/cases/{id}/expedite.</summary>
    public async Task<StepOutcome<ClockView>> ExpediteAsync(ClaimsPrincipal user, Guid id, string? certifiedBy, string? note, int version, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var result = await WorkflowEndpoints.ConvertToExpedited(id, new ExpediteRequest(certifiedBy, note), Expecting(version), db, clock, user, cancellationToken).ConfigureAwait(false);
        return StepOutcome<ClockView>.From(result.Result, r => ((Ok<ClockView>)r).Value);
    }

    /// <summary>Closes the case, as the API's POST /api/cases/{id}/close.</summary>
    public async Task<StepOutcome<ClosedView>> CloseAsync(ClaimsPrincipal user, Guid id, string? reason, string? note, int version, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var result = await WorkflowEndpoints.CloseCase(id, new CloseRequest(reason, note), Expecting(version), db, clock, user, cancellationToken).ConfigureAwait(false);
        return StepOutcome<ClosedView>.From(result.Result, r => ((Ok<ClosedView>)r).Value);
    }

    /// <summary>The issued letter as a file (PDF, HTML, text, Markdown), as the API's GET /api/cases/{id}/letter.</summary>
    public async Task<IResult> LetterFileAsync(ClaimsPrincipal user, Guid id, string format, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await WorkflowEndpoints.GetLetter(id, format, db, options, user, cancellationToken).ConfigureAwait(false)).Result;
    }

    /// <summary>The public version of the letter as it would be published, for staff, as the API's GET /api/cases/{id}/letter/public/preview.</summary>
    public async Task<IResult> PublicLetterPreviewAsync(ClaimsPrincipal user, Guid id, string format, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return (await WorkflowEndpoints.PreviewPublicLetter(id, format, db, options, clock, user, cancellationToken).ConfigureAwait(false)).Result;
    }

    /// <summary>The case's stamp (version and latest history line) when the person may see it; null otherwise.</summary>
    public async Task<CaseStamp?> StampAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        return await CaseAccess.StampAsync(db, id, user, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Everything the case pages show; null when the person may not see the case.</summary>
    public async Task<CaseFile?> LoadAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var view = (await CaseEndpoints.GetCase(id, db, views, clock, user, cancellationToken).ConfigureAwait(false)).Result as Ok<CaseView>;
        if (view?.Value is not { } @case)
        {
            return null;
        }

        var stored = await db.Cases.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new
            {
                c.CaseJson,
                c.AssignedDate,
                Reviewer = c.AssignedReviewer == null ? null : new { c.AssignedReviewer.Name, c.AssignedReviewer.Licensure, c.AssignedReviewer.Specialties },
                Texts = c.Documents.OrderBy(d => d.Ordinal).Select(d => d.Text).ToList(),
                Determinations = c.Determinations.OrderBy(d => d.RequestOrdinal).ToList(),
                Letter = c.Letters.OrderBy(l => l.Id).Select(l => l.LetterJson).FirstOrDefault(),
            })
            .FirstAsync(cancellationToken).ConfigureAwait(false);
        var submitted = JsonSerializer.Deserialize<Case>(stored.CaseJson, ImrJson.Compact)!;
        // Note that the letter's header shows the date the reviewer was assigned, as issuing does.
        submitted = submitted with { Dates = (submitted.Dates ?? new CaseDates()) with { Assigned = stored.AssignedDate ?? submitted.Dates?.Assigned } };
        var determinations = stored.Determinations.Select(d => new DeterminationRow(
            d.RequestOrdinal,
            d.Request,
            d.Decision,
            d.Rationale,
            d.ReviewerId is not null,
            d.EngineJson is null ? null : JsonSerializer.Deserialize<Determination>(d.EngineJson, ImrJson.Compact))).ToList();
        return new CaseFile(
            @case,
            submitted,
            stored.Reviewer?.Name,
            stored.Reviewer is null ? null : new ReviewerCredentials(stored.Reviewer.Licensure, stored.Reviewer.Specialties),
            [.. stored.Texts.Select(t => t ?? "")],
            determinations,
            stored.Letter is null ? null : JsonSerializer.Deserialize<Letter>(stored.Letter, ImrJson.Compact),
            ClockOf(@case.Status, @case.Deadlines.RecordsDue, @case.Deadlines.DeterminationDue, Today));
    }

    /// <summary>
    /// Every reviewer checked against the case: those who may take it ranked first (specialty fit,
    /// then lightest workload, as assignment ranks them), then the others with their reasons.
    /// </summary>
    public async Task<IReadOnlyList<ReviewerSuggestion>> SuggestionsAsync(Case submitted, CancellationToken cancellationToken = default)
    {
        await using var db = database.CreateContext();
        var reviewers = await db.Reviewers.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
        var workloads = await WorkflowEndpoints.WorkloadsAsync(db, cancellationToken).ConfigureAwait(false);
        var families = submitted.Requests.Select(r => RequestParser.Parse(r.Description).Service.Family).ToList();
        var domain = reviewers.Select(WorkflowEndpoints.ToDomain).ToList();
        var ranked = ReviewerMatcher.Rank(submitted, families, domain, workloads);
        var suggestions = ranked.Select((r, i) => new ReviewerSuggestion(
            Guid.Parse(r.Reviewer.Id), r.Reviewer.Name, i + 1, r.Reviewer.Specialties, r.Reviewer.Licensure, r.MatchedSpecialties, r.Fit, r.Workload, [])).ToList();
        foreach (var reviewer in domain.Where(d => ranked.All(r => r.Reviewer.Id != d.Id)))
        {
            var check = ReviewerMatcher.Check(reviewer, submitted, families);
            suggestions.Add(new ReviewerSuggestion(Guid.Parse(reviewer.Id), reviewer.Name, null, reviewer.Specialties, reviewer.Licensure, [], 0,
                workloads.GetValueOrDefault(reviewer.Id), check.Reasons));
        }

        return suggestions;
    }

    /// <summary>The letter the reviewer's current choices would issue, for the preview before signing.</summary>
    public string PreviewLetterHtml(CaseFile file, IReadOnlyList<(Decision Decision, string Rationale)> choices)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(choices);
        var current = file.Submitted with
        {
            Documents = [.. file.Submitted.Documents.Select((d, i) => d with { Text = i < file.DocumentTexts.Count ? file.DocumentTexts[i] : d.Text })],
            Priority = file.View.Priority,
        };
        var determinations = file.View.Requests.Select((request, i) =>
        {
            var engine = file.Determinations.FirstOrDefault(d => d.Ordinal == request.Ordinal)?.Engine;
            var (decision, rationale) = choices[i];
            return engine is not null
                ? engine with { Decision = decision, Rationale = rationale }
                : new Determination(request.Description, RequestParser.Parse(request.Description).Service.ToString(), null, decision, null, [], rationale);
        }).ToList();
        return LetterHtml(DeterminationLetter.Compose(current, new Review(file.View.CaseNumber, determinations), Today, file.ReviewerCredentials));
    }

    /// <summary>An issued letter as HTML, as the API renders it.</summary>
    public string LetterHtml(Letter letter) => LetterRenderer.Render(letter, LetterFormat.Html, options.Organisation);

    private static DefaultHttpContext Expecting(int version)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.IfMatch = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return http;
    }
}

/// <summary>A running legal clock: its name, due date and days left (negative when overdue).</summary>
public sealed record CaseClockView(string Name, DateOnly Due, int DaysLeft)
{
    public bool Overdue => DaysLeft < 0;
}

public sealed record QueueRow(
    Guid Id, string? CaseNumber, string Status, string Priority, DateOnly? ApplicationReceived, string? Reviewer, IReadOnlyList<string> Requests, CaseClockView? Clock);

/// <param name="Reviewed">Whether the reviewer has decided (else the row holds the engine's recommendation).</param>
public sealed record DeterminationRow(int Ordinal, string Request, string Decision, string? Rationale, bool Reviewed, Determination? Engine);

/// <param name="DocumentTexts">The text of each record, in order: what evidence offsets point into.</param>
public sealed record CaseFile(
    CaseView View,
    Case Submitted,
    string? ReviewerName,
    ReviewerCredentials? ReviewerCredentials,
    IReadOnlyList<string> DocumentTexts,
    IReadOnlyList<DeterminationRow> Determinations,
    Letter? IssuedLetter,
    CaseClockView? Clock);

/// <param name="Rank">1 for the best; null when the reviewer may not take the case (see <paramref name="Reasons"/>).</param>
public sealed record ReviewerSuggestion(
    Guid Id, string Name, int? Rank, IReadOnlyList<string> Specialties, IReadOnlyList<string> Licensure, IReadOnlyList<string> MatchedSpecialties,
    int Fit, int Workload, IReadOnlyList<ReviewerReason> Reasons);
