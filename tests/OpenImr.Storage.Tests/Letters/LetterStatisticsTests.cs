using Microsoft.EntityFrameworkCore;
using OpenImr.Domain.Letters;
using OpenImr.Storage.Letters;
using OpenImr.Storage.Tests.Infrastructure;
using OpenImr.Tests.Shared;

namespace OpenImr.Storage.Tests.Letters;

/// <summary>
/// Outcome statistics and the library's version, written once and run on a real SQLite file and on PostgreSQL by
/// the subclasses below. Each test gets a database of its own, empty and without schema.
/// </summary>
public abstract class LetterStatisticsTests : DatabaseTests
{
    private LetterSchema? _schema;

    private LetterSchema Schema => _schema ??= new LetterSchema(Target);

    private LetterStatistics CreateStatistics() => new(Schema);

    private LetterImporter CreateImporter() => new(Schema, new LetterStoreOptions { ClassifyService = SyntheticLetters.Classify });

    private async Task<LetterStatistics> SeededStatisticsAsync()
    {
        await CreateImporter().UpsertAsync(SyntheticLetters.Corpus(), progress: null, Cancel);
        return CreateStatistics();
    }

    [Fact]
    public async Task LibraryVersionAsync_LettersAddedChangedUnchangedOrWrittenBySql_MovesOnlyWhenALetterChanges()
    {
        var statistics = CreateStatistics();
        var importer = CreateImporter();
        var corpus = SyntheticLetters.Corpus();
        var empty = await statistics.LibraryVersionAsync(Cancel);

        await importer.UpsertAsync(corpus, progress: null, Cancel);
        var added = await statistics.LibraryVersionAsync(Cancel);
        await importer.UpsertAsync(corpus, progress: null, Cancel);
        var unchanged = await statistics.LibraryVersionAsync(Cancel);
        await importer.UpsertAsync([corpus[0] with { ClinicalSummary = "Synthetic summary: rewritten." }], progress: null, Cancel);
        var changed = await statistics.LibraryVersionAsync(Cancel);
        await using (var context = Target.CreateContext())
        {
            // Another writer than the importer, as a script would be.
            await context.Database.ExecuteSqlRawAsync("UPDATE letters SET source = source || '' WHERE case_number = 'CM-TEST-0002'", Cancel);
        }

        var scripted = await statistics.LibraryVersionAsync(Cancel);

        Assert.True(added > empty, "adding letters moves the version");
        Assert.Equal(added, unchanged);
        Assert.True(changed > unchanged, "changing a letter moves the version");
        Assert.True(scripted > changed, "a write by SQL moves the version");
    }

    [Fact]
    public async Task StatsAsync_LettersWrittenByAnotherImporter_AreCountedAtOnce()
    {
        var statistics = CreateStatistics();
        // Another store's importer: its own schema gate, so nothing but the database tells the statistics.
        var writer = new LetterImporter(new LetterSchema(Target), new LetterStoreOptions { ClassifyService = SyntheticLetters.Classify });
        var corpus = SyntheticLetters.Corpus();
        await writer.UpsertAsync(corpus.Take(2), progress: null, Cancel);
        var before = await statistics.StatsAsync(Cancel);
        var again = await statistics.StatsAsync(Cancel);

        await writer.UpsertAsync(corpus, progress: null, Cancel);
        var after = await statistics.StatsAsync(Cancel);

        Assert.Same(before, again);
        Assert.Equal((2, 4), (before.Letters, before.Items));
        Assert.Equal((4, 5), (after.Letters, after.Items));
    }

    [Fact]
    public async Task StatsAsync_FreshDatabase_IsEmpty()
    {
        var stats = await CreateStatistics().StatsAsync(Cancel);

        Assert.Equal((0, 0, 0, 0), (stats.Letters, stats.Items, stats.Upheld, stats.Overturned));
        Assert.Null(stats.OverturnRate);
        Assert.Empty(stats.ByYear);
    }

    [Fact]
    public async Task StatsAsync_Counts_EqualTheLettersOwnDecisions()
    {
        var statistics = await SeededStatisticsAsync();
        var corpus = SyntheticLetters.Corpus();
        var items = corpus.SelectMany(l => l.Items.Select(i => (Letter: l, Item: i))).ToList();

        var stats = await statistics.StatsAsync(Cancel);

        Assert.Equal(corpus.Count, stats.Letters);
        Assert.Equal(items.Count, stats.Items);
        Assert.Equal(items.Count(x => x.Item.Decision == Decision.Upheld), stats.Upheld);
        Assert.Equal(items.Count(x => x.Item.Decision == Decision.Overturned), stats.Overturned);
        Assert.Equal(0.4, stats.OverturnRate);
        Assert.Equal(Buckets(items, x => SyntheticLetters.Classify(x.Item)?.Split('/')[0]), Buckets(stats.ByService));
        Assert.Equal(Buckets(items, x => x.Item.Citations[0].Source), Buckets(stats.ByGuidelineSource));
        Assert.Equal(Buckets(items, x => $"{x.Item.Citations[0].Source}: {x.Item.Citations[0].Title}"), Buckets(stats.ByGuideline));
        Assert.Equal(Buckets(items, x => x.Letter.Dates.Decision!.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), Buckets(stats.ByYear));
        Assert.Equal(Buckets(items, x => x.Letter.Dates.Decision!.Value.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)), Buckets(stats.ByMonth));
        var specialties = items.SelectMany(x => x.Letter.Reviewer.Specialties.Select(s => (Specialty: s, x.Item))).ToList();
        Assert.Equal(
            specialties.GroupBy(x => x.Specialty).Select(g => Bucket(g.Key, g.Select(x => x.Item))).OrderBy(b => b.Key, StringComparer.Ordinal),
            Buckets(stats.BySpecialty));
    }

    [Fact]
    public async Task StatsAsync_Buckets_CarryOverturnRates()
    {
        var statistics = await SeededStatisticsAsync();

        var stats = await statistics.StatsAsync(Cancel);

        var y2015 = Assert.Single(stats.ByYear, b => b.Key == "2015");
        Assert.Equal(new StatsBucket("2015", 2, 1, 1), y2015);
        Assert.Equal(0.5, y2015.OverturnRate);
        Assert.Equal("2016", stats.ByYear[0].Key);
        Assert.Equal(0.3333, stats.ByYear[0].OverturnRate);
    }

    private static IEnumerable<StatsBucket> Buckets(List<(Letter Letter, LetterItem Item)> items, Func<(Letter Letter, LetterItem Item), string?> key) =>
        items.GroupBy(key).Select(g => Bucket(g.Key, g.Select(x => x.Item))).OrderBy(b => b.Key, StringComparer.Ordinal);

    private static StatsBucket Bucket(string? key, IEnumerable<LetterItem> items) =>
        new(key, items.Count(), items.Count(i => i.Decision == Decision.Upheld), items.Count(i => i.Decision == Decision.Overturned));

    private static IEnumerable<StatsBucket> Buckets(IEnumerable<StatsBucket> buckets) => buckets.OrderBy(b => b.Key, StringComparer.Ordinal);
}

/// <summary>Statistics of a real SQLite file in a temporary folder.</summary>
public sealed class SqliteLetterStatisticsTests : LetterStatisticsTests
{
    private readonly TempSqliteFolder _folder = new("imr-sqlite-");

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_folder.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target)
    {
        _folder.Delete();
        return Task.CompletedTask;
    }
}

/// <summary>Statistics on PostgreSQL (see <see cref="PostgresServer"/>): a new database per test.</summary>
public sealed class PostgresLetterStatisticsTests(PostgresServer server) : LetterStatisticsTests
{
    protected override async Task<DatabaseTarget> CreateTargetAsync() =>
        DatabaseTarget.Parse(await server.CreateDatabaseAsync("imr_letters"));

    protected override Task DeleteTargetAsync(DatabaseTarget target) => server.DropDatabaseAsync(target.ConnectionString);
}
