using System.Security.Claims;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>Who is calling, read from the claims a host's sign-in sets (a user id, a name and one of <see cref="UserRoles"/>).</summary>
public static class Caller
{
    public static Guid UserId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.Parse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? throw new InvalidOperationException("The caller is not authenticated."));
    }

    public static string Role(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(ClaimTypes.Role)?.Value ?? "";
    }

    /// <summary>How the audit trail names the caller: <c>name (role)</c>.</summary>
    public static string Actor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return $"{user.Identity?.Name} ({user.Role()})";
    }

    /// <summary>Administrators and coordinators see and act on every case.</summary>
    public static bool IsStaff(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(UserRoles.Administrator) || user.IsInRole(UserRoles.Coordinator);
    }
}
