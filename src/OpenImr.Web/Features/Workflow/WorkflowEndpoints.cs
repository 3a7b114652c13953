using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Review;
using OpenImr.Domain.Serialization;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.Workflow;

/// <summary>
/// The case workflow routes of CONTRACTS.md, as HTTP mappings of the application's use cases
/// (<see cref="EligibilityScreening"/>, <see cref="ReviewerAssignment"/>, <see cref="RecordsCompletion"/>,
/// <see cref="EngineReview"/>, <see cref="ReviewerDecisions"/>, <see cref="LetterIssuance"/>,
/// <see cref="ExpediteConversion"/>, <see cref="CaseClosing"/>): a refused step or a concurrent edit answers 409.
/// </summary>
internal static class WorkflowEndpoints
{
    public static RouteGroupBuilder MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Workflow").AddEndpointFilter(CaseStepQueue.SerialiseAsync);
        cases.MapPost("/eligibility", ScreenEligibility).WithName("ScreenEligibility").RequireAuthorization(Policies.Staff);
        cases.MapPost("/records-complete", CompleteRecords).WithName("CompleteRecords").RequireAuthorization(Policies.Staff);
        cases.MapPost("/assignment", AssignReviewer).WithName("AssignReviewer").RequireAuthorization(Policies.Staff);
        cases.MapPost("/review", RunReview).WithName("RunReview").RequireAuthorization(Policies.Reviewing);
        cases.MapPut("/determinations", PutDeterminations).WithName("PutDeterminations").RequireAuthorization(Policies.Reviewer);
        cases.MapPost("/letter", IssueLetter).WithName("IssueLetter").RequireAuthorization(Policies.Reviewer);
        cases.MapPost("/expedite", ConvertToExpedited).WithName("ConvertToExpedited").RequireAuthorization(Policies.Staff);
        cases.MapPost("/close", CloseCase).WithName("CloseCase").RequireAuthorization(Policies.Staff);
        return api;
    }

    /// <summary>Screens the application; an ineligible case closes with its reasons, one missing only information stays received.</summary>
    private static async Task<Results<Ok<EligibilityView>, ProblemHttpResult>> ScreenEligibility(
        Guid id, HttpContext http, EligibilityScreening screening, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Outcomes.Ok(await screening.ScreenAsync(id, caller, Outcomes.IfMatch(http), cancellationToken).ConfigureAwait(false));

    /// <summary>The records are in: the determination clock starts.</summary>
    private static async Task<Results<Ok<ClockView>, ProblemHttpResult>> CompleteRecords(
        Guid id, HttpContext http, RecordsCompletion completion, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Outcomes.Ok(await completion.CompleteAsync(id, caller, Outcomes.IfMatch(http), cancellationToken).ConfigureAwait(false));

    /// <summary>Assigns the named reviewer if qualified and free of conflict, or with <c>{}</c> the best-ranked one.</summary>
    private static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> AssignReviewer(
        Guid id, AssignmentRequest? request, HttpContext http, ReviewerAssignment assignment, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Outcomes.Ok(await assignment.AssignAsync(id, request?.ReviewerId, request?.Electronically == true, caller, Outcomes.IfMatch(http), cancellationToken).ConfigureAwait(false));

    /// <summary>Runs the engine on the case's records; stores its determinations beside the reviewer's and returns the <c>Review</c>.</summary>
    private static async Task<Results<JsonHttpResult<Review>, ProblemHttpResult>> RunReview(
        Guid id, HttpContext http, EngineReview review, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var outcome = await review.RunAsync(id, caller, Outcomes.IfMatch(http), cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? TypedResults.Json(outcome.Value, ImrJson.Compact) : Outcomes.Problem(outcome);
    }

    /// <summary>The assigned reviewer's decision on every request: the engine's accepted or overridden.</summary>
    private static async Task<Results<Ok<DecisionsView>, ValidationProblem, ProblemHttpResult>> PutDeterminations(
        Guid id, List<DecisionInput>? decisions, HttpContext http, ReviewerDecisions deciding, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        List<GivenDecision?> given = [.. (decisions ?? []).Select(d => d is null ? null : new GivenDecision(d.Request, d.Decision, d.Rationale))];
        return Outcomes.OkOrInvalid(await deciding.DecideAsync(id, given, caller, Outcomes.IfMatch(http), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Issues the Final Determination Letter from the reviewer's decisions, signed with the reviewer's credentials; once only.</summary>
    private static async Task<Results<Created<IssuedLetterView>, ProblemHttpResult>> IssueLetter(
        Guid id, HttpContext http, LetterIssuance issuance, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var outcome = await issuance.IssueAsync(id, caller, Outcomes.IfMatch(http), cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? TypedResults.Created($"/api/cases/{id}/letter", outcome.Value) : Outcomes.Problem(outcome);
    }

    /// <summary>
    /// Converts the review to expedited on the treating physician's certification of an imminent and
    /// serious threat to health; the records and determination clocks shorten at once.
    /// </summary>
    private static async Task<Results<Ok<ClockView>, ValidationProblem, ProblemHttpResult>> ConvertToExpedited(
        Guid id, ExpediteRequest? request, HttpContext http, ExpediteConversion conversion, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Outcomes.OkOrInvalid(await conversion.ConvertAsync(id, request?.CertifiedBy, request?.Note, caller, Outcomes.IfMatch(http), cancellationToken).ConfigureAwait(false));

    /// <summary>Closes the case: withdrawn, treatment authorised, or completed once the letter is issued.</summary>
    private static async Task<Results<Ok<ClosedView>, ValidationProblem, ProblemHttpResult>> CloseCase(
        Guid id, CloseRequest? request, HttpContext http, CaseClosing closing, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Outcomes.OkOrInvalid(await closing.CloseAsync(id, request?.Reason, request?.Note, caller, Outcomes.IfMatch(http), cancellationToken).ConfigureAwait(false));
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

/// <summary>The reviewer's decision on one request (CONTRACTS.md <c>[{"request", "decision", "rationale"}]</c>).</summary>
public sealed record DecisionInput([StringLength(1000)] string? Request, [StringLength(64)] string? Decision, [StringLength(20000)] string? Rationale);
