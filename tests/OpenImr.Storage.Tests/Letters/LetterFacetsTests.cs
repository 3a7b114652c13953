using OpenImr.Domain.Letters;
using OpenImr.Storage.Letters;
using OpenImr.Storage.Tests.Infrastructure;
using OpenImr.Tests.Shared;

namespace OpenImr.Storage.Tests.Letters;

/// <summary>Facet counts, written once and run on a real SQLite file and on PostgreSQL by the subclasses below.</summary>
public abstract class LetterFacetsTests : DatabaseTests
{

    private async Task<LetterStore> SeededStoreAsync()
    {
        var store = new LetterStore(Target, new LetterStoreOptions { ClassifyService = SyntheticLetters.Classify });
        await store.UpsertAsync(SyntheticLetters.Corpus(), Cancel);
        return store;
    }

    private static Dictionary<string, int> Counts(IEnumerable<FacetCount> counts) =>
        counts.ToDictionary(c => c.Title is null ? c.Value ?? "(none)" : $"{c.Value}: {c.Title}", c => c.Items);

    [Fact]
    public async Task CountAsync_NoQuery_CountsEveryDecidedItemUnderEachFacet()
    {
        await SeededStoreAsync();

        var facets = await LetterFacets.CountAsync(Target, new LetterQuery(), Cancel);

        Assert.Equal(new Dictionary<string, int> { ["Upheld"] = 3, ["Overturned"] = 2 }, Counts(facets.Decisions));
        Assert.Equal(new Dictionary<string, int> { ["imaging"] = 2, ["injection"] = 2, ["physical-medicine"] = 1 }, Counts(facets.ServiceFamilies));
        Assert.Equal(
            new Dictionary<string, int>
            {
                ["MTUS: Chronic Pain Medical Treatment Guidelines"] = 2,
                ["MTUS: Neck and Upper Back Complaints"] = 1,
                ["ODG: Knee & Leg"] = 1,
                ["ACOEM: Knee Complaints"] = 1,
            },
            Counts(facets.Guidelines));
        Assert.Equal(new Dictionary<string, int> { ["2016"] = 3, ["2015"] = 2 }, Counts(facets.Years));
        // The knee letter's two items count under each of its reviewer's two specialties.
        Assert.Equal(new Dictionary<string, int> { ["Occupational Medicine"] = 3, ["Orthopedic Surgery"] = 2, ["Sports Medicine"] = 2 }, Counts(facets.Specialties));
        Assert.Equal("Upheld", facets.Decisions[0].Value);
    }

    [Fact]
    public async Task CountAsync_TextAndFilter_CountsTheItemsTheSearchFinds()
    {
        var store = await SeededStoreAsync();
        var query = new LetterQuery(Text: "knee", Decision: Decision.Upheld);

        var facets = await LetterFacets.CountAsync(Target, query, Cancel);
        var search = await store.SearchAsync(query, Cancel);

        Assert.Equal(search.Total, facets.Decisions.Sum(d => d.Items));
        Assert.Equal(new Dictionary<string, int> { ["Upheld"] = 1 }, Counts(facets.Decisions));
        Assert.Equal(new Dictionary<string, int> { ["ACOEM: Knee Complaints"] = 1 }, Counts(facets.Guidelines));
        Assert.Equal(new Dictionary<string, int> { ["2016"] = 1 }, Counts(facets.Years));
    }

    [Fact]
    public async Task CountAsync_ServiceFamilyAndYear_NarrowsEveryFacet()
    {
        await SeededStoreAsync();

        var facets = await LetterFacets.CountAsync(Target, new LetterQuery(Service: "imaging", Year: 2016), Cancel);

        Assert.Equal(new Dictionary<string, int> { ["imaging"] = 2 }, Counts(facets.ServiceFamilies));
        Assert.Equal(new Dictionary<string, int> { ["Overturned"] = 1, ["Upheld"] = 1 }, Counts(facets.Decisions));
        Assert.Equal(new Dictionary<string, int> { ["Occupational Medicine"] = 1, ["Orthopedic Surgery"] = 1, ["Sports Medicine"] = 1 }, Counts(facets.Specialties));
    }

    [Fact]
    public async Task CountAsync_Specialty_CountsOnlyThatReviewersItems()
    {
        var store = await SeededStoreAsync();
        var query = new LetterQuery(Specialty: "Sports Medicine");

        var facets = await LetterFacets.CountAsync(Target, query, Cancel);
        var search = await store.SearchAsync(query, Cancel);

        Assert.Equal(new Dictionary<string, int> { ["Orthopedic Surgery"] = 2, ["Sports Medicine"] = 2 }, Counts(facets.Specialties));
        Assert.Equal(new Dictionary<string, int> { ["Overturned"] = 1, ["Upheld"] = 1 }, Counts(facets.Decisions));
        Assert.Equal(search.Total, facets.Decisions.Sum(d => d.Items));
    }

    [Fact]
    public async Task CountAsync_SummaryWordOnly_CountsItemsOfThatLetter()
    {
        await SeededStoreAsync();

        // "Diabetes" is only in the first letter's clinical summary: both of its items match.
        var facets = await LetterFacets.CountAsync(Target, new LetterQuery(Text: "diabetes"), Cancel);

        Assert.Equal(2, facets.Decisions.Sum(d => d.Items));
        Assert.Equal(new Dictionary<string, int> { ["2015"] = 2 }, Counts(facets.Years));
    }
}

/// <summary>Facet counts on a real SQLite file in a temporary folder.</summary>
public sealed class SqliteLetterFacetsTests : LetterFacetsTests
{
    private readonly TempSqliteFolder _folder = new("imr-facets-");

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_folder.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target)
    {
        _folder.Delete();
        return Task.CompletedTask;
    }
}

/// <summary>Facet counts on PostgreSQL (see <see cref="PostgresServer"/>): a new database per test.</summary>
public sealed class PostgresLetterFacetsTests(PostgresServer server) : LetterFacetsTests
{
    protected override async Task<DatabaseTarget> CreateTargetAsync() =>
        DatabaseTarget.Parse(await server.CreateDatabaseAsync("imr_facets"));

    protected override Task DeleteTargetAsync(DatabaseTarget target) => server.DropDatabaseAsync(target.ConnectionString);
}
