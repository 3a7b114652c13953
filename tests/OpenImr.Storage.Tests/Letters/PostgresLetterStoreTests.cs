using Microsoft.EntityFrameworkCore;
using OpenImr.Storage.Letters;
using OpenImr.Storage.Tests.Infrastructure;
using OpenImr.Tests.Shared;

namespace OpenImr.Storage.Tests.Letters;

/// <summary>The storage suite on PostgreSQL (see <see cref="PostgresServer"/>): a new database per test.</summary>
public sealed class PostgresLetterStoreTests(PostgresServer server) : LetterStoreTests
{
    protected override async Task<DatabaseTarget> CreateTargetAsync() =>
        DatabaseTarget.Parse(await server.CreateDatabaseAsync("imr_letters"));

    protected override Task DeleteTargetAsync(DatabaseTarget target) => server.DropDatabaseAsync(target.ConnectionString);

    [Fact]
    public async Task UpsertAsync_FreshDatabase_KeepsSummaryVectorsInTheRow()
    {
        await CreateStore().UpsertAsync(SyntheticLetters.Corpus(), Cancel);

        await using var context = Target.CreateContext();
        var storage = await context.Database.SqlQueryRaw<string>(
            "SELECT attstorage::text AS \"Value\" FROM pg_attribute WHERE attrelid = 'letters'::regclass AND attname = 'search_vector'").SingleAsync(Cancel);

        // 'm' (main): compressed in the row, out of line only when the row would not fit a page.
        Assert.Equal("m", storage);
    }

    [Fact]
    public async Task SearchAsync_MoreMatchesThanTheRankLimit_RanksTheMatchesFoundFirstAndStillCountsThemAll()
    {
        await CreateStore().UpsertAsync(SyntheticLetters.Corpus(), Cancel);
        var limited = new LetterStore(Target, new LetterStoreOptions { RankLimit = 1 });

        // "Synthetic" is in all four summaries and all five rationales; one of each is ranked, every one is counted.
        var result = await limited.SearchAsync(new LetterQuery("synthetic"), Cancel);

        Assert.Equal((5, true), (result.Total, result.TotalIsExact));
        Assert.InRange(result.Hits.Count, 1, 3);
    }

    [Fact]
    public async Task SearchAsync_MatchesBelowTheRankLimit_AreAllRankedAndCounted()
    {
        await CreateStore().UpsertAsync(SyntheticLetters.Corpus(), Cancel);
        var limited = new LetterStore(Target, new LetterStoreOptions { RankLimit = 6 });

        var result = await limited.SearchAsync(new LetterQuery("synthetic"), Cancel);

        Assert.Equal((5, true, 5), (result.Total, result.TotalIsExact, result.Hits.Count));
    }
}
