using System.Security.Claims;

namespace OpenImr.Web.Components.Services;

/// <summary>
/// The issued letter for a signed-in browser: <c>/cases/{id}/letter.pdf</c> (and .html, .txt, .md).
/// The API's route takes bearer tokens only; this one takes the page cookie, with the same check
/// of who may see the case.
/// </summary>
internal static class LetterDownloads
{
    public static void MapLetterDownloads(this IEndpointRouteBuilder app) =>
        app.MapGet("/cases/{id:guid}/letter.{extension}", async (Guid id, string extension, ClaimsPrincipal user, CaseDesk desk, CancellationToken cancellationToken) =>
            extension switch
            {
                "pdf" => await desk.LetterFileAsync(user, id, "pdf", cancellationToken).ConfigureAwait(false),
                "html" => await desk.LetterFileAsync(user, id, "html", cancellationToken).ConfigureAwait(false),
                "txt" => await desk.LetterFileAsync(user, id, "text", cancellationToken).ConfigureAwait(false),
                "md" => await desk.LetterFileAsync(user, id, "markdown", cancellationToken).ConfigureAwait(false),
                _ => TypedResults.NotFound(),
            })
        .RequireAuthorization()
        .ExcludeFromDescription();
}
