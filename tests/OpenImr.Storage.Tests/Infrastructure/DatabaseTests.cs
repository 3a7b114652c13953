using OpenImr.Tests.Shared;

namespace OpenImr.Storage.Tests.Infrastructure;

/// <summary>
/// A suite written once and run on every provider: each test gets a database of its own from the
/// subclass (a SQLite file in a <see cref="TempSqliteFolder"/>, or a new PostgreSQL database),
/// removed after the test.
/// </summary>
public abstract class DatabaseTests : IAsyncLifetime
{
    private DatabaseTarget? _target;

    protected DatabaseTarget Target => _target ?? throw new InvalidOperationException("The database is not set up yet.");

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Whether the schema is created before each test (false: the test starts from a database without one).</summary>
    protected virtual bool Migrate => false;

    public async ValueTask InitializeAsync()
    {
        _target = await CreateTargetAsync();
        if (Migrate)
        {
            await _target.MigrateAsync(Cancel);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_target is not null)
        {
            await DeleteTargetAsync(_target);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A new, empty database: a file or a database that did not exist before.</summary>
    protected abstract Task<DatabaseTarget> CreateTargetAsync();

    protected abstract Task DeleteTargetAsync(DatabaseTarget target);
}
