using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenImr.Documents.Letters;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Redaction;
using OpenImr.Domain.Review;
using OpenImr.Domain.Serialization;
using OpenImr.Storage;
using OpenImr.Storage.Service;
using OpenImr.Web.Features.Cases;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.Workflow;

/// <summary>
/// The case workflow routes of CONTRACTS.md. Each loads the case, asks the Domain
/// (<see cref="CaseWorkflow"/>, <see cref="EligibilityScreen"/>, <see cref="ReviewerMatcher"/>,
/// <see cref="ReviewEngine"/>, <see cref="DeterminationLetter"/>), saves the new state with an
/// audit line, and answers a refused step or a concurrent edit with 409.
/// </summary>
internal static class WorkflowEndpoints
{
    private static readonly Lazy<ReviewEngine> Engine = new(() => new ReviewEngine(GuidelineLibrary.LoadEmbedded()));

    private static readonly string[] ClosedStatuses =
        [WorkflowStore.StatusName(CaseStatus.Ineligible), WorkflowStore.StatusName(CaseStatus.LetterIssued), WorkflowStore.StatusName(CaseStatus.Closed)];

    public static RouteGroupBuilder MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Workflow").AddEndpointFilter(CaseStepQueue.SerialiseAsync);
        cases.MapPost("/eligibility", ScreenEligibility).WithName("ScreenEligibility").RequireAuthorization(Policies.Staff);
        cases.MapPost("/records-complete", CompleteRecords).WithName("CompleteRecords").RequireAuthorization(Policies.Staff);
        cases.MapPost("/assignment", AssignReviewer).WithName("AssignReviewer").RequireAuthorization(Policies.Staff);
        cases.MapPost("/review", RunReview).WithName("RunReview").RequireAuthorization(Policies.Reviewing);
        cases.MapPut("/determinations", PutDeterminations).WithName("PutDeterminations").RequireAuthorization(Policies.Reviewer);
        cases.MapPost("/letter", IssueLetter).WithName("IssueLetter").RequireAuthorization(Policies.Reviewer);
        cases.MapGet("/letter", GetLetter).WithName("GetIssuedLetter");
        cases.MapGet("/letter/public", GetPublicLetter).WithName("GetPublicLetter");
        cases.MapGet("/letter/public/preview", PreviewPublicLetter).WithName("PreviewPublicLetter").RequireAuthorization(Policies.Staff);
        cases.MapPost("/expedite", ConvertToExpedited).WithName("ConvertToExpedited").RequireAuthorization(Policies.Staff);
        cases.MapPost("/close", CloseCase).WithName("CloseCase").RequireAuthorization(Policies.Staff);
        return api;
    }

    /// <summary>Screens the application; an ineligible case closes with its reasons, one missing only information stays received.</summary>
    public static async Task<Results<Ok<EligibilityView>, ProblemHttpResult>> ScreenEligibility(
        Guid id, HttpContext http, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var opened = await WorkflowStore.OpenAsync(db, http, id, caller, cancellationToken).ConfigureAwait(false);
        if (opened.Problem is { } problem)
        {
            return problem;
        }

        var stored = opened.Case!;

        var submitted = WorkflowStore.CaseOf(stored);
        var state = await WorkflowStore.StateOfAsync(db, stored, cancellationToken).ConfigureAwait(false);
        var context = WorkflowStore.Context(caller, clock);
        var result = EligibilityScreen.Screen(submitted, context.Date);
        var step = CaseWorkflow.Screen(state, result, context);
        if (!step.Succeeded)
        {
            return await WorkflowStore.RefuseAsync(db, clock, caller, id, step.Failure!, cancellationToken).ConfigureAwait(false);
        }

        var reasons = string.Join(" ", result.Reasons.Select(r => $"{r.Code} {r.Message}"));
        var next = step.State;
        if (next.Status == CaseStatus.Ineligible)
        {
            db.Record(clock, caller, "case.ineligible", id, reasons);
            var close = CaseWorkflow.Close(next, $"ineligible: {reasons}", context);
            if (!close.Succeeded)
            {
                return await WorkflowStore.RefuseAsync(db, clock, caller, id, close.Failure!, cancellationToken).ConfigureAwait(false);
            }

            next = close.State;
            db.Record(clock, caller, "case.closed", id, $"ineligible: {reasons}");
        }
        else
        {
            db.Record(clock, caller, result.Eligible ? WorkflowStore.EligibleAction : "case.information-requested", id, result.Eligible ? "eligible" : reasons);
        }

        WorkflowStore.Apply(stored, submitted, next, context.At);
        if (await WorkflowStore.SaveAsync(db, cancellationToken).ConfigureAwait(false) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(new EligibilityView(result.Eligible, result.Reasons, stored.Status));
    }

    /// <summary>The records are in: the determination clock starts.</summary>
    public static async Task<Results<Ok<ClockView>, ProblemHttpResult>> CompleteRecords(
        Guid id, HttpContext http, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var taken = await WorkflowStore.TakeStepAsync(db, http, clock, caller, id,
            (state, context) => CaseWorkflow.RecordsComplete(state, context),
            stored => ("case.records-complete", $"determination due {stored.DeterminationDue:yyyy-MM-dd}"),
            cancellationToken).ConfigureAwait(false);
        return taken.Problem is { } problem
            ? problem
            : TypedResults.Ok(new ClockView(taken.Case!.Status, CaseDeadlines.Of(taken.Case), taken.Deadlines));
    }

    /// <summary>Assigns the named reviewer if qualified and free of conflict, or with <c>{}</c> the best-ranked one.</summary>
    public static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> AssignReviewer(
        Guid id, AssignmentRequest? request, HttpContext http, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var opened = await WorkflowStore.OpenAsync(db, http, id, caller, cancellationToken).ConfigureAwait(false);
        if (opened.Problem is { } problem)
        {
            return problem;
        }

        var stored = opened.Case!;

        var submitted = WorkflowStore.CaseOf(stored);
        var families = submitted.Requests.Select(r => RequestParser.Parse(r.Description).Service.Family).ToList();
        var state = await WorkflowStore.StateOfAsync(db, stored, cancellationToken).ConfigureAwait(false);
        var context = WorkflowStore.Context(caller, clock);
        var reviewers = await db.Reviewers.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        WorkflowResult step;
        if (request?.ReviewerId is { } named)
        {
            var reviewer = reviewers.FirstOrDefault(r => r.Id == named);
            if (reviewer is null)
            {
                return Problems.NotFound($"There is no reviewer {named}.");
            }

            step = CaseWorkflow.Assign(state, submitted, ToDomain(reviewer), families, context, electronically: request.Electronically == true);
        }
        else
        {
            var workloads = await WorkloadsAsync(db, cancellationToken).ConfigureAwait(false);
            step = CaseWorkflow.AssignBest(state, submitted, families, reviewers.Select(ToDomain), context, workloads, electronically: request?.Electronically == true);
        }

        if (!step.Succeeded)
        {
            return await WorkflowStore.RefuseAsync(db, clock, caller, id, step.Failure!, cancellationToken).ConfigureAwait(false);
        }

        var chosen = reviewers.Single(r => r.Id.ToString() == step.State.ReviewerId);
        var previous = stored.AssignedReviewerId;
        stored.AssignedReviewerId = chosen.Id;
        WorkflowStore.Apply(stored, submitted, step.State, context.At);
        db.Record(clock, caller, "case.assigned", id,
            $"{chosen.Name} ({chosen.Id}){(previous is { } before && before != chosen.Id ? $", replacing {before}" : "")}; records due {stored.RecordsDue:yyyy-MM-dd}");
        if (await WorkflowStore.SaveAsync(db, cancellationToken).ConfigureAwait(false) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(new AssignmentView(chosen.Id, stored.Status, CaseDeadlines.Of(stored)));
    }

    /// <summary>Runs the engine on the case's records; stores its determinations beside the reviewer's and returns the <c>Review</c>.</summary>
    public static async Task<Results<JsonHttpResult<Review>, ProblemHttpResult>> RunReview(
        Guid id, HttpContext http, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var opened = await WorkflowStore.OpenAsync(db, http, id, caller, cancellationToken).ConfigureAwait(false);
        if (opened.Problem is { } problem)
        {
            return problem;
        }

        var stored = opened.Case!;

        var state = await WorkflowStore.StateOfAsync(db, stored, cancellationToken).ConfigureAwait(false);
        // Note that the engine runs when a decision may be taken: the Domain's statuses for the decide step.
        if (ReviewRefusal(state) is { } refusal)
        {
            return await WorkflowStore.RefuseAsync(db, clock, caller, id, refusal, cancellationToken).ConfigureAwait(false);
        }

        var context = WorkflowStore.Context(caller, clock);
        var reviewed = WorkflowStore.WithStoredDocuments(WorkflowStore.CaseOf(stored), stored);
        var review = Engine.Value.Review(reviewed, [.. reviewed.Documents.Select(d => d.Text ?? "")], context.Date);
        for (var i = 0; i < review.Determinations.Count; i++)
        {
            var determination = review.Determinations[i];
            var row = stored.Determinations.FirstOrDefault(d => d.RequestOrdinal == i);
            if (row is null)
            {
                row = new StoredDetermination { CaseId = id, RequestOrdinal = i };
                stored.Determinations.Add(row);
            }

            row.Request = determination.Request;
            row.EngineJson = JsonSerializer.Serialize(determination, ImrJson.Compact);
            if (row.ReviewerId is null)
            {
                // Note that until the reviewer decides, the row carries the engine's recommendation.
                row.Decision = determination.Decision.ToString();
                row.Rationale = determination.Rationale;
                row.DecidedAt = context.At.ToUniversalTime();
            }
        }

        stored.UpdatedAt = context.At.ToUniversalTime();
        stored.Version++;
        db.Record(clock, caller, "case.reviewed", id,
            $"engine {Engine.Value.LibraryVersion}: {string.Join("; ", review.Determinations.Select(d => $"{d.Request}: {d.Decision}"))}");
        if (await WorkflowStore.SaveAsync(db, cancellationToken).ConfigureAwait(false) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Json(review, ImrJson.Compact);
    }

    /// <summary>The assigned reviewer's decision on every request: the engine's accepted or overridden.</summary>
    public static async Task<Results<Ok<DecisionsView>, ValidationProblem, ProblemHttpResult>> PutDeterminations(
        Guid id, List<DecisionInput>? decisions, HttpContext http, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var opened = await WorkflowStore.OpenAsync(db, http, id, caller, cancellationToken).ConfigureAwait(false);
        if (opened.Problem is { } problem)
        {
            return problem;
        }

        var stored = opened.Case!;

        var requests = stored.Requests.OrderBy(r => r.Ordinal).ToList();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var chosen = new Dictionary<int, (Decision Decision, string Rationale, bool Accepted)>();
        decisions ??= [];
        for (var i = 0; i < decisions.Count; i++)
        {
            var given = decisions[i];
            var request = requests.FirstOrDefault(r => string.Equals(r.Description.Trim(), given?.Request?.Trim(), StringComparison.OrdinalIgnoreCase));
            if (request is null)
            {
                errors[$"[{i}].request"] = [$"'{given?.Request}' is not a request of this case; the requests are: {string.Join("; ", requests.Select(r => r.Description))}."];
                continue;
            }

            if (chosen.ContainsKey(request.Ordinal))
            {
                errors[$"[{i}].request"] = [$"'{request.Description}' is decided twice."];
                continue;
            }

            if (!Enum.TryParse<Decision>(given!.Decision?.Trim(), ignoreCase: true, out var decision) || !Enum.IsDefined(decision) || int.TryParse(given.Decision, out _))
            {
                errors[$"[{i}].decision"] = [$"'{given.Decision}' is not a decision; it is 'Upheld' or 'Overturned'."];
                continue;
            }

            if (decision == Decision.NoRecommendation)
            {
                errors[$"[{i}].decision"] = ["NoRecommendation is not a final decision; the reviewer decides 'Upheld' or 'Overturned'."];
                continue;
            }

            var engine = EngineDetermination(stored.Determinations.FirstOrDefault(d => d.RequestOrdinal == request.Ordinal));
            var accepted = engine is not null && engine.Decision == decision;
            var rationale = string.IsNullOrWhiteSpace(given.Rationale) ? (accepted ? engine!.Rationale : null) : given.Rationale.Trim();
            if (rationale is null)
            {
                errors[$"[{i}].rationale"] = ["A rationale is required where the decision is not the engine's recommendation."];
                continue;
            }

            chosen[request.Ordinal] = (decision, rationale, accepted);
        }

        var missing = requests.Where(r => !chosen.ContainsKey(r.Ordinal)).ToList();
        if (errors.Count == 0 && missing.Count > 0)
        {
            errors[""] = [$"Every request needs a decision; missing: {string.Join("; ", missing.Select(r => r.Description))}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The determinations are incomplete or malformed.");
        }

        var state = await WorkflowStore.StateOfAsync(db, stored, cancellationToken).ConfigureAwait(false);
        var context = WorkflowStore.Context(caller, clock);
        var summary = string.Join("; ", requests.Select(r => $"{r.Description}: {chosen[r.Ordinal].Decision} ({(chosen[r.Ordinal].Accepted ? "accepted" : "overridden")})"));
        var step = CaseWorkflow.Decide(state, context, summary);
        if (!step.Succeeded)
        {
            return await WorkflowStore.RefuseAsync(db, clock, caller, id, step.Failure!, cancellationToken).ConfigureAwait(false);
        }

        var reviewerId = stored.AssignedReviewerId;
        foreach (var request in requests)
        {
            var row = stored.Determinations.FirstOrDefault(d => d.RequestOrdinal == request.Ordinal);
            if (row is null)
            {
                row = new StoredDetermination { CaseId = id, RequestOrdinal = request.Ordinal, Request = request.Description };
                stored.Determinations.Add(row);
            }

            var (decision, rationale, _) = chosen[request.Ordinal];
            row.Decision = decision.ToString();
            row.Rationale = rationale;
            row.ReviewerId = reviewerId;
            row.DecidedAt = context.At.ToUniversalTime();
        }

        WorkflowStore.Apply(stored, WorkflowStore.CaseOf(stored), step.State, context.At);
        db.Record(clock, caller, "case.decided", id, summary);
        if (await WorkflowStore.SaveAsync(db, cancellationToken).ConfigureAwait(false) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Ok(new DecisionsView(stored.Status,
            [.. requests.Select(r => new DecisionView(r.Description, chosen[r.Ordinal].Decision.ToString(), chosen[r.Ordinal].Rationale, chosen[r.Ordinal].Accepted))]));
    }

    /// <summary>Issues the Final Determination Letter from the reviewer's decisions, signed with the reviewer's credentials; once only.</summary>
    public static async Task<Results<Created<IssuedLetterView>, ProblemHttpResult>> IssueLetter(
        Guid id, HttpContext http, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var opened = await WorkflowStore.OpenAsync(db, http, id, caller, cancellationToken).ConfigureAwait(false);
        if (opened.Problem is { } problem)
        {
            return problem;
        }

        var stored = opened.Case!;

        var state = await WorkflowStore.StateOfAsync(db, stored, cancellationToken).ConfigureAwait(false);
        var context = WorkflowStore.Context(caller, clock);
        var step = CaseWorkflow.IssueLetter(state, context);
        if (!step.Succeeded)
        {
            return await WorkflowStore.RefuseAsync(db, clock, caller, id, step.Failure!, cancellationToken).ConfigureAwait(false);
        }

        var reviewer = await db.Reviewers.AsNoTracking().FirstAsync(r => r.Id == stored.AssignedReviewerId, cancellationToken).ConfigureAwait(false);
        var submitted = WorkflowStore.CaseOf(stored);
        var letter = ComposeLetter(stored, submitted, state, reviewer, context.Date);
        var issued = new IssuedLetter
        {
            CaseId = id,
            LetterJson = JsonSerializer.Serialize(letter, ImrJson.Compact),
            IssuedAt = context.At.ToUniversalTime(),
            IssuedBy = caller.UserId(),
            LibraryVersion = Audit.LibraryVersion,
        };
        stored.Letters.Add(issued);
        WorkflowStore.Apply(stored, submitted, step.State, context.At);
        db.Record(clock, caller, "case.letter-issued", id,
            $"Final Determination Letter dated {context.Date:yyyy-MM-dd}: {string.Join("; ", letter.Items.Select(i => $"{i.Request}: {i.Decision}"))}");
        if (await WorkflowStore.SaveAsync(db, cancellationToken).ConfigureAwait(false) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Created($"/api/cases/{id}/letter", new IssuedLetterView(stored.Status, issued.IssuedAt, issued.LibraryVersion, letter));
    }

    /// <summary>The issued letter as PDF (default), HTML, text or Markdown; 404 until it is issued.</summary>
    public static async Task<Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult>> GetLetter(
        Guid id, string? format, ImrDbContext db, WebAppOptions options, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (LetterFormatOf(format) is not { } wanted)
        {
            return UnknownFormat(format);
        }

        var issued = await db.Cases.AsNoTracking().VisibleTo(caller)
            .Where(c => c.Id == id)
            .Select(c => new { c.CaseNumber, Letter = c.Letters.OrderBy(l => l.Id).Select(l => l.LetterJson).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (issued is null)
        {
            return Problems.NotFound(CaseAccess.NotFoundDetail(id));
        }

        return issued.Letter is null
            ? NotIssued(id)
            : Render(JsonSerializer.Deserialize<Letter>(issued.Letter, ImrJson.Compact)!, wanted, issued.CaseNumber ?? id.ToString(), options);
    }

    /// <summary>
    /// The public version of the issued letter, for anyone signed in: the worker, the employer, the
    /// providers and the reviewer redacted, with the claim number, addresses, dates of birth and
    /// every identifier (<see cref="LetterRedaction"/>), as determinations are published.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult>> GetPublicLetter(
        Guid id, string? format, ImrDbContext db, WebAppOptions options, CancellationToken cancellationToken)
    {
        if (LetterFormatOf(format) is not { } wanted)
        {
            return UnknownFormat(format);
        }

        var issued = await db.Cases.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { c.CaseNumber, c.CaseJson, Reviewer = c.AssignedReviewer == null ? null : c.AssignedReviewer.Name, Letter = c.Letters.OrderBy(l => l.Id).Select(l => l.LetterJson).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (issued?.Letter is null)
        {
            // Note that a case without an issued letter has nothing public: 404 either way, so the route reveals no case.
            return NotIssued(id);
        }

        var submitted = JsonSerializer.Deserialize<Case>(issued.CaseJson, ImrJson.Compact)!;
        var letter = LetterRedaction.Redact(JsonSerializer.Deserialize<Letter>(issued.Letter, ImrJson.Compact)!, RedactionSubjects.Of(submitted, issued.Reviewer));
        return Render(letter, wanted, PublicName(issued.CaseNumber, id), options);
    }

    /// <summary>
    /// Staff's preview of the public letter before it is published: the issued letter redacted as
    /// <see cref="GetPublicLetter"/> serves it or, before it is issued, the letter as the decisions
    /// now stand, redacted the same way. 409 while a request has no decision yet.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult>> PreviewPublicLetter(
        Guid id, string? format, ImrDbContext db, WebAppOptions options, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (LetterFormatOf(format) is not { } wanted)
        {
            return UnknownFormat(format);
        }

        var stored = await WorkflowStore.LoadAsync(db, id, caller, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return Problems.NotFound(CaseAccess.NotFoundDetail(id));
        }

        var submitted = WorkflowStore.CaseOf(stored);
        var reviewer = stored.AssignedReviewerId is { } reviewerId
            ? await db.Reviewers.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reviewerId, cancellationToken).ConfigureAwait(false)
            : null;
        Letter letter;
        if (stored.Letters.OrderBy(l => l.Id).FirstOrDefault() is { } issued)
        {
            letter = JsonSerializer.Deserialize<Letter>(issued.LetterJson, ImrJson.Compact)!;
        }
        else
        {
            var undecided = stored.Requests.Where(r => !stored.Determinations.Any(d => d.RequestOrdinal == r.Ordinal)).Select(r => r.Description).ToList();
            if (undecided.Count > 0 || stored.Requests.Count == 0)
            {
                return Problems.Conflict($"There is no letter to preview yet: no decision or recommendation on {string.Join("; ", undecided)}. Run the review first.");
            }

            var state = await WorkflowStore.StateOfAsync(db, stored, cancellationToken).ConfigureAwait(false);
            letter = ComposeLetter(stored, submitted, state, reviewer, WorkflowStore.Context(caller, clock).Date);
        }

        var redacted = LetterRedaction.Redact(letter, RedactionSubjects.Of(submitted, reviewer?.Name));
        return Render(redacted, wanted, $"{PublicName(stored.CaseNumber, id)}-preview", options);
    }

    private static string PublicName(string? caseNumber, Guid id) => $"{caseNumber ?? id.ToString()}-public";

    /// <summary>
    /// The Final Determination Letter from the stored decisions, signed with the reviewer's credentials.
    /// Its header shows the case as it now stands: its priority and the date the reviewer was assigned.
    /// </summary>
    private static Letter ComposeLetter(StoredCase stored, Case submitted, CaseState state, StoredReviewer? reviewer, DateOnly date)
    {
        var current = WorkflowStore.WithStoredDocuments(submitted, stored) with
        {
            Priority = state.Priority,
            Dates = (submitted.Dates ?? new CaseDates()) with { Assigned = state.AssignedOn ?? submitted.Dates?.Assigned },
        };
        var decided = new Review(submitted.CaseNumber, [.. stored.Requests.OrderBy(r => r.Ordinal).Select(r => Decided(r, stored.Determinations.First(d => d.RequestOrdinal == r.Ordinal)))]);
        return DeterminationLetter.Compose(current, decided, date, reviewer is null ? null : new ReviewerCredentials(reviewer.Licensure, reviewer.Specialties));
    }

    /// <summary><c>pdf</c> (the default), <c>html</c>, <c>markdown</c> or <c>text</c>; null for anything else.</summary>
    private static string? LetterFormatOf(string? format) =>
        (string.IsNullOrWhiteSpace(format) ? "pdf" : format.Trim().ToLowerInvariant()) is var wanted && wanted is "pdf" or "html" or "markdown" or "text"
            ? wanted
            : null;

    private static ProblemHttpResult UnknownFormat(string? format) =>
        Problems.BadRequest("Unknown format", $"'{format}' is not a letter format; use pdf, html, text or markdown.");

    private static ProblemHttpResult NotIssued(Guid id) =>
        Problems.NotFound($"The Final Determination Letter of case {id} is not issued yet.");

    private static Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult> Render(Letter letter, string format, string name, WebAppOptions options) => format switch
    {
        "pdf" => TypedResults.File(LetterDocuments.Pdf(letter, options.Organisation), "application/pdf", $"{name}.pdf"),
        "html" => TypedResults.Content(LetterRenderer.Render(letter, LetterFormat.Html, options.Organisation), "text/html; charset=utf-8"),
        "markdown" => TypedResults.Content(LetterRenderer.Render(letter, LetterFormat.Markdown, options.Organisation), "text/markdown; charset=utf-8"),
        _ => TypedResults.Content(LetterRenderer.Render(letter, LetterFormat.Text, options.Organisation), "text/plain; charset=utf-8"),
    };

    /// <summary>
    /// Converts the review to expedited on the treating physician's certification of an imminent and
    /// serious threat to health; the records and determination clocks shorten at once.
    /// </summary>
    public static async Task<Results<Ok<ClockView>, ValidationProblem, ProblemHttpResult>> ConvertToExpedited(
        Guid id, ExpediteRequest? request, HttpContext http, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request?.CertifiedBy))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["certifiedBy"] = ["Name the treating physician who certified the imminent and serious threat to health."] },
                title: "The certification is incomplete.");
        }

        var certifiedBy = request.CertifiedBy.Trim();
        var taken = await WorkflowStore.TakeStepAsync(db, http, clock, caller, id,
            (state, context) => CaseWorkflow.ConvertToExpedited(state, certifiedBy, context),
            stored => ("case.expedited", $"certified by {certifiedBy}{(string.IsNullOrWhiteSpace(request.Note) ? "" : $": {request.Note.Trim()}")}; records due {stored.RecordsDue:yyyy-MM-dd}, determination due {stored.DeterminationDue:yyyy-MM-dd}"),
            cancellationToken).ConfigureAwait(false);
        return taken.Problem is { } problem
            ? problem
            : TypedResults.Ok(new ClockView(taken.Case!.Status, CaseDeadlines.Of(taken.Case), taken.Deadlines));
    }

    /// <summary>Closes the case: withdrawn, treatment authorised, or completed once the letter is issued.</summary>
    public static async Task<Results<Ok<ClosedView>, ValidationProblem, ProblemHttpResult>> CloseCase(
        Guid id, CloseRequest? request, HttpContext http, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var reason = request?.Reason?.Trim().ToLowerInvariant();
        if (reason is null || !CloseReasons.All.Contains(reason))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["reason"] = [$"'{request?.Reason}' is not a reason to close; use one of: {string.Join(", ", CloseReasons.All)}."] },
                title: "The reason to close is missing or unknown.");
        }

        var detail = string.IsNullOrWhiteSpace(request!.Note) ? reason : $"{reason}: {request.Note.Trim()}";
        var taken = await WorkflowStore.TakeStepAsync(db, http, clock, caller, id,
            (state, context) => CaseWorkflow.Close(state, detail, context),
            _ => ("case.closed", detail),
            cancellationToken).ConfigureAwait(false);
        return taken.Problem is { } problem
            ? problem
            : TypedResults.Ok(new ClosedView(taken.Case!.Status, reason));
    }

    private static WorkflowFailure? ReviewRefusal(CaseState state)
    {
        var allowed = CaseWorkflow.AllowedFrom[CaseStep.Decide];
        if (state.LetterIssuedOn is not null)
        {
            return new WorkflowFailure(WorkflowCodes.LetterIssued, CaseStep.Decide, state.Status, "The Final Determination Letter is issued: the case can no longer change.");
        }

        return allowed.Contains(state.Status)
            ? null
            : new WorkflowFailure(WorkflowCodes.OutOfOrder, CaseStep.Decide, state.Status,
                $"The review runs once a reviewer is assigned and the records are complete; the case is {WorkflowStore.StatusName(state.Status)}.");
    }

    private static Determination? EngineDetermination(StoredDetermination? row) =>
        row?.EngineJson is { } json ? JsonSerializer.Deserialize<Determination>(json, ImrJson.Compact) : null;

    /// <summary>The reviewer's decision on a request, with the engine's guideline and criteria when it ran.</summary>
    private static Determination Decided(StoredCaseRequest request, StoredDetermination row)
    {
        var decision = Enum.Parse<Decision>(row.Decision);
        var rationale = row.Rationale ?? "";
        return EngineDetermination(row) is { } engine
            ? engine with { Decision = decision, Rationale = rationale }
            : new Determination(request.Description, RequestParser.Parse(request.Description).Service.ToString(), null, decision, null, [], rationale);
    }

    /// <summary>Each reviewer's open assigned cases, by reviewer id: the workload assignment ranks by.</summary>
    public static Task<Dictionary<string, int>> WorkloadsAsync(ImrDbContext db, CancellationToken cancellationToken) =>
        db.Cases.AsNoTracking()
            .Where(c => c.AssignedReviewerId != null && !ClosedStatuses.Contains(c.Status))
            .GroupBy(c => c.AssignedReviewerId)
            .Select(g => new { Id = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(g => g.Id.ToString(), g => g.Count, cancellationToken);

    public static Reviewer ToDomain(StoredReviewer r) => new(r.Id.ToString(), r.Name)
    {
        Licensure = r.Licensure,
        Specialties = r.Specialties,
        Affiliations = r.Affiliations,
        YearsInActivePractice = r.YearsOfPractice,
        HoursPerWeek = r.HoursPerWeek,
    };
}

/// <summary><c>{"reviewerId"}</c> names the reviewer; <c>{}</c> asks for the best qualified one without a conflict.</summary>
/// <param name="Electronically">Whether the notice of assignment goes out electronically: the records are then due in 12 days instead of 15 (8 CCR 9792.10.5(a)(1)).</param>
public sealed record AssignmentRequest(Guid? ReviewerId, bool? Electronically = null);

/// <param name="CertifiedBy">The treating physician who certified an imminent and serious threat to health.</param>
/// <param name="Note">Optional: what the certification says, for the audit trail.</param>
public sealed record ExpediteRequest([StringLength(256)] string? CertifiedBy, [StringLength(2000)] string? Note);

/// <param name="Reason"><c>withdrawn</c>, <c>treatment-authorized</c> or <c>completed</c>.</param>
/// <param name="Note">Optional: the circumstances, for the audit trail.</param>
public sealed record CloseRequest([StringLength(64)] string? Reason, [StringLength(2000)] string? Note);

public sealed record ClosedView(string Status, string Reason);

public sealed record EligibilityView(bool Eligible, IReadOnlyList<EligibilityReason> Reasons, string Status);

/// <param name="Clocks">Every clock of the case whose start is known, with its rule and source.</param>
public sealed record ClockView(string Status, CaseDeadlines Deadlines, IReadOnlyList<Deadline> Clocks);

public sealed record AssignmentView(Guid ReviewerId, string Status, CaseDeadlines Deadlines);

/// <summary>The reviewer's decision on one request (CONTRACTS.md <c>[{"request", "decision", "rationale"}]</c>).</summary>
public sealed record DecisionInput([StringLength(1000)] string? Request, [StringLength(64)] string? Decision, [StringLength(20000)] string? Rationale);

/// <param name="Accepted">Whether the decision is the engine's recommendation.</param>
public sealed record DecisionView(string Request, string Decision, string Rationale, bool Accepted);

public sealed record DecisionsView(string Status, IReadOnlyList<DecisionView> Determinations);

public sealed record IssuedLetterView(string Status, DateTimeOffset IssuedAt, string? LibraryVersion, Letter Letter);
