using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenImr.Storage;
using OpenImr.Web.Features.Cases;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.Workflow;

/// <summary>
/// The case workflow routes of CONTRACTS.md. Their rules (clocks, eligibility, reviewer
/// qualification and conflicts, the review engine, letters) land with the case workflow; until then
/// each route checks the caller's role and the case's visibility, then answers 501.
/// </summary>
internal static class WorkflowEndpoints
{
    public static RouteGroupBuilder MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Workflow");
        cases.MapPost("/eligibility", ScreenEligibility).WithName("ScreenEligibility").RequireAuthorization(Policies.Staff);
        cases.MapPost("/records-complete", CompleteRecords).WithName("CompleteRecords").RequireAuthorization(Policies.Staff);
        cases.MapPost("/assignment", AssignReviewer).WithName("AssignReviewer").RequireAuthorization(Policies.Staff);
        cases.MapPost("/review", RunReview).WithName("RunReview").RequireAuthorization(Policies.Reviewing);
        cases.MapPut("/determinations", PutDeterminations).WithName("PutDeterminations").RequireAuthorization(Policies.Reviewer);
        cases.MapPost("/letter", IssueLetter).WithName("IssueLetter").RequireAuthorization(Policies.Reviewer);
        cases.MapGet("/letter", GetLetter).WithName("GetIssuedLetter");
        return api;
    }

    public static Task<ProblemHttpResult> ScreenEligibility(Guid id, ImrDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Pending(id, db, caller, "Eligibility screening", cancellationToken);

    public static Task<ProblemHttpResult> CompleteRecords(Guid id, ImrDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Pending(id, db, caller, "Completing the records and starting the determination clock", cancellationToken);

    public static Task<ProblemHttpResult> AssignReviewer(Guid id, ImrDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Pending(id, db, caller, "Assigning a qualified reviewer without a conflict of interest", cancellationToken);

    public static Task<ProblemHttpResult> RunReview(Guid id, ImrDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Pending(id, db, caller, "Running the review engine on a case", cancellationToken);

    public static Task<ProblemHttpResult> PutDeterminations(Guid id, ImrDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Pending(id, db, caller, "Recording the reviewer's determinations", cancellationToken);

    public static Task<ProblemHttpResult> IssueLetter(Guid id, ImrDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Pending(id, db, caller, "Issuing the Final Determination Letter", cancellationToken);

    public static Task<ProblemHttpResult> GetLetter(Guid id, string? format, ImrDbContext db, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Pending(id, db, caller, "Serving the issued letter", cancellationToken);

    private static async Task<ProblemHttpResult> Pending(Guid id, ImrDbContext db, ClaimsPrincipal caller, string step, CancellationToken cancellationToken)
    {
        var visible = await db.Cases.AsNoTracking().VisibleTo(caller).AnyAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        return visible ? Problems.AwaitingWorkflow(step) : Problems.NotFound(CaseAccess.NotFoundDetail(id));
    }
}
