using System.Security.Claims;
using OpenImr.Domain.Cases;
using OpenImr.Storage;
using DomainAuditEntry = OpenImr.Domain.Cases.AuditEntry;

namespace OpenImr.Application;

/// <summary>Adds lines to the audit trail, saved with the change they describe.</summary>
public static class AuditTrail
{
    /// <summary>
    /// Stores a step of the Domain's history as it was taken: its instant, actor, action and criteria
    /// library version are the Domain's; <paramref name="detail"/> (default: the Domain's own) says what it set.
    /// </summary>
    public static void Record(this ImrDbContext db, ClaimsPrincipal? user, Guid caseId, DomainAuditEntry entry, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entry);
        db.AuditEntries.Add(new Storage.Service.AuditEntry
        {
            CaseId = caseId,
            UserId = UserIdOf(user),
            Actor = entry.Actor,
            Action = CaseActions.Of(entry),
            Detail = detail ?? entry.Detail,
            At = entry.At.ToUniversalTime(),
            LibraryVersion = entry.CriteriaLibraryVersion,
        });
    }

    /// <summary>Stores an event that is not a workflow step (a possible duplicate, an engine run, a refused step, a user change); <paramref name="libraryVersion"/> where criteria were in play.</summary>
    public static void Record(this ImrDbContext db, TimeProvider clock, ClaimsPrincipal? user, string action, Guid? caseId = null, string? detail = null, string? libraryVersion = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        db.AuditEntries.Add(new Storage.Service.AuditEntry
        {
            CaseId = caseId,
            UserId = UserIdOf(user),
            Actor = user?.Identity?.IsAuthenticated == true ? user.Actor() : "system",
            Action = action,
            Detail = detail,
            At = clock.GetUtcNow(),
            LibraryVersion = libraryVersion,
        });
    }

    private static Guid? UserIdOf(ClaimsPrincipal? user) => user?.Identity?.IsAuthenticated == true ? user.UserId() : null;
}
