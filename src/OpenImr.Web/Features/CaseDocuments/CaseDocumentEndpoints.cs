using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenImr.Web.Features.Workflow;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.CaseDocuments;

/// <summary>
/// <c>POST /api/cases/{id}/documents</c>: a multipart upload of one record (PDF or text, form field
/// <c>file</c>, optional <c>type</c> and <c>date</c>), by <see cref="RecordAddition"/>; the records and facts read back by <see cref="CaseQueries"/>.
/// </summary>
internal static class CaseDocumentEndpoints
{
    public static RouteGroupBuilder MapCaseDocumentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{id:guid}/documents", AddDocument)
            .WithName("AddCaseDocument")
            .WithTags("Cases")
            .RequireAuthorization(Policies.Filer)
            .AddEndpointFilter(CaseStepQueue.SerialiseAsync)
            // Note that the API authenticates by bearer token, never by cookie, so there is no request to forge.
            .DisableAntiforgery();
        api.MapGet("/cases/{id:guid}/documents/{documentId:int}", GetDocument).WithName("GetCaseDocument").WithTags("Cases");
        api.MapGet("/cases/{id:guid}/documents/{documentId:int}/content", GetDocumentContent).WithName("GetCaseDocumentContent").WithTags("Cases");
        api.MapGet("/cases/{id:guid}/facts", GetFacts).WithName("GetCaseFacts").WithTags("Cases");
        return api;
    }

    private static async Task<Results<Created<DocumentView>, ValidationProblem, ProblemHttpResult>> AddDocument(
        Guid id,
        IFormFile? file,
        [FromForm] string? type,
        [FromForm] string? date,
        RecordAddition records,
        WebAppOptions options,
        ClaimsPrincipal caller,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        await using var content = file?.OpenReadStream();
        var upload = file is null ? null : new RecordUpload(file.FileName, file.ContentType, file.Length, content!, type, date);
        var outcome = await records.AddAsync(id, upload, options.MaxDocumentBytes, caller, Outcomes.IfMatch(http), cancellationToken).ConfigureAwait(false);
        return Outcomes.Created(outcome, _ => $"/api/cases/{id}");
    }

    /// <summary>A record of a visible case with its extracted text (the text review evidence offsets point into).</summary>
    private static async Task<Results<Ok<DocumentWithText>, ProblemHttpResult>> GetDocument(
        Guid id, int documentId, CaseQueries queries, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Outcomes.Ok(await queries.DocumentAsync(id, documentId, caller, cancellationToken).ConfigureAwait(false));

    /// <summary>The clinical facts read from the case's documents when they were added, optionally of one kind.</summary>
    private static async Task<Results<Ok<List<StoredFactView>>, ProblemHttpResult>> GetFacts(
        Guid id, string? kind, CaseQueries queries, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Outcomes.Ok(await queries.FactsAsync(id, kind, caller, cancellationToken).ConfigureAwait(false));

    /// <summary>The original bytes of an uploaded record, as uploaded.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetDocumentContent(
        Guid id, int documentId, CaseQueries queries, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var outcome = await queries.OriginalAsync(id, documentId, caller, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? TypedResults.File(outcome.Value!.Content, outcome.Value.ContentType, outcome.Value.FileName) : Outcomes.Problem(outcome);
    }
}
