using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Letters;
using OpenImr.Storage.Tests.Infrastructure;
using OpenImr.Tests.Shared;

namespace OpenImr.Storage.Tests.Letters;

/// <summary>
/// Writing letters, written once and run on a real SQLite file and on PostgreSQL by the subclasses below.
/// Each test gets a database of its own, empty and without schema.
/// </summary>
public abstract class LetterImporterTests : DatabaseTests
{
    private LetterSchema? _schema;

    private protected LetterSchema Schema => _schema ??= new LetterSchema(Target);

    private protected LetterImporter CreateImporter(int batchSize = 200) =>
        new(Schema, new LetterStoreOptions { ClassifyService = SyntheticLetters.Classify, BatchSize = batchSize });

    private protected LetterSearch Search() => new(Schema, new LetterStoreOptions());

    private protected LetterStatistics Statistics() => new(Schema);

    private async Task<LetterImporter> SeededImporterAsync()
    {
        var importer = CreateImporter();
        await importer.UpsertAsync(SyntheticLetters.Corpus(), progress: null, Cancel);
        return importer;
    }

    private protected Task SeedAsync() => SeededImporterAsync();

    private static string Json(Letter? letter) => JsonSerializer.Serialize(letter, ImrJson.Compact);

    [Fact]
    public void Constructor_BatchSizeBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LetterImporter(Schema, new LetterStoreOptions { BatchSize = 0 }));

    [Fact]
    public async Task UpsertAsync_FreshDatabase_MigratesSchemaOnFirstUse()
    {
        var importer = CreateImporter();

        var result = await importer.UpsertAsync(SyntheticLetters.Corpus(), progress: null, Cancel);

        Assert.Equal(new UpsertResult(4, 0, 0, 0), result);
        await using var context = Target.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(Cancel));
        Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync(Cancel));
    }

    [Fact]
    public async Task UpsertAsync_SameLettersTwice_SecondRunIsUnchanged()
    {
        await SeedAsync();

        var again = await CreateImporter().UpsertAsync(SyntheticLetters.Corpus(), progress: null, Cancel);

        Assert.Equal(new UpsertResult(0, 0, 4, 0), again);
        Assert.Equal(5, (await Search().SearchAsync(new LetterQuery(), Cancel)).Total);
    }

    [Fact]
    public async Task UpsertAsync_ChangedLetter_IsUpdatedAndReindexed()
    {
        var importer = await SeededImporterAsync();
        var changed = SyntheticLetters.Corpus()[2] with
        {
            Items = [SyntheticLetters.Item("Cervical MRI", Decision.Overturned, SyntheticLetters.Mtus("Neck and Upper Back Complaints"),
                "Synthetic rationale: progressive weakness makes zebrafinch imaging necessary.")],
        };

        var result = await importer.UpsertAsync([.. SyntheticLetters.Corpus().Take(2), changed], progress: null, Cancel);

        Assert.Equal(new UpsertResult(0, 1, 2, 0), result);
        Assert.Equal(Json(changed), Json(await Search().GetAsync("CM-TEST-0003", Cancel)));
        var found = await Search().SearchAsync(new LetterQuery("zebrafinch"), Cancel);
        Assert.Equal("CM-TEST-0003", Assert.Single(found.Hits).CaseNumber);
        Assert.Equal(Decision.Overturned, found.Hits[0].Decision);
        Assert.Equal(0, (await Search().SearchAsync(new LetterQuery("\"red flags\""), Cancel)).Total);
    }

    [Fact]
    public async Task UpsertAsync_MixedBatch_CountsEachKind()
    {
        var importer = await SeededImporterAsync();
        var corpus = SyntheticLetters.Corpus();
        var added = SyntheticLetters.Letter("CM-TEST-0005", new DateOnly(2017, 1, 9), ["Pain Medicine"], "Synthetic summary: a new fictional case.",
            SyntheticLetters.Item("Synthetic TENS unit", Decision.Upheld, null, "Synthetic rationale: not supported."));
        var changed = corpus[1] with { Priority = "expedited" };

        var result = await importer.UpsertAsync([corpus[0], changed, corpus[2], added, corpus[3], corpus[0]], progress: null, Cancel);

        Assert.Equal(new UpsertResult(1, 1, 4, 0), result);
        Assert.Equal("expedited", (await Search().GetAsync("CM-TEST-0002", Cancel))?.Priority);
        Assert.Equal(5, (await Statistics().StatsAsync(Cancel)).Letters);
    }

    [Fact]
    public async Task UpsertAsync_ChangedLetter_StampsImportedAtFromTheClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var importer = new LetterImporter(Schema, new LetterStoreOptions { TimeProvider = clock });
        var letter = SyntheticLetters.Corpus()[0];

        await importer.UpsertAsync([letter], progress: null, Cancel);
        clock.Advance(TimeSpan.FromDays(1));
        await importer.UpsertAsync([letter], progress: null, Cancel);
        var afterUnchanged = await ImportedAtAsync();
        clock.Advance(TimeSpan.FromDays(1));
        await importer.UpsertAsync([letter with { Priority = "expedited" }], progress: null, Cancel);

        Assert.Equal(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), afterUnchanged);
        Assert.Equal(new DateTimeOffset(2026, 1, 7, 9, 0, 0, TimeSpan.Zero), await ImportedAtAsync());

        async Task<DateTimeOffset> ImportedAtAsync()
        {
            await using var context = Target.CreateContext();
            return await context.Letters.Select(l => l.ImportedAt).SingleAsync(Cancel);
        }
    }

    [Fact]
    public async Task UpsertAsync_SameCaseTwiceInOneCall_StoresTheLaterVersionOnce()
    {
        var importer = CreateImporter();
        var first = SyntheticLetters.Corpus()[0];
        var second = first with { ClinicalSummary = "Synthetic summary: a revised fictional account." };

        var result = await importer.UpsertAsync([first, second], progress: null, Cancel);

        Assert.Equal(new UpsertResult(1, 0, 0, 0), result);
        Assert.Equal(Json(second), Json(await Search().GetAsync("CM-TEST-0001", Cancel)));
        Assert.Equal(2, (await Search().SearchAsync(new LetterQuery("revised"), Cancel)).Total);
    }

    [Fact]
    public async Task UpsertAsync_LetterWithoutCaseNumber_IsSkipped()
    {
        var importer = CreateImporter();

        var result = await importer.UpsertAsync([SyntheticLetters.Corpus()[0] with { CaseNumber = null }], progress: null, Cancel);

        Assert.Equal(new UpsertResult(0, 0, 0, 1), result);
        Assert.Equal(0, (await Statistics().StatsAsync(Cancel)).Letters);
    }

    [Fact]
    public async Task UpsertAsync_InterruptedImport_KeepsWholeBatchesAndCompletesOnRerun()
    {
        var corpus = SyntheticLetters.Corpus();
        var importer = CreateImporter(batchSize: 2);

        await Assert.ThrowsAsync<IOException>(() => importer.UpsertAsync(Interrupted(corpus, after: 3), progress: null, Cancel));
        var partial = await Statistics().StatsAsync(Cancel);
        var rerun = await importer.UpsertAsync(corpus, progress: null, Cancel);

        Assert.Equal(2, partial.Letters);
        Assert.Equal(new UpsertResult(2, 0, 2, 0), rerun);
        var stats = await Statistics().StatsAsync(Cancel);
        Assert.Equal((4, 5), (stats.Letters, stats.Items));
        Assert.Equal(5, (await Search().SearchAsync(new LetterQuery("synthetic"), Cancel)).Total);
    }

    private static IEnumerable<Letter> Interrupted(IReadOnlyList<Letter> letters, int after)
    {
        for (var i = 0; i < after; i++)
        {
            yield return letters[i];
        }

        throw new IOException("Synthetic failure while reading the next letter.");
    }

    [Fact]
    public async Task UpsertAsync_Progress_ReportsRunningTotalsPerBatch()
    {
        var reports = new List<UpsertResult>();

        await CreateImporter(batchSize: 3).UpsertAsync(SyntheticLetters.Corpus(), new SynchronousProgress(reports.Add), Cancel);

        Assert.Equal([new UpsertResult(3, 0, 0, 0), new UpsertResult(4, 0, 0, 0)], reports);
    }

    private sealed class SynchronousProgress(Action<UpsertResult> report) : IProgress<UpsertResult>
    {
        public void Report(UpsertResult value) => report(value);
    }

    [Fact]
    public async Task UpsertAsync_LetterWithZeroItems_IsStoredCountedAndNeverHit()
    {
        await SeedAsync();

        var letter = await Search().GetAsync("CM-TEST-0004", Cancel);
        var stats = await Statistics().StatsAsync(Cancel);
        var search = await Search().SearchAsync(new LetterQuery("\"decides nothing\""), Cancel);

        Assert.NotNull(letter);
        Assert.Empty(letter.Items);
        Assert.Equal(4, stats.Letters);
        Assert.Equal(0, search.Total);
    }

    [Fact]
    public async Task UpsertAsync_LettersAsTheyArrive_StoreAndReportAsAListDoes()
    {
        var reports = new List<UpsertResult>();

        var result = await CreateImporter(batchSize: 3).UpsertAsync(Arriving(SyntheticLetters.Corpus()), new SynchronousProgress(reports.Add), Cancel);
        var again = await CreateImporter(batchSize: 3).UpsertAsync(SyntheticLetters.Corpus(), progress: null, Cancel);

        Assert.Equal(new UpsertResult(4, 0, 0, 0), result);
        Assert.Equal([new UpsertResult(3, 0, 0, 0), new UpsertResult(4, 0, 0, 0)], reports);
        Assert.Equal(new UpsertResult(0, 0, 4, 0), again);
        Assert.Equal(5, (await Search().SearchAsync(new LetterQuery("synthetic"), Cancel)).Total);
    }

    [Fact]
    public async Task UpsertAsync_NoLettersArrive_StillCreatesTheSchema()
    {
        var result = await CreateImporter().UpsertAsync(Arriving([]), progress: null, Cancel);

        Assert.Equal(UpsertResult.None, result);
        await using var context = Target.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(Cancel));
    }

    [Fact]
    public async Task UpsertAsync_ArrivingLettersInterrupted_KeepWholeBatches()
    {
        var corpus = SyntheticLetters.Corpus();

        await Assert.ThrowsAsync<IOException>(() => CreateImporter(batchSize: 2).UpsertAsync(Arriving(corpus, failAfter: 3), progress: null, Cancel));

        Assert.Equal(2, (await Statistics().StatsAsync(Cancel)).Letters);
    }

    private static async IAsyncEnumerable<Letter> Arriving(IReadOnlyList<Letter> letters, int? failAfter = null)
    {
        for (var i = 0; i < letters.Count; i++)
        {
            if (i == failAfter)
            {
                throw new IOException("Synthetic failure while reading the next letter.");
            }

            await Task.Yield();
            yield return letters[i];
        }
    }
}

/// <summary>Writing letters to a real SQLite file in a temporary folder.</summary>
public sealed class SqliteLetterImporterTests : LetterImporterTests
{
    private readonly TempSqliteFolder _folder = new("imr-sqlite-");

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_folder.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target)
    {
        _folder.Delete();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task UpsertAsync_ChangedLetter_KeepsTheFullTextIndexConsistent()
    {
        var importer = CreateImporter();
        await importer.UpsertAsync(SyntheticLetters.Corpus(), progress: null, Cancel);
        await importer.UpsertAsync([SyntheticLetters.Corpus()[0] with { ClinicalSummary = "Synthetic summary: rewritten." }], progress: null, Cancel);

        await using var context = Target.CreateContext();
        // FTS5's own check compares the index with the external content it was built from.
        await context.Database.ExecuteSqlRawAsync("INSERT INTO letter_item_search(letter_item_search, rank) VALUES('integrity-check', 1);", Cancel);
    }

    [Fact]
    public async Task UpsertAsync_NewLetters_IndexEveryItemForFullTextSearch()
    {
        var importer = CreateImporter(batchSize: 2);
        await importer.UpsertAsync(SyntheticLetters.Corpus(), progress: null, Cancel);

        await using var context = Target.CreateContext();
        await context.Database.ExecuteSqlRawAsync("INSERT INTO letter_item_search(letter_item_search, rank) VALUES('integrity-check', 1);", Cancel);
        var indexed = await context.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM letter_item_search WHERE letter_item_search MATCH 'synthetic'").SingleAsync(Cancel);
        Assert.Equal(await context.LetterItems.CountAsync(Cancel), indexed);
    }
}

/// <summary>Writing letters to PostgreSQL (see <see cref="PostgresServer"/>): a new database per test.</summary>
public sealed class PostgresLetterImporterTests(PostgresServer server) : LetterImporterTests
{
    protected override async Task<DatabaseTarget> CreateTargetAsync() =>
        DatabaseTarget.Parse(await server.CreateDatabaseAsync("imr_letters"));

    protected override Task DeleteTargetAsync(DatabaseTarget target) => server.DropDatabaseAsync(target.ConnectionString);

    [Fact]
    public async Task UpsertAsync_FreshDatabase_KeepsSummaryVectorsInTheRow()
    {
        await CreateImporter().UpsertAsync(SyntheticLetters.Corpus(), progress: null, Cancel);

        await using var context = Target.CreateContext();
        var storage = await context.Database.SqlQueryRaw<string>(
            "SELECT attstorage::text AS \"Value\" FROM pg_attribute WHERE attrelid = 'letters'::regclass AND attname = 'search_vector'").SingleAsync(Cancel);

        // 'm' (main): compressed in the row, out of line only when the row would not fit a page.
        Assert.Equal("m", storage);
    }
}
