using System.Security.Claims;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;
using OpenImr.Storage;

namespace OpenImr.Web.Components.Services;

/// <summary>
/// The pages' way to the case service: each step calls the application's use case, the same one the
/// API maps (so the rules, audit lines and refusals are the API's), on a database context of its own,
/// as the signed-in person. A page passes the version it showed, so a step on a case someone else
/// changed meanwhile is refused as a concurrent edit, as the API's If-Match is.
/// </summary>
public sealed class CaseDesk(DatabaseTarget database, TimeProvider clock, CriteriaLibrary criteria, WebAppOptions options, CaseViewCache views)
{
    /// <summary>Today in California, the date the clocks count from.</summary>
    public DateOnly Today => CaseClock.Today(clock);

    /// <summary>The cases the person may see, with their clocks, reviewer and requests.</summary>
    public Task<IReadOnlyList<QueueRow>> QueueAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        WithAsync(cases => new CaseQueries(cases, views).QueueAsync(user, cancellationToken));

    /// <summary>Files a new case, as the API's POST /api/cases.</summary>
    public Task<CaseOutcome<CaseCreated>> CreateAsync(ClaimsPrincipal user, Case submitted, CancellationToken cancellationToken = default) =>
        WithAsync(cases => new CaseIntake(cases).FileAsync(submitted, user, cancellationToken));

    /// <summary>Adds an uploaded record, as the API's POST /api/cases/{id}/documents.</summary>
    public Task<CaseOutcome<DocumentView>> AddDocumentAsync(
        ClaimsPrincipal user, Guid id, Stream content, long length, string fileName, string contentType, string? type, DateOnly? date, CancellationToken cancellationToken = default) =>
        WithAsync(cases => new RecordAddition(cases).AddAsync(
            id,
            new RecordUpload(fileName, contentType, length, content, type, date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            options.MaxDocumentBytes,
            user,
            expectedVersion: null,
            cancellationToken));

    /// <summary>What screening the case would find today, without screening it.</summary>
    public EligibilityResult ScreenAhead(CaseFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return EligibilityScreening.Ahead(file.Current, Today);
    }

    public Task<CaseOutcome<EligibilityView>> ScreenAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken cancellationToken = default) =>
        WithAsync(cases => new EligibilityScreening(cases).ScreenAsync(id, user, version, cancellationToken));

    public Task<CaseOutcome<AssignmentView>> AssignAsync(ClaimsPrincipal user, Guid id, Guid? reviewerId, int version, CancellationToken cancellationToken = default) =>
        WithAsync(cases => new ReviewerAssignment(cases).AssignAsync(id, reviewerId, electronically: false, user, version, cancellationToken));

    public Task<CaseOutcome<ClockView>> CompleteRecordsAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken cancellationToken = default) =>
        WithAsync(cases => new RecordsCompletion(cases).CompleteAsync(id, user, version, cancellationToken));

    public Task<CaseOutcome<Review>> RunReviewAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken cancellationToken = default) =>
        WithAsync(cases => new EngineReview(cases).RunAsync(id, user, version, cancellationToken));

    public Task<CaseOutcome<DecisionsView>> DecideAsync(ClaimsPrincipal user, Guid id, IReadOnlyList<GivenDecision> decisions, int version, CancellationToken cancellationToken = default) =>
        WithAsync(cases => new ReviewerDecisions(cases).DecideAsync(id, decisions, user, version, cancellationToken));

    public Task<CaseOutcome<IssuedLetterView>> IssueLetterAsync(ClaimsPrincipal user, Guid id, int version, CancellationToken cancellationToken = default) =>
        WithAsync(cases => new LetterIssuance(cases).IssueAsync(id, user, version, cancellationToken));

    /// <summary>Converts the review to expedited on a physician's certification, as the API's POST /api/cases/{id}/expedite.</summary>
    public Task<CaseOutcome<ClockView>> ExpediteAsync(ClaimsPrincipal user, Guid id, string? certifiedBy, string? note, int version, CancellationToken cancellationToken = default) =>
        WithAsync(cases => new ExpediteConversion(cases).ConvertAsync(id, certifiedBy, note, user, version, cancellationToken));

    /// <summary>Closes the case, as the API's POST /api/cases/{id}/close.</summary>
    public Task<CaseOutcome<ClosedView>> CloseAsync(ClaimsPrincipal user, Guid id, string? reason, string? note, int version, CancellationToken cancellationToken = default) =>
        WithAsync(cases => new CaseClosing(cases).CloseAsync(id, reason, note, user, version, cancellationToken));

    /// <summary>The case's stamp (version and latest history line) when the person may see it; null otherwise.</summary>
    public Task<CaseStamp?> StampAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) =>
        WithAsync(cases => new CaseQueries(cases, views).StampAsync(id, user, cancellationToken));

    /// <summary>Everything the case pages show; null when the person may not see the case.</summary>
    public Task<CaseFile?> LoadAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default) =>
        WithAsync(cases => new CaseQueries(cases, views).FileAsync(id, user, cancellationToken));

    /// <summary>Every reviewer checked against the case, those who may take it ranked first.</summary>
    public Task<IReadOnlyList<ReviewerSuggestion>> SuggestionsAsync(Case submitted, CancellationToken cancellationToken = default) =>
        WithAsync(cases => ReviewerPool.SuggestAsync(cases.Db, submitted, cancellationToken));

    /// <summary>The letter the reviewer's current choices would issue, for the preview before signing.</summary>
    public string PreviewLetterHtml(CaseFile file, IReadOnlyList<(Decision Decision, string Rationale)> choices)
        => LetterHtml(CaseQueries.PreviewLetter(file, choices, Today));

    /// <summary>An issued letter as HTML, as the API renders it.</summary>
    public string LetterHtml(Letter letter) => LetterRenderer.Render(letter, LetterFormat.Html, options.Organisation);

    private async Task<T> WithAsync<T>(Func<CaseRepository, Task<T>> use)
    {
        await using var db = database.CreateContext();
        return await use(new CaseRepository(db, clock, criteria)).ConfigureAwait(false);
    }
}
