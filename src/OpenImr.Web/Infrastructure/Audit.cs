using System.Security.Claims;
using OpenImr.Domain.Guidelines;
using OpenImr.Storage;
using OpenImr.Storage.Service;

namespace OpenImr.Web.Infrastructure;

/// <summary>Adds lines to the audit trail (saved with the change they describe).</summary>
internal static class Audit
{
    private static readonly Lazy<string> Library = new(() => GuidelineLibrary.LoadEmbedded().Version);

    /// <summary>The version of the embedded criteria library, recorded with every audit line.</summary>
    public static string LibraryVersion => Library.Value;

    public static void Record(this ImrDbContext db, TimeProvider clock, ClaimsPrincipal? user, string action, Guid? caseId = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            CaseId = caseId,
            UserId = user?.Identity?.IsAuthenticated == true ? user.UserId() : null,
            Actor = user?.Identity?.IsAuthenticated == true ? user.Actor() : "system",
            Action = action,
            Detail = detail,
            At = clock.GetUtcNow(),
            LibraryVersion = LibraryVersion,
        });
}
