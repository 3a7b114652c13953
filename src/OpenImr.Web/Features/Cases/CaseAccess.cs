using System.Security.Claims;
using OpenImr.Storage.Service;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.Cases;

/// <summary>
/// Which cases a caller may see: administrators and coordinators every case, a reviewer the cases
/// assigned to them, a party the cases they filed. A case out of sight answers 404, as if it did not exist.
/// </summary>
internal static class CaseAccess
{
    public static IQueryable<StoredCase> VisibleTo(this IQueryable<StoredCase> cases, ClaimsPrincipal caller)
    {
        if (caller.IsStaff())
        {
            return cases;
        }

        var userId = caller.UserId();
        if (caller.IsInRole(UserRoles.Reviewer))
        {
            return cases.Where(c => c.AssignedReviewer != null && c.AssignedReviewer.UserId == userId);
        }

        if (caller.IsInRole(UserRoles.Party))
        {
            return cases.Where(c => c.PartyUserId == userId);
        }

        return cases.Where(c => false);
    }

    public static string NotFoundDetail(Guid id) => $"There is no case {id} that you may see.";
}
