using System.Text.Json;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Letters;
using OpenImr.Storage.Tests.Infrastructure;

namespace OpenImr.Storage.Tests.Letters;

/// <summary>
/// The facade over import, search and statistics (each tested in its own file), written once and run against
/// every provider by the subclasses <see cref="SqliteLetterStoreTests"/> and <see cref="PostgresLetterStoreTests"/>.
/// Each test gets a database of its own, empty and without schema.
/// </summary>
public abstract class LetterStoreTests : DatabaseTests
{
    protected LetterStore CreateStore(int batchSize = 200) =>
        new(Target, new LetterStoreOptions { ClassifyService = SyntheticLetters.Classify, BatchSize = batchSize });

    private static string Json(Letter? letter) => JsonSerializer.Serialize(letter, ImrJson.Compact);

    public static TheoryData<string> BadOptions => ["BatchSize", "RankLimit", "CountLimit", "CountLimit at int.MaxValue"];

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Constructor_OptionOutOfRange_Throws(string option)
    {
        var options = option switch
        {
            "BatchSize" => new LetterStoreOptions { BatchSize = 0 },
            "RankLimit" => new LetterStoreOptions { RankLimit = 0 },
            "CountLimit" => new LetterStoreOptions { CountLimit = 0 },
            _ => new LetterStoreOptions { CountLimit = int.MaxValue },
        };

        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => new LetterStore(Target, options));

        Assert.Equal("options", thrown.ParamName);
    }

    [Fact]
    public async Task UpsertAsync_OneStore_IsSeenByItsGetSearchAndStats()
    {
        var store = CreateStore(batchSize: 3);
        var corpus = SyntheticLetters.Corpus();

        var result = await store.UpsertAsync(corpus, Cancel);

        Assert.Equal(new UpsertResult(4, 0, 0, 0), result);
        Assert.Equal(Json(corpus[1]), Json(await store.GetAsync(corpus[1].CaseNumber!, Cancel)));
        Assert.Equal(5, (await store.SearchAsync(new LetterQuery("synthetic"), Cancel)).Total);
        Assert.Equal((4, 5), ((await store.StatsAsync(Cancel)).Letters, (await store.StatsAsync(Cancel)).Items));
    }

    [Fact]
    public async Task UpsertAsync_LettersAsTheyArrive_AreStoredAsAListIs()
    {
        var store = CreateStore(batchSize: 3);
        var reports = new List<UpsertResult>();

        var result = await store.UpsertAsync(Arriving(SyntheticLetters.Corpus()), new SynchronousProgress(reports.Add), Cancel);

        Assert.Equal(new UpsertResult(4, 0, 0, 0), result);
        Assert.Equal([new UpsertResult(3, 0, 0, 0), new UpsertResult(4, 0, 0, 0)], reports);
        Assert.Equal(new UpsertResult(0, 0, 4, 0), await store.UpsertAsync(SyntheticLetters.Corpus(), Cancel));
    }

    [Fact]
    public async Task StatsAsync_NothingChanged_AnswersWhatTheStoreCounted()
    {
        var store = CreateStore();
        await store.UpsertAsync(SyntheticLetters.Corpus(), Cancel);

        var first = await store.StatsAsync(Cancel);
        var version = await store.LibraryVersionAsync(Cancel);

        Assert.Same(first, await store.StatsAsync(Cancel));
        Assert.Equal(version, await store.LibraryVersionAsync(Cancel));
    }

    private static async IAsyncEnumerable<Letter> Arriving(IReadOnlyList<Letter> letters)
    {
        foreach (var letter in letters)
        {
            await Task.Yield();
            yield return letter;
        }
    }

    private sealed class SynchronousProgress(Action<UpsertResult> report) : IProgress<UpsertResult>
    {
        public void Report(UpsertResult value) => report(value);
    }
}
