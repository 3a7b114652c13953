using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenImr.Storage;
using OpenImr.Storage.Service;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.Users;

/// <summary>
/// <c>POST /api/users</c>: an administrator adds a coordinator, a party or another administrator.
/// <c>POST /api/users/{id}/tokens</c> and <c>DELETE /api/users/{id}/tokens</c>: an administrator issues a user
/// another token, or revokes the user's tokens; the id is a user's or a reviewer's.
/// </summary>
internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapPost("/", CreateUser).WithName("CreateUser").RequireAuthorization(Policies.Administrator);
        users.MapPost("/{id:guid}/tokens", IssueToken).WithName("IssueToken").RequireAuthorization(Policies.Administrator);
        users.MapDelete("/{id:guid}/tokens", RevokeTokens).WithName("RevokeTokens").RequireAuthorization(Policies.Administrator);
        return api;
    }

    public static async Task<Results<Created<TokenIssued>, ProblemHttpResult>> IssueToken(
        Guid id, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, cancellationToken).ConfigureAwait(false) is not { } user)
        {
            return Problems.NotFound($"No user or reviewer has the id {id}.");
        }

        var token = ApiTokens.Generate();
        db.ApiTokens.Add(new ApiToken { UserId = user.Id, TokenHash = ApiTokens.Hash(token), CreatedAt = clock.GetUtcNow() });
        db.Record(clock, caller, "user.token-issued", detail: $"{user.Name} ({user.Role})");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/users/{user.Id}/tokens", new TokenIssued(user.Id, user.Role, token));
    }

    /// <summary>
    /// Revokes every working token of the user, at once (this server forgets them too). An administrator revoking
    /// their own tokens keeps the one making the request, so that a token is rotated by issuing a new one and
    /// revoking the rest with it.
    /// </summary>
    public static async Task<Results<Ok<TokensRevoked>, ProblemHttpResult>> RevokeTokens(
        Guid id, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, TokenUserCache cache, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, id, cancellationToken).ConfigureAwait(false) is not { } user)
        {
            return Problems.NotFound($"No user or reviewer has the id {id}.");
        }

        var kept = caller.UserId() == user.Id ? caller.FindFirstValue(TokenUsers.TokenHashClaim) : null;
        var live = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null && t.TokenHash != kept)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        foreach (var token in live)
        {
            token.RevokedAt = now;
        }

        db.Record(clock, caller, "user.tokens-revoked", detail: $"{user.Name} ({user.Role}): {live.Count} token(s){(kept is null ? "" : ", the one in use kept")}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        cache.ForgetUser(user.Id);
        return TypedResults.Ok(new TokensRevoked(user.Id, live.Count, KeptTheCallersToken: kept is not null));
    }

    // A user's id, or a reviewer's (POST /api/reviewers answers with the reviewer's id).
    private static async Task<ServiceUser?> FindAsync(ImrDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false)
        ?? await db.Reviewers.Where(r => r.Id == id).Select(r => r.User).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

    public static async Task<Results<Created<UserCreated>, ValidationProblem>> CreateUser(
        CreateUserRequest request, ImrDbContext db, TimeProvider clock, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var role = request.Role?.Trim().ToLowerInvariant();
        if (role is not (UserRoles.Administrator or UserRoles.Coordinator or UserRoles.Party))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["role"] = [$"The role must be {UserRoles.Administrator}, {UserRoles.Coordinator} or {UserRoles.Party}; add reviewers with POST /api/reviewers."],
            });
        }

        var (user, token) = NewUser(request.Name!.Trim(), role, clock);
        db.Users.Add(user);
        db.Record(clock, caller, "user.created", detail: $"{user.Name} ({role})");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/users/{user.Id}", new UserCreated(user.Id, role, token));
    }

    /// <summary>A user with a fresh token; the token is returned once and only its hash is kept.</summary>
    public static (ServiceUser User, string Token) NewUser(string name, string role, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var token = ApiTokens.Generate();
        var user = new ServiceUser { Id = Guid.CreateVersion7(now), Name = name, Role = role, CreatedAt = now };
        user.Tokens.Add(new ApiToken { TokenHash = ApiTokens.Hash(token), CreatedAt = now });
        return (user, token);
    }
}

public sealed class CreateUserRequest
{
    [Required(AllowEmptyStrings = false)]
    [StringLength(256)]
    public string? Name { get; init; }

    /// <summary><c>administrator</c>, <c>coordinator</c> or <c>party</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string? Role { get; init; }
}

/// <param name="Token">The user's API token, shown only in this response.</param>
public sealed record UserCreated(Guid Id, string Role, string Token);

/// <param name="Token">The new API token, shown only in this response; the user's other tokens keep working.</param>
public sealed record TokenIssued(Guid UserId, string Role, string Token);

/// <param name="Revoked">How many working tokens stopped working.</param>
/// <param name="KeptTheCallersToken">True when administrators revoked their own tokens: the one they used is kept.</param>
public sealed record TokensRevoked(Guid UserId, int Revoked, bool KeptTheCallersToken);
