using Microsoft.EntityFrameworkCore;
using OpenImr.Storage.Letters;
using OpenImr.Storage.Tests.Infrastructure;
using OpenImr.Tests.Shared;

namespace OpenImr.Storage.Tests.Letters;

/// <summary>The shared schema gate, written once and run on a real SQLite file and on PostgreSQL by the subclasses below.</summary>
public abstract class LetterSchemaTests : DatabaseTests
{
    [Fact]
    public async Task EnsureAsync_FreshDatabase_LeavesNoMigrationPending()
    {
        await new LetterSchema(Target).EnsureAsync(Cancel);

        await using var context = Target.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(Cancel));
        Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync(Cancel));
    }

    [Fact]
    public async Task EnsureAsync_CalledAgain_SharesTheOneMigration()
    {
        var schema = new LetterSchema(Target);

        var first = schema.EnsureAsync(Cancel);
        var second = schema.EnsureAsync(Cancel);
        await first;

        Assert.Same(first, second);
        Assert.Same(first, schema.EnsureAsync(Cancel));
    }

    [Fact]
    public async Task EnsureAsync_AfterACancelledMigration_MigratesAgain()
    {
        var schema = new LetterSchema(Target);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => schema.EnsureAsync(cancelled.Token));
        await schema.EnsureAsync(Cancel);

        await using var context = Target.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(Cancel));
    }
}

/// <summary>The schema gate on a real SQLite file in a temporary folder.</summary>
public sealed class SqliteLetterSchemaTests : LetterSchemaTests
{
    private readonly TempSqliteFolder _folder = new("imr-sqlite-");

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_folder.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target)
    {
        _folder.Delete();
        return Task.CompletedTask;
    }
}

/// <summary>The schema gate on PostgreSQL (see <see cref="PostgresServer"/>): a new database per test.</summary>
public sealed class PostgresLetterSchemaTests(PostgresServer server) : LetterSchemaTests
{
    protected override async Task<DatabaseTarget> CreateTargetAsync() =>
        DatabaseTarget.Parse(await server.CreateDatabaseAsync("imr_letters"));

    protected override Task DeleteTargetAsync(DatabaseTarget target) => server.DropDatabaseAsync(target.ConnectionString);
}
