using System.Security.Claims;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Components.Services;

/// <summary>
/// The issued letter for a signed-in browser: <c>/cases/{id}/letter.pdf</c> (and .html, .txt, .md),
/// and for staff the public version's preview: <c>/cases/{id}/public-letter.pdf</c> (and the others).
/// The API's routes take bearer tokens only; these take the page cookie, with the same checks of who
/// may see the case.
/// </summary>
internal static class LetterDownloads
{
    public static void MapLetterDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cases/{id:guid}/letter.{extension}", async (Guid id, string extension, ClaimsPrincipal user, CaseLetters letters, WebAppOptions options, CancellationToken cancellationToken) =>
                FormatOf(extension) is { } format ? Outcomes.File(await letters.IssuedAsync(id, format, options.Organisation, user, cancellationToken).ConfigureAwait(false)).Result : TypedResults.NotFound())
            .RequireAuthorization()
            .ExcludeFromDescription();
        app.MapGet("/cases/{id:guid}/public-letter.{extension}", async (Guid id, string extension, ClaimsPrincipal user, CaseLetters letters, WebAppOptions options, CancellationToken cancellationToken) =>
                FormatOf(extension) is { } format ? Outcomes.File(await letters.PublicPreviewAsync(id, format, options.Organisation, user, cancellationToken).ConfigureAwait(false)).Result : TypedResults.NotFound())
            .RequireAuthorization(Policies.Staff)
            .ExcludeFromDescription();
    }

    private static string? FormatOf(string extension) => extension switch
    {
        "pdf" => "pdf",
        "html" => "html",
        "txt" => "text",
        "md" => "markdown",
        _ => null,
    };
}
