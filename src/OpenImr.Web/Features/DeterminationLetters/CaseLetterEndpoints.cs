using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.DeterminationLetters;

/// <summary>
/// A case's Final Determination Letter as a file (<see cref="CaseLetters"/>): as issued, its public
/// redacted version, and staff's preview of the public version before it is published.
/// </summary>
internal static class CaseLetterEndpoints
{
    public static RouteGroupBuilder MapCaseLetterEndpoints(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Workflow");
        cases.MapGet("/letter", GetLetter).WithName("GetIssuedLetter");
        cases.MapGet("/letter/public", GetPublicLetter).WithName("GetPublicLetter");
        cases.MapGet("/letter/public/preview", PreviewPublicLetter).WithName("PreviewPublicLetter").RequireAuthorization(Policies.Staff);
        return api;
    }

    /// <summary>The issued letter as PDF (default), HTML, text or Markdown; 404 until it is issued.</summary>
    private static async Task<Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult>> GetLetter(
        Guid id, string? format, CaseLetters letters, WebAppOptions options, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Outcomes.File(await letters.IssuedAsync(id, format, options.Organisation, caller, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The public version of the issued letter, for anyone signed in: the worker, the employer, the
    /// providers and the reviewer redacted, with the claim number, addresses, dates of birth and every identifier.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult>> GetPublicLetter(
        Guid id, string? format, CaseLetters letters, WebAppOptions options, CancellationToken cancellationToken) =>
        Outcomes.File(await letters.PublicAsync(id, format, options.Organisation, cancellationToken).ConfigureAwait(false));

    /// <summary>Staff's preview of the public letter before it is published; 409 while a request has no decision yet.</summary>
    private static async Task<Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult>> PreviewPublicLetter(
        Guid id, string? format, CaseLetters letters, WebAppOptions options, ClaimsPrincipal caller, CancellationToken cancellationToken) =>
        Outcomes.File(await letters.PublicPreviewAsync(id, format, options.Organisation, caller, cancellationToken).ConfigureAwait(false));
}
