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

    protected override bool RankingCountsEveryMatch => true;

    [Fact]
    public async Task SearchAsync_MoreMatchesThanTheRankLimit_RanksTheMatchesFoundFirstAndGivesALowerBound()
    {
        await CreateStore().UpsertAsync(SyntheticLetters.Corpus(), Cancel);
        var limited = new LetterStore(Target, new LetterStoreOptions { RankLimit = 1 });

        // "Synthetic" is in all four summaries and all five rationales; one of each is ranked.
        var result = await limited.SearchAsync(new LetterQuery("synthetic"), Cancel);

        Assert.False(result.TotalIsExact);
        Assert.InRange(result.Total, 1, 3);
        Assert.Equal(result.Total, result.Hits.Count);
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
