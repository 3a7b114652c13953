using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Tests.Infrastructure;

/// <summary>A write that waits for a locked database answers 503 with Retry-After, never 500 (issue 16).</summary>
public sealed class DatabaseBusyTests
{
    /// <summary>The exception a real SQLite file gives a second writer while the first holds its write lock.</summary>
    private static SqliteException LockedWrite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"imr-busy-{Guid.NewGuid():N}.db");
        try
        {
            using var holder = new SqliteConnection($"Data Source={path};Pooling=False");
            holder.Open();
            using (var create = holder.CreateCommand())
            {
                create.CommandText = "CREATE TABLE t (x INTEGER); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);";
                create.ExecuteNonQuery();
            }

            using var waiter = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=1");
            waiter.Open();
            using var write = waiter.CreateCommand();
            write.CommandText = "INSERT INTO t VALUES (2);";
            return Assert.Throws<SqliteException>(() => write.ExecuteNonQuery());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void IsBusy_SqliteLockedWriteWrappedByEfCore_True()
    {
        var locked = LockedWrite();

        Assert.True(DatabaseBusy.IsBusy(new DbUpdateException("An error occurred while saving the entity changes.", locked)));
        Assert.False(DatabaseBusy.IsBusy(new InvalidOperationException("something else")));
    }

    [Fact]
    public async Task TryHandle_LockedWrite_Answers503WithRetryAfter()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();

        var handled = await new DatabaseBusy().TryHandleAsync(context, new DbUpdateException("save failed", LockedWrite()), TestContext.Current.CancellationToken);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
    }
}
