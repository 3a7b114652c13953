using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenImr.Storage;

namespace OpenImr.Web.Infrastructure;

/// <summary>
/// Authenticates <c>Authorization: Bearer TOKEN</c> against the stored SHA-256 hashes of the users'
/// tokens. A missing, malformed, unknown or revoked token leaves the request anonymous, so the
/// route answers 401 (a problem detail, with <c>WWW-Authenticate: Bearer</c>). Known tokens are
/// remembered briefly (<see cref="TokenUserCache"/>).
/// </summary>
internal sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is not a bearer token.");
        }

        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 512)
        {
            return AuthenticateResult.Fail("The bearer token is empty or too long.");
        }

        var hash = ApiTokens.Hash(token);
        var cache = Context.RequestServices.GetRequiredService<TokenUserCache>();
        if (!cache.TryGet(hash, out var user))
        {
            var db = Context.RequestServices.GetRequiredService<ImrDbContext>();
            user = await TokenUsers.UserAsync(db, token, Context.RequestAborted).ConfigureAwait(false);
            if (user is null)
            {
                return AuthenticateResult.Fail("The bearer token is not known.");
            }

            cache.Remember(hash, user);
        }

        var principal = TokenUsers.Principal(user, SchemeName, hash);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = SchemeName;
        return base.HandleChallengeAsync(properties);
    }
}
