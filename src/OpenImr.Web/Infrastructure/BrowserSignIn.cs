using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using OpenImr.Storage;

namespace OpenImr.Web.Infrastructure;

/// <summary>
/// The browser's sign-in: a person proves who they are with their API token once, and the pages
/// then use a cookie. The API never accepts the cookie (see <see cref="SchemeSelector"/>), so a page
/// cannot be tricked into calling the API for a signed-in browser.
/// </summary>
internal static class BrowserSignIn
{
    public const string SchemeName = CookieAuthenticationDefaults.AuthenticationScheme;

    /// <summary>The scheme that picks bearer or cookie for each request.</summary>
    public const string SchemeSelector = "bearer-or-cookie";

    public const string SignInPath = "/sign-in";

    public const string SignOutPath = "/account/sign-out";

    public const string AccessDeniedPath = "/access-denied";

    /// <summary>Bearer for the API and for any request that sends an Authorization header; the cookie for pages.</summary>
    public static string SelectScheme(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Headers.Authorization.Count > 0
            ? BearerTokenHandler.SchemeName
            : SchemeName;

    /// <summary>The claim holding the hash of the token the person signed in with.</summary>
    public const string TokenHashClaim = "imr:token-hash";

    /// <summary>Signs in with the session cookie, remembering which token vouched for it.</summary>
    public static Task SignInAsync(HttpContext context, ClaimsPrincipal principal, string token)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(TokenHashClaim, ApiTokens.Hash(token)));
        return context.SignInAsync(SchemeName, principal, new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>
    /// Ends a session whose token has since been revoked (or whose user is gone): checked on every
    /// request that carries the cookie, so revoking a token closes the browser's door too.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var hash = context.Principal?.FindFirstValue(TokenHashClaim);
        var db = context.HttpContext.RequestServices.GetRequiredService<ImrDbContext>();
        var live = hash is not null && await db.ApiTokens.AsNoTracking()
            .AnyAsync(t => t.TokenHash == hash && t.RevokedAt == null, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (!live)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SchemeName).ConfigureAwait(false);
        }
    }

    /// <summary>Where to go after signing in: a local return address, else the start page.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";

    public static void MapSignOut(this IEndpointRouteBuilder app) =>
        app.MapPost(SignOutPath, async (HttpContext context) =>
        {
            await context.SignOutAsync(SchemeName).ConfigureAwait(false);
            return TypedResults.LocalRedirect(SignInPath);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();
}
