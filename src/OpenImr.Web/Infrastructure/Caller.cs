using System.Security.Claims;
using OpenImr.Storage.Service;

namespace OpenImr.Web.Infrastructure;

/// <summary>Who is calling, read from the claims that <see cref="BearerTokenHandler"/> sets.</summary>
internal static class Caller
{
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("The caller is not authenticated."));

    public static string Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "";

    /// <summary>How the audit trail names the caller: <c>name (role)</c>.</summary>
    public static string Actor(this ClaimsPrincipal user) => $"{user.Identity?.Name} ({user.Role()})";

    /// <summary>Administrators and coordinators see and act on every case.</summary>
    public static bool IsStaff(this ClaimsPrincipal user) =>
        user.IsInRole(UserRoles.Administrator) || user.IsInRole(UserRoles.Coordinator);
}
