using System.Security.Claims;
using OpenImr.Storage;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>
/// Which cases a caller may see: administrators and coordinators every case, a reviewer the cases
/// assigned to them, a party the cases they filed. A case out of sight answers 404, as if it did not exist.
/// </summary>
public static class CaseAccess
{
    /// <summary>Which cases <paramref name="caller"/> may see, by role.</summary>
    public static CaseVisibility VisibilityOf(ClaimsPrincipal caller) =>
        caller.IsStaff() ? CaseVisibility.All
        : caller.IsInRole(UserRoles.Reviewer) ? CaseVisibility.AssignedReviewer
        : caller.IsInRole(UserRoles.Party) ? CaseVisibility.FiledBy
        : CaseVisibility.None;

    public static IQueryable<StoredCase> VisibleTo(this IQueryable<StoredCase> cases, ClaimsPrincipal caller)
    {
        var visibility = VisibilityOf(caller);
        if (visibility == CaseVisibility.All)
        {
            return cases;
        }

        if (visibility == CaseVisibility.None)
        {
            return cases.Where(c => false);
        }

        var userId = caller.UserId();
        return visibility == CaseVisibility.AssignedReviewer
            ? cases.Where(c => c.AssignedReviewer != null && c.AssignedReviewer.UserId == userId)
            : cases.Where(c => c.PartyUserId == userId);
    }

    /// <summary>The case's stamp (<see cref="CaseStamps"/>) when <paramref name="caller"/> may see it; null otherwise.</summary>
    public static async Task<CaseStamp?> StampAsync(ImrDbContext db, Guid id, ClaimsPrincipal caller, CancellationToken cancellationToken)
    {
        var visibility = VisibilityOf(caller);
        var userId = visibility is CaseVisibility.All or CaseVisibility.None ? Guid.Empty : caller.UserId();
        return await CaseStamps.ReadAsync(db, id, visibility, userId, cancellationToken).ConfigureAwait(false) is { } stamp
            ? new CaseStamp(stamp.Version, stamp.LastAuditId)
            : null;
    }

    public static string NotFoundDetail(Guid id) => $"There is no case {id} that you may see.";
}
