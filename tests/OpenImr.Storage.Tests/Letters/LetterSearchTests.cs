using System.Text.Json;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Letters;
using OpenImr.Storage.Tests.Infrastructure;
using OpenImr.Tests.Shared;

namespace OpenImr.Storage.Tests.Letters;

/// <summary>
/// Reading letters back and searching them, written once and run on a real SQLite file (FTS5) and on PostgreSQL
/// (tsvector) by the subclasses below. Each test gets a database of its own, empty and without schema.
/// </summary>
public abstract class LetterSearchTests : DatabaseTests
{
    private LetterSchema? _schema;

    private protected LetterSchema Schema => _schema ??= new LetterSchema(Target);

    private protected LetterSearch CreateSearch() => new(Schema, new LetterStoreOptions());

    private protected Task SeedAsync() =>
        new LetterImporter(Schema, new LetterStoreOptions { ClassifyService = SyntheticLetters.Classify })
            .UpsertAsync(SyntheticLetters.Corpus(), progress: null, Cancel);

    private async Task<LetterSearch> SeededSearchAsync()
    {
        await SeedAsync();
        return CreateSearch();
    }

    private static string Json(Letter? letter) => JsonSerializer.Serialize(letter, ImrJson.Compact);

    [Fact]
    public async Task GetAsync_StoredLetter_RoundTripsExactly()
    {
        var search = await SeededSearchAsync();

        foreach (var letter in SyntheticLetters.Corpus())
        {
            Assert.Equal(Json(letter), Json(await search.GetAsync(letter.CaseNumber!, Cancel)));
        }
    }

    [Fact]
    public async Task GetAsync_UnknownCaseNumber_ReturnsNull()
    {
        var search = await SeededSearchAsync();

        Assert.Null(await search.GetAsync("CM-TEST-9999", Cancel));
    }

    [Fact]
    public async Task SearchAsync_QueryAtEveryBound_AnswersWithoutDatabaseError()
    {
        var search = await SeededSearchAsync();
        var nested = string.Concat(Enumerable.Repeat("NEAR( ", LetterQuery.MaxDepth)) + string.Join(" OR ", Enumerable.Repeat("mri", LetterQuery.MaxTerms - LetterQuery.MaxDepth));
        Assert.Null(LetterQuery.TextProblem(nested));

        var result = await search.SearchAsync(new LetterQuery(nested), Cancel);

        Assert.True(result.Total >= 0);
    }

    [Fact]
    public async Task SearchAsync_QueryOverABound_IsRefusedBeforeTheDatabase()
    {
        var search = await SeededSearchAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => search.SearchAsync(new LetterQuery("mri\0"), Cancel));
    }

    [Fact]
    public async Task SearchAsync_NoText_ListsEveryDecidedItemInCaseOrder()
    {
        var search = await SeededSearchAsync();

        var result = await search.SearchAsync(new LetterQuery(), Cancel);

        Assert.Equal(5, result.Total);
        Assert.Equal(["CM-TEST-0001", "CM-TEST-0001", "CM-TEST-0002", "CM-TEST-0002", "CM-TEST-0003"], result.Hits.Select(h => h.CaseNumber));
        Assert.All(result.Hits, h => Assert.Null(h.Snippet));
        Assert.Equal("imaging/mri", result.Hits[2].Service);
    }

    [Fact]
    public async Task SearchAsync_DecisionFilter_KeepsOnlyThatDecision()
    {
        var search = await SeededSearchAsync();

        var result = await search.SearchAsync(new LetterQuery(Decision: Decision.Overturned), Cancel);

        Assert.Equal(["12 sessions of physical therapy", "MRI of the right knee"], result.Hits.Select(h => h.Request));
        Assert.All(result.Hits, h => Assert.Equal(Decision.Overturned, h.Decision));
    }

    [Theory]
    [InlineData("imaging", 2)]
    [InlineData("imaging/mri", 2)]
    [InlineData("IMAGING/MRI", 2)]
    [InlineData("injection", 2)]
    [InlineData("imag", 0)]
    [InlineData("surgery", 0)]
    public async Task SearchAsync_ServiceFilter_MatchesServiceOrFamily(string service, int expected)
    {
        var search = await SeededSearchAsync();

        var result = await search.SearchAsync(new LetterQuery(Service: service), Cancel);

        Assert.Equal(expected, result.Total);
        Assert.All(result.Hits, h => Assert.StartsWith(service.ToLowerInvariant(), h.Service!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_GuidelineFilters_MatchFirstCitationIgnoringCase()
    {
        var search = await SeededSearchAsync();

        var bySource = await search.SearchAsync(new LetterQuery(GuidelineSource: "mtus"), Cancel);
        var byTitle = await search.SearchAsync(new LetterQuery(GuidelineSource: "MTUS", GuidelineTitle: "neck and upper back complaints"), Cancel);

        Assert.Equal(3, bySource.Total);
        Assert.Equal("Cervical MRI", Assert.Single(byTitle.Hits).Request);
    }

    [Fact]
    public async Task SearchAsync_YearFilter_UsesTheDecisionDate()
    {
        var search = await SeededSearchAsync();

        var y2015 = await search.SearchAsync(new LetterQuery(Year: 2015), Cancel);
        var y2016 = await search.SearchAsync(new LetterQuery(Year: 2016), Cancel);
        var y2017 = await search.SearchAsync(new LetterQuery(Year: 2017), Cancel);

        Assert.Equal((2, 3, 0), (y2015.Total, y2016.Total, y2017.Total));
        Assert.All(y2015.Hits, h => Assert.Equal("CM-TEST-0001", h.CaseNumber));
    }

    [Fact]
    public async Task SearchAsync_PhraseSpanningRequestAndRationale_MatchesNothing()
    {
        var search = await SeededSearchAsync();

        // "MRI of the right knee" ends where "Synthetic rationale: mechanical ..." begins: the words are neighbours in no one text.
        var across = await search.SearchAsync(new LetterQuery("\"right knee synthetic rationale\""), Cancel);
        var within = await search.SearchAsync(new LetterQuery("\"synthetic rationale mechanical\" OR \"knee strain\""), Cancel);

        Assert.Equal(0, across.Total);
        Assert.Equal(["MRI of the right knee", "Injection of steroid, not epidural, into the right knee"], within.Hits.Select(h => h.Request).Order().Reverse());
    }

    [Fact]
    public async Task SearchAsync_SpecialtyFilter_MatchesAnySpecialtyOfTheReviewerIgnoringCase()
    {
        var search = await SeededSearchAsync();

        var sports = await search.SearchAsync(new LetterQuery(Specialty: " sports medicine "), Cancel);
        var occupational = await search.SearchAsync(new LetterQuery(Specialty: "Occupational Medicine"), Cancel);
        var internalMedicine = await search.SearchAsync(new LetterQuery(Specialty: "Internal Medicine"), Cancel);
        var partOfAName = await search.SearchAsync(new LetterQuery(Specialty: "Medicine"), Cancel);

        Assert.Equal(["CM-TEST-0002", "CM-TEST-0002"], sports.Hits.Select(h => h.CaseNumber));
        Assert.Equal(3, occupational.Total);
        Assert.DoesNotContain(occupational.Hits, h => h.CaseNumber == "CM-TEST-0002");
        // The internal medicine letter decides nothing, and a specialty is matched whole, not in part.
        Assert.Equal((0, 0), (internalMedicine.Total, partOfAName.Total));
    }

    [Fact]
    public async Task SearchAsync_TextWithFilter_AppliesBoth()
    {
        var search = await SeededSearchAsync();

        var result = await search.SearchAsync(new LetterQuery("MRI", Decision: Decision.Upheld), Cancel);

        Assert.Equal("Cervical MRI", Assert.Single(result.Hits).Request);
    }

    [Fact]
    public async Task SearchAsync_Phrase_RanksTheExactPhraseFirst()
    {
        var search = await SeededSearchAsync();

        var result = await search.SearchAsync(new LetterQuery("\"epidural steroid injection\" OR steroid"), Cancel);

        Assert.Equal(2, result.Total);
        Assert.Equal("Lumbar epidural steroid injection at L4-L5", result.Hits[0].Request);
        Assert.Equal("Injection of steroid, not epidural, into the right knee", result.Hits[1].Request);
    }

    [Fact]
    public async Task SearchAsync_Phrase_DoesNotMatchTheWordsApart()
    {
        var search = await SeededSearchAsync();

        var result = await search.SearchAsync(new LetterQuery("\"steroid injection\""), Cancel);

        Assert.Equal("CM-TEST-0001", Assert.Single(result.Hits).CaseNumber);
    }

    [Fact]
    public async Task SearchAsync_Prefix_MatchesWordsStartingWithIt()
    {
        var search = await SeededSearchAsync();

        var prefix = await search.SearchAsync(new LetterQuery("physio*"), Cancel);
        var word = await search.SearchAsync(new LetterQuery("physio"), Cancel);

        Assert.Equal("12 sessions of physical therapy", Assert.Single(prefix.Hits).Request);
        Assert.Equal(0, word.Total);
    }

    [Fact]
    public async Task SearchAsync_And_RequiresEveryTerm()
    {
        var search = await SeededSearchAsync();

        var explicitAnd = await search.SearchAsync(new LetterQuery("knee AND injection"), Cancel);
        var impliedAnd = await search.SearchAsync(new LetterQuery("knee injection"), Cancel);

        Assert.Equal("Injection of steroid, not epidural, into the right knee", Assert.Single(explicitAnd.Hits).Request);
        Assert.Equal(explicitAnd, impliedAnd, LetterSearchResultComparer.Instance);
    }

    [Fact]
    public async Task SearchAsync_Or_MatchesEitherTerm()
    {
        var search = await SeededSearchAsync();

        var result = await search.SearchAsync(new LetterQuery("radiculopathy OR \"red flags\""), Cancel);

        Assert.Equal(["CM-TEST-0001", "CM-TEST-0003"], result.Hits.Select(h => h.CaseNumber).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_ClinicalSummaryTerm_HitsEveryDecidedItemOfTheLetter()
    {
        var search = await SeededSearchAsync();

        var result = await search.SearchAsync(new LetterQuery("diabetes"), Cancel);

        Assert.Equal(2, result.Total);
        Assert.All(result.Hits, h => Assert.Equal("CM-TEST-0001", h.CaseNumber));
        Assert.All(result.Hits, h => Assert.Contains("**Diabetes**", h.Snippet, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_Hit_HasSnippetWithHighlightedMatch()
    {
        var search = await SeededSearchAsync();

        var hit = Assert.Single((await search.SearchAsync(new LetterQuery("radiculopathy"), Cancel)).Hits);

        Assert.Equal("CM-TEST-0001", hit.CaseNumber);
        Assert.Equal(Decision.Upheld, hit.Decision);
        Assert.Equal("injection/steroid", hit.Service);
        Assert.Contains("**radiculopathy**", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_Stemming_MatchesOtherFormsOfTheWord()
    {
        var search = await SeededSearchAsync();

        var result = await search.SearchAsync(new LetterQuery("injections"), Cancel);

        Assert.Equal(2, result.Total);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("OR AND")]
    [InlineData("((knee")]
    [InlineData("knee) OR (")]
    [InlineData("-knee")]
    [InlineData("*")]
    [InlineData("col:knee NEAR(x y) ^z")]
    public async Task SearchAsync_OddSyntax_NeverThrows(string text)
    {
        var search = await SeededSearchAsync();

        var result = await search.SearchAsync(new LetterQuery(text), Cancel);

        Assert.InRange(result.Total, 0, 5);
    }

    [Fact]
    public async Task SearchAsync_Paging_SplitsHitsAndKeepsTheTotal()
    {
        var search = await SeededSearchAsync();

        var pages = new List<LetterSearchResult>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await search.SearchAsync(new LetterQuery(Page: page, PageSize: 2), Cancel));
        }

        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Hits.Count));
        Assert.Equal(5, pages.SelectMany(p => p.Hits).Select(h => (h.CaseNumber, h.Request)).Distinct().Count());
    }

    private static readonly Dictionary<string, LetterQuery> Filters = new()
    {
        ["upheld"] = new(Decision: Decision.Upheld),
        ["overturned"] = new(Decision: Decision.Overturned),
        ["service family"] = new(Service: "imaging"),
        ["service"] = new(Service: "injection/steroid"),
        ["guideline source"] = new(GuidelineSource: "mtus"),
        ["guideline source and title"] = new(GuidelineSource: "MTUS", GuidelineTitle: "Chronic Pain Medical Treatment Guidelines"),
        ["guideline title"] = new(GuidelineTitle: "knee complaints"),
        ["year"] = new(Year: 2016),
        ["decision, year and service"] = new(Decision: Decision.Upheld, Year: 2016, Service: "imaging"),
        ["specialty"] = new(Specialty: "orthopedic surgery"),
        ["specialty and decision"] = new(Specialty: "Occupational Medicine", Decision: Decision.Upheld),
    };

    [Theory]
    [InlineData("upheld")]
    [InlineData("overturned")]
    [InlineData("service family")]
    [InlineData("service")]
    [InlineData("guideline source")]
    [InlineData("guideline source and title")]
    [InlineData("guideline title")]
    [InlineData("year")]
    [InlineData("decision, year and service")]
    [InlineData("specialty")]
    [InlineData("specialty and decision")]
    public async Task SearchAsync_TextMatchingEveryItemWithFilter_HitsWhatTheFilterAloneHits(string name)
    {
        var search = await SeededSearchAsync();
        var filter = Filters[name];

        // Every summary and rationale of the corpus says "Synthetic": the text leaves the filter to decide.
        var filtered = await search.SearchAsync(filter, Cancel);
        var searched = await search.SearchAsync(filter with { Text = "synthetic" }, Cancel);

        Assert.InRange(filtered.Total, 1, 4);
        Assert.Equal(filtered.Total, searched.Total);
        Assert.True(searched.TotalIsExact);
        Assert.Equal(
            filtered.Hits.Select(h => (h.CaseNumber, h.Request)).Order(),
            searched.Hits.Select(h => (h.CaseNumber, h.Request)).Order());
    }

    [Fact]
    public async Task SearchAsync_RequestMatch_RanksAboveMatchesInTheSummaryOnly()
    {
        var search = await SeededSearchAsync();

        // "knee" is in the requests of both items of CM-TEST-0002 and in its summary; the rationale of neither
        // CM-TEST-0001 item mentions it, and its summary does not either.
        var result = await search.SearchAsync(new LetterQuery("knee OR lifting"), Cancel);

        Assert.Equal(4, result.Total);
        Assert.Equal(["CM-TEST-0002", "CM-TEST-0002"], result.Hits.Take(2).Select(h => h.CaseNumber));
        Assert.Equal(["CM-TEST-0001", "CM-TEST-0001"], result.Hits.Skip(2).Select(h => h.CaseNumber));
    }

    [Fact]
    public async Task SearchAsync_RankedPages_NeverOverlapAndFollowTheWholeRanking()
    {
        var search = await SeededSearchAsync();

        var whole = await search.SearchAsync(new LetterQuery("synthetic"), Cancel);
        var pages = new List<LetterHit>();
        for (var page = 1; page <= 3; page++)
        {
            pages.AddRange((await search.SearchAsync(new LetterQuery("synthetic", Page: page, PageSize: 2), Cancel)).Hits);
        }

        Assert.Equal(5, whole.Hits.Count);
        Assert.Equal(whole.Hits, pages);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("synthetic")]
    public async Task SearchAsync_MoreMatchesThanTheCountLimit_GivesTheLimitAsALowerBound(string? text)
    {
        await SeedAsync();
        var limited = new LetterSearch(Schema, new LetterStoreOptions { CountLimit = 3 });

        var result = await limited.SearchAsync(new LetterQuery(text, PageSize: 2), Cancel);

        Assert.Equal((3, false), (result.Total, result.TotalIsExact));
        Assert.Equal(2, result.Hits.Count);
    }

    [Theory]
    [InlineData(null, 5)]
    [InlineData("synthetic", 5)]
    [InlineData("knee", 5)]
    public async Task SearchAsync_MatchesUpToTheCountLimit_AreCountedExactly(string? text, int limit)
    {
        await SeedAsync();
        var limited = new LetterSearch(Schema, new LetterStoreOptions { CountLimit = limit });

        var result = await limited.SearchAsync(new LetterQuery(text, PageSize: 1), Cancel);

        Assert.True(result.TotalIsExact);
        Assert.Equal(text == "knee" ? 2 : 5, result.Total);
    }

    [Fact]
    public async Task SearchAsync_PageBeyondTheCountLimit_CountsAtLeastTheHitsShown()
    {
        await SeedAsync();
        var limited = new LetterSearch(Schema, new LetterStoreOptions { CountLimit = 2 });

        var result = await limited.SearchAsync(new LetterQuery("synthetic", Page: 4, PageSize: 1), Cancel);

        Assert.Single(result.Hits);
        Assert.Equal((4, false), (result.Total, result.TotalIsExact));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("synthetic")]
    [InlineData("knee")]
    public async Task SearchAsync_PagePastTheLastHit_StillCountsEveryMatch(string? text)
    {
        var search = await SeededSearchAsync();

        var result = await search.SearchAsync(new LetterQuery(text, Page: 10, PageSize: 2), Cancel);

        Assert.Empty(result.Hits);
        Assert.Equal((text == "knee" ? 2 : 5, true), (result.Total, result.TotalIsExact));
    }

    [Fact]
    public void Constructor_CountLimitBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LetterSearch(Schema, new LetterStoreOptions { CountLimit = 0 }));

    [Fact]
    public void Constructor_RankLimitBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LetterSearch(Schema, new LetterStoreOptions { RankLimit = 0 }));

    [Fact]
    public async Task SearchAsync_BadPaging_Throws()
    {
        var search = CreateSearch();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => search.SearchAsync(new LetterQuery(Page: 0), Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => search.SearchAsync(new LetterQuery(PageSize: LetterQuery.MaxPageSize + 1), Cancel));
    }

    private sealed class LetterSearchResultComparer : IEqualityComparer<LetterSearchResult>
    {
        public static LetterSearchResultComparer Instance { get; } = new();

        public bool Equals(LetterSearchResult? x, LetterSearchResult? y) =>
            x is not null && y is not null && x.Total == y.Total && x.TotalIsExact == y.TotalIsExact && x.Hits.SequenceEqual(y.Hits);

        public int GetHashCode(LetterSearchResult obj) => obj.Total;
    }
}

/// <summary>Searching a real SQLite file in a temporary folder (FTS5).</summary>
public sealed class SqliteLetterSearchTests : LetterSearchTests
{
    private readonly TempSqliteFolder _folder = new("imr-sqlite-");

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_folder.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target)
    {
        _folder.Delete();
        return Task.CompletedTask;
    }
}

/// <summary>Searching PostgreSQL (see <see cref="PostgresServer"/>): a new database per test.</summary>
public sealed class PostgresLetterSearchTests(PostgresServer server) : LetterSearchTests
{
    protected override async Task<DatabaseTarget> CreateTargetAsync() =>
        DatabaseTarget.Parse(await server.CreateDatabaseAsync("imr_letters"));

    protected override Task DeleteTargetAsync(DatabaseTarget target) => server.DropDatabaseAsync(target.ConnectionString);

    [Fact]
    public async Task SearchAsync_MoreMatchesThanTheRankLimit_RanksTheMatchesFoundFirstAndStillCountsThemAll()
    {
        await SeedAsync();
        var limited = new LetterSearch(Schema, new LetterStoreOptions { RankLimit = 1 });

        // "Synthetic" is in all four summaries and all five rationales; one of each is ranked, every one is counted.
        var result = await limited.SearchAsync(new LetterQuery("synthetic"), Cancel);

        Assert.Equal((5, true), (result.Total, result.TotalIsExact));
        Assert.InRange(result.Hits.Count, 1, 3);
    }

    [Fact]
    public async Task SearchAsync_MatchesBelowTheRankLimit_AreAllRankedAndCounted()
    {
        await SeedAsync();
        var limited = new LetterSearch(Schema, new LetterStoreOptions { RankLimit = 6 });

        var result = await limited.SearchAsync(new LetterQuery("synthetic"), Cancel);

        Assert.Equal((5, true, 5), (result.Total, result.TotalIsExact, result.Hits.Count));
    }
}
