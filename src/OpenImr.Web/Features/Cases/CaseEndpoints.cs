using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenImr.Domain.Cases;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.Cases;

/// <summary><c>POST /api/cases</c> files a case (<see cref="CaseIntake"/>); <c>GET /api/cases</c> and <c>GET /api/cases/{id}</c> read them (<see cref="CaseQueries"/>).</summary>
internal static class CaseEndpoints
{
    public static RouteGroupBuilder MapCaseEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").WithTags("Cases");
        cases.MapPost("/", CreateCase).WithName("CreateCase").RequireAuthorization(Policies.Filer);
        cases.MapGet("/", ListCases).WithName("ListCases");
        cases.MapGet("/{id:guid}", GetCase).WithName("GetCase");
        return api;
    }

    private static async Task<Results<Created<CaseCreated>, ValidationProblem>> CreateCase(
        Case submitted, CaseIntake intake, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var outcome = await intake.FileAsync(submitted, caller, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? TypedResults.Created($"/api/cases/{outcome.Value!.Id}", outcome.Value) : Outcomes.Validation(outcome);
    }

    /// <summary>The cases the caller may see, newest first, optionally of one status, a page at a time.</summary>
    private static async Task<Results<Ok<CaseList>, ValidationProblem>> ListCases(
        string? status, int? page, int? pageSize, CaseQueries queries, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var outcome = await queries.ListAsync(status, page, pageSize, caller, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : Outcomes.Validation(outcome);
    }

    /// <summary>The case with its records, deadlines and history.</summary>
    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> GetCase(
        Guid id, CaseQueries queries, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Outcomes.Ok(await queries.GetAsync(id, caller, cancellationToken).ConfigureAwait(false));
}
