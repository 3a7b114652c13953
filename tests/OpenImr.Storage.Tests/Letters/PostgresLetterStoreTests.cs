using OpenImr.Tests.Shared;

namespace OpenImr.Storage.Tests.Letters;

/// <summary>The facade on PostgreSQL (see <see cref="PostgresServer"/>): a new database per test.</summary>
public sealed class PostgresLetterStoreTests(PostgresServer server) : LetterStoreTests
{
    protected override async Task<DatabaseTarget> CreateTargetAsync() =>
        DatabaseTarget.Parse(await server.CreateDatabaseAsync("imr_letters"));

    protected override Task DeleteTargetAsync(DatabaseTarget target) => server.DropDatabaseAsync(target.ConnectionString);
}
