using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace OpenImr.Storage.Service;

/// <summary>Which cases a caller may see, as <c>CaseAccess</c> decides from their role.</summary>
public enum CaseVisibility
{
    /// <summary>Administrators and coordinators: every case.</summary>
    All,

    /// <summary>A reviewer: the cases assigned to the reviewer whose user is the caller.</summary>
    AssignedReviewer,

    /// <summary>A party: the cases the caller filed.</summary>
    FiledBy,

    /// <summary>Anyone else: none.</summary>
    None,
}

/// <summary>
/// Reads a case's stamp (row version and latest audit line) in one small SQL statement, the check
/// every case read makes before it serves a remembered view. Plain SQL because this is the hottest
/// query of the server: through the LINQ pipeline it cost about three times as much CPU.
/// </summary>
public static class CaseStamps
{
    /// <summary>The version and latest audit id of case <paramref name="caseId"/>, or null when it does not exist or is out of the caller's sight.</summary>
    public static async Task<(int Version, long? LastAuditId)?> ReadAsync(
        ImrDbContext db, Guid caseId, CaseVisibility visibility, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (visibility == CaseVisibility.None)
        {
            return null;
        }

        var sqlite = db.Database.IsSqlite();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT c.version, (SELECT max(a.id) FROM audit_entries a WHERE a.case_id = c.id) FROM cases c WHERE c.id = @case" + visibility switch
            {
                CaseVisibility.AssignedReviewer => " AND EXISTS (SELECT 1 FROM reviewers r WHERE r.id = c.assigned_reviewer_id AND r.user_id = @user)",
                CaseVisibility.FiledBy => " AND c.party_user_id = @user",
                _ => "",
            };
            Add(command, "@case", caseId, sqlite);
            Add(command, "@user", userId, sqlite);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt64(1))
                : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    // Note that EF Core stores a Guid on SQLite as upper-case text; PostgreSQL has a uuid type.
    private static void Add(DbCommand command, string name, Guid value, bool sqlite)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = sqlite ? value.ToString().ToUpperInvariant() : value;
        command.Parameters.Add(parameter);
    }
}
