using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OpenImr.Web.Infrastructure;

/// <summary>
/// A write that waited for the database past its timeout (SQLite busy or locked; PostgreSQL lock timeout, deadlock or
/// cancelled statement) answers <c>503</c> with <c>Retry-After</c>: the request was sound and may be sent again; it
/// is never a <c>500</c>. Nothing was written: the transaction rolled back.
/// </summary>
internal sealed class DatabaseBusy : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait before it tries again.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!IsBusy(exception))
        {
            return false;
        }

        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await TypedResults.Problem(
            $"The database is busy with other writes and this one waited too long; nothing was changed. Send it again in {RetryAfterSeconds} seconds.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy").ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    /// <summary>Whether <paramref name="exception"/>, or one it wraps, says the database was busy or locked.</summary>
    public static bool IsBusy(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 } // SQLITE_BUSY, SQLITE_LOCKED
                || e is PostgresException { SqlState: "55P03" or "40P01" or "57014" } // lock_not_available, deadlock_detected, query_canceled
                || (e is NpgsqlException && e.InnerException is TimeoutException))
            {
                return true;
            }
        }

        return false;
    }
}
