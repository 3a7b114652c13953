using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenImr.Storage;

namespace OpenImr.Web.Infrastructure;

/// <summary>Finds the user a token belongs to, for the API's bearer scheme and the browser's sign-in alike.</summary>
internal static class TokenUsers
{
    /// <summary>The user holding a live <paramref name="token"/>; null when the token is unknown or revoked.</summary>
    public static Task<TokenUser?> UserAsync(ImrDbContext db, string token, CancellationToken cancellationToken)
    {
        var hash = ApiTokens.Hash(token);
        return db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Select(t => new TokenUser(t.User!.Id, t.User.Name, t.User.Role))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The claims of the user holding a live <paramref name="token"/> under <paramref name="scheme"/>; null when the token is unknown or revoked.</summary>
    public static async Task<ClaimsPrincipal?> PrincipalAsync(ImrDbContext db, string token, string scheme, CancellationToken cancellationToken) =>
        await UserAsync(db, token, cancellationToken).ConfigureAwait(false) is { } user ? Principal(user, scheme) : null;

    /// <summary>The claim carrying the SHA-256 hash of the bearer token a request was authenticated with.</summary>
    public const string TokenHashClaim = "imr:token-sha256";

    /// <summary>The claims of <paramref name="user"/> under <paramref name="scheme"/>, with the hash of the token used when known.</summary>
    public static ClaimsPrincipal Principal(TokenUser user, string scheme, string? tokenHash = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.Name),
            new(ClaimTypes.Role, user.Role),
        ];
        if (tokenHash is not null)
        {
            claims.Add(new Claim(TokenHashClaim, tokenHash));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
