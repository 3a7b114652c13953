using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenImr.Storage;
using OpenImr.Storage.Service;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.Users;

/// <summary><c>POST /api/users</c>: an administrator adds a coordinator, a party or another administrator.</summary>
internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapPost("/", CreateUser).WithName("CreateUser").RequireAuthorization(Policies.Administrator);
        return api;
    }

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
