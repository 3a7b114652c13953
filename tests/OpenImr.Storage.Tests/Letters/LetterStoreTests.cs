using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Letters;
using OpenImr.Storage.Tests.Infrastructure;

namespace OpenImr.Storage.Tests.Letters;

/// <summary>
/// The storage suite, written once and run against every provider by the subclasses
/// <see cref="SqliteLetterStoreTests"/> and <see cref="PostgresLetterStoreTests"/>. Each test gets a
/// database of its own, empty and without schema.
/// </summary>
public abstract class LetterStoreTests : DatabaseTests
{
    protected LetterStore CreateStore(int batchSize = 200) =>
        new(Target, new LetterStoreOptions { ClassifyService = SyntheticLetters.Classify, BatchSize = batchSize });

    private async Task<LetterStore> SeededStoreAsync()
    {
        var store = CreateStore();
        await store.UpsertAsync(SyntheticLetters.Corpus(), Cancel);
        return store;
    }

    private static string Json(Letter? letter) => JsonSerializer.Serialize(letter, ImrJson.Compact);

    [Fact]
    public async Task UpsertAsync_FreshDatabase_MigratesSchemaOnFirstUse()
    {
        var store = CreateStore();

        var result = await store.UpsertAsync(SyntheticLetters.Corpus(), Cancel);

        Assert.Equal(new UpsertResult(4, 0, 0, 0), result);
        await using var context = Target.CreateContext();
        Assert.Empty(await context.Database.GetPendingMigrationsAsync(Cancel));
        Assert.NotEmpty(await context.Database.GetAppliedMigrationsAsync(Cancel));
    }

    [Fact]
    public async Task StatsAsync_FreshDatabase_IsEmpty()
    {
        var stats = await CreateStore().StatsAsync(Cancel);

        Assert.Equal((0, 0, 0, 0), (stats.Letters, stats.Items, stats.Upheld, stats.Overturned));
        Assert.Null(stats.OverturnRate);
        Assert.Empty(stats.ByYear);
    }

    [Fact]
    public async Task UpsertAsync_SameLettersTwice_SecondRunIsUnchanged()
    {
        var store = await SeededStoreAsync();

        var again = await CreateStore().UpsertAsync(SyntheticLetters.Corpus(), Cancel);

        Assert.Equal(new UpsertResult(0, 0, 4, 0), again);
        Assert.Equal(5, (await store.SearchAsync(new LetterQuery(), Cancel)).Total);
    }

    [Fact]
    public async Task UpsertAsync_ChangedLetter_IsUpdatedAndReindexed()
    {
        var store = await SeededStoreAsync();
        var changed = SyntheticLetters.Corpus()[2] with
        {
            Items = [SyntheticLetters.Item("Cervical MRI", Decision.Overturned, SyntheticLetters.Mtus("Neck and Upper Back Complaints"),
                "Synthetic rationale: progressive weakness makes zebrafinch imaging necessary.")],
        };

        var result = await store.UpsertAsync([.. SyntheticLetters.Corpus().Take(2), changed], Cancel);

        Assert.Equal(new UpsertResult(0, 1, 2, 0), result);
        Assert.Equal(Json(changed), Json(await store.GetAsync("CM-TEST-0003", Cancel)));
        var found = await store.SearchAsync(new LetterQuery("zebrafinch"), Cancel);
        Assert.Equal("CM-TEST-0003", Assert.Single(found.Hits).CaseNumber);
        Assert.Equal(Decision.Overturned, found.Hits[0].Decision);
        Assert.Equal(0, (await store.SearchAsync(new LetterQuery("\"red flags\""), Cancel)).Total);
    }

    [Fact]
    public async Task UpsertAsync_MixedBatch_CountsEachKind()
    {
        var store = await SeededStoreAsync();
        var corpus = SyntheticLetters.Corpus();
        var added = SyntheticLetters.Letter("CM-TEST-0005", new DateOnly(2017, 1, 9), ["Pain Medicine"], "Synthetic summary: a new fictional case.",
            SyntheticLetters.Item("Synthetic TENS unit", Decision.Upheld, null, "Synthetic rationale: not supported."));
        var changed = corpus[1] with { Priority = "expedited" };

        var result = await store.UpsertAsync([corpus[0], changed, corpus[2], added, corpus[3], corpus[0]], Cancel);

        Assert.Equal(new UpsertResult(1, 1, 4, 0), result);
        Assert.Equal("expedited", (await store.GetAsync("CM-TEST-0002", Cancel))?.Priority);
        Assert.Equal(5, (await store.StatsAsync(Cancel)).Letters);
    }

    [Fact]
    public async Task UpsertAsync_ChangedLetter_StampsImportedAtFromTheClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var store = new LetterStore(Target, new LetterStoreOptions { TimeProvider = clock });
        var letter = SyntheticLetters.Corpus()[0];

        await store.UpsertAsync([letter], Cancel);
        clock.Advance(TimeSpan.FromDays(1));
        await store.UpsertAsync([letter], Cancel);
        var afterUnchanged = await ImportedAtAsync();
        clock.Advance(TimeSpan.FromDays(1));
        await store.UpsertAsync([letter with { Priority = "expedited" }], Cancel);

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
        var store = CreateStore();
        var first = SyntheticLetters.Corpus()[0];
        var second = first with { ClinicalSummary = "Synthetic summary: a revised fictional account." };

        var result = await store.UpsertAsync([first, second], Cancel);

        Assert.Equal(new UpsertResult(1, 0, 0, 0), result);
        Assert.Equal(Json(second), Json(await store.GetAsync("CM-TEST-0001", Cancel)));
        Assert.Equal(2, (await store.SearchAsync(new LetterQuery("revised"), Cancel)).Total);
    }

    [Fact]
    public async Task UpsertAsync_LetterWithoutCaseNumber_IsSkipped()
    {
        var store = CreateStore();

        var result = await store.UpsertAsync([SyntheticLetters.Corpus()[0] with { CaseNumber = null }], Cancel);

        Assert.Equal(new UpsertResult(0, 0, 0, 1), result);
        Assert.Equal(0, (await store.StatsAsync(Cancel)).Letters);
    }

    [Fact]
    public async Task UpsertAsync_InterruptedImport_KeepsWholeBatchesAndCompletesOnRerun()
    {
        var corpus = SyntheticLetters.Corpus();
        var store = CreateStore(batchSize: 2);

        await Assert.ThrowsAsync<IOException>(() => store.UpsertAsync(Interrupted(corpus, after: 3), Cancel));
        var partial = await store.StatsAsync(Cancel);
        var rerun = await store.UpsertAsync(corpus, Cancel);

        Assert.Equal(2, partial.Letters);
        Assert.Equal(new UpsertResult(2, 0, 2, 0), rerun);
        var stats = await store.StatsAsync(Cancel);
        Assert.Equal((4, 5), (stats.Letters, stats.Items));
        Assert.Equal(5, (await store.SearchAsync(new LetterQuery("synthetic"), Cancel)).Total);
    }

    [Fact]
    public async Task LibraryVersionAsync_LettersAddedChangedUnchangedOrWrittenBySql_MovesOnlyWhenALetterChanges()
    {
        var store = CreateStore();
        var corpus = SyntheticLetters.Corpus();
        var empty = await store.LibraryVersionAsync(Cancel);

        await store.UpsertAsync(corpus, Cancel);
        var added = await store.LibraryVersionAsync(Cancel);
        await store.UpsertAsync(corpus, Cancel);
        var unchanged = await store.LibraryVersionAsync(Cancel);
        await store.UpsertAsync([corpus[0] with { ClinicalSummary = "Synthetic summary: rewritten." }], Cancel);
        var changed = await store.LibraryVersionAsync(Cancel);
        await using (var context = Target.CreateContext())
        {
            // Another writer than the store, as a script would be.
            await context.Database.ExecuteSqlRawAsync("UPDATE letters SET source = source || '' WHERE case_number = 'CM-TEST-0002'", Cancel);
        }

        var scripted = await store.LibraryVersionAsync(Cancel);

        Assert.True(added > empty, "adding letters moves the version");
        Assert.Equal(added, unchanged);
        Assert.True(changed > unchanged, "changing a letter moves the version");
        Assert.True(scripted > changed, "a write by SQL moves the version");
    }

    [Fact]
    public async Task StatsAsync_LettersWrittenByAnotherStore_AreCountedAtOnce()
    {
        var reader = CreateStore();
        var writer = CreateStore();
        var corpus = SyntheticLetters.Corpus();
        await writer.UpsertAsync(corpus.Take(2), Cancel);
        var before = await reader.StatsAsync(Cancel);
        var again = await reader.StatsAsync(Cancel);

        await writer.UpsertAsync(corpus, Cancel);
        var after = await reader.StatsAsync(Cancel);

        Assert.Same(before, again);
        Assert.Equal((2, 4), (before.Letters, before.Items));
        Assert.Equal((4, 5), (after.Letters, after.Items));
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

        await CreateStore(batchSize: 3).UpsertAsync(SyntheticLetters.Corpus(), new SynchronousProgress(reports.Add), Cancel);

        Assert.Equal([new UpsertResult(3, 0, 0, 0), new UpsertResult(4, 0, 0, 0)], reports);
    }

    private sealed class SynchronousProgress(Action<UpsertResult> report) : IProgress<UpsertResult>
    {
        public void Report(UpsertResult value) => report(value);
    }

    [Fact]
    public async Task GetAsync_StoredLetter_RoundTripsExactly()
    {
        var store = await SeededStoreAsync();

        foreach (var letter in SyntheticLetters.Corpus())
        {
            Assert.Equal(Json(letter), Json(await store.GetAsync(letter.CaseNumber!, Cancel)));
        }
    }

    [Fact]
    public async Task GetAsync_UnknownCaseNumber_ReturnsNull()
    {
        var store = await SeededStoreAsync();

        Assert.Null(await store.GetAsync("CM-TEST-9999", Cancel));
    }

    [Fact]
    public async Task UpsertAsync_LetterWithZeroItems_IsStoredCountedAndNeverHit()
    {
        var store = await SeededStoreAsync();

        var letter = await store.GetAsync("CM-TEST-0004", Cancel);
        var stats = await store.StatsAsync(Cancel);
        var search = await store.SearchAsync(new LetterQuery("\"decides nothing\""), Cancel);

        Assert.NotNull(letter);
        Assert.Empty(letter.Items);
        Assert.Equal(4, stats.Letters);
        Assert.Equal(0, search.Total);
    }

    [Fact]
    public async Task SearchAsync_QueryAtEveryBound_AnswersWithoutDatabaseError()
    {
        var store = await SeededStoreAsync();
        var nested = string.Concat(Enumerable.Repeat("NEAR( ", LetterQuery.MaxDepth)) + string.Join(" OR ", Enumerable.Repeat("mri", LetterQuery.MaxTerms - LetterQuery.MaxDepth));
        Assert.Null(LetterQuery.TextProblem(nested));

        var result = await store.SearchAsync(new LetterQuery(nested), Cancel);

        Assert.True(result.Total >= 0);
    }

    [Fact]
    public async Task SearchAsync_QueryOverABound_IsRefusedBeforeTheDatabase()
    {
        var store = await SeededStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.SearchAsync(new LetterQuery("mri\0"), Cancel));
    }

    [Fact]
    public async Task SearchAsync_NoText_ListsEveryDecidedItemInCaseOrder()
    {
        var store = await SeededStoreAsync();

        var result = await store.SearchAsync(new LetterQuery(), Cancel);

        Assert.Equal(5, result.Total);
        Assert.Equal(["CM-TEST-0001", "CM-TEST-0001", "CM-TEST-0002", "CM-TEST-0002", "CM-TEST-0003"], result.Hits.Select(h => h.CaseNumber));
        Assert.All(result.Hits, h => Assert.Null(h.Snippet));
        Assert.Equal("imaging/mri", result.Hits[2].Service);
    }

    [Fact]
    public async Task SearchAsync_DecisionFilter_KeepsOnlyThatDecision()
    {
        var store = await SeededStoreAsync();

        var result = await store.SearchAsync(new LetterQuery(Decision: Decision.Overturned), Cancel);

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
        var store = await SeededStoreAsync();

        var result = await store.SearchAsync(new LetterQuery(Service: service), Cancel);

        Assert.Equal(expected, result.Total);
        Assert.All(result.Hits, h => Assert.StartsWith(service.ToLowerInvariant(), h.Service!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_GuidelineFilters_MatchFirstCitationIgnoringCase()
    {
        var store = await SeededStoreAsync();

        var bySource = await store.SearchAsync(new LetterQuery(GuidelineSource: "mtus"), Cancel);
        var byTitle = await store.SearchAsync(new LetterQuery(GuidelineSource: "MTUS", GuidelineTitle: "neck and upper back complaints"), Cancel);

        Assert.Equal(3, bySource.Total);
        Assert.Equal("Cervical MRI", Assert.Single(byTitle.Hits).Request);
    }

    [Fact]
    public async Task SearchAsync_YearFilter_UsesTheDecisionDate()
    {
        var store = await SeededStoreAsync();

        var y2015 = await store.SearchAsync(new LetterQuery(Year: 2015), Cancel);
        var y2016 = await store.SearchAsync(new LetterQuery(Year: 2016), Cancel);
        var y2017 = await store.SearchAsync(new LetterQuery(Year: 2017), Cancel);

        Assert.Equal((2, 3, 0), (y2015.Total, y2016.Total, y2017.Total));
        Assert.All(y2015.Hits, h => Assert.Equal("CM-TEST-0001", h.CaseNumber));
    }

    [Fact]
    public async Task SearchAsync_PhraseSpanningRequestAndRationale_MatchesNothing()
    {
        var store = await SeededStoreAsync();

        // "MRI of the right knee" ends where "Synthetic rationale: mechanical ..." begins: the words are neighbours in no one text.
        var across = await store.SearchAsync(new LetterQuery("\"right knee synthetic rationale\""), Cancel);
        var within = await store.SearchAsync(new LetterQuery("\"synthetic rationale mechanical\" OR \"knee strain\""), Cancel);

        Assert.Equal(0, across.Total);
        Assert.Equal(["MRI of the right knee", "Injection of steroid, not epidural, into the right knee"], within.Hits.Select(h => h.Request).Order().Reverse());
    }

    [Fact]
    public async Task SearchAsync_SpecialtyFilter_MatchesAnySpecialtyOfTheReviewerIgnoringCase()
    {
        var store = await SeededStoreAsync();

        var sports = await store.SearchAsync(new LetterQuery(Specialty: " sports medicine "), Cancel);
        var occupational = await store.SearchAsync(new LetterQuery(Specialty: "Occupational Medicine"), Cancel);
        var internalMedicine = await store.SearchAsync(new LetterQuery(Specialty: "Internal Medicine"), Cancel);
        var partOfAName = await store.SearchAsync(new LetterQuery(Specialty: "Medicine"), Cancel);

        Assert.Equal(["CM-TEST-0002", "CM-TEST-0002"], sports.Hits.Select(h => h.CaseNumber));
        Assert.Equal(3, occupational.Total);
        Assert.DoesNotContain(occupational.Hits, h => h.CaseNumber == "CM-TEST-0002");
        // The internal medicine letter decides nothing, and a specialty is matched whole, not in part.
        Assert.Equal((0, 0), (internalMedicine.Total, partOfAName.Total));
    }

    [Fact]
    public async Task SearchAsync_TextWithFilter_AppliesBoth()
    {
        var store = await SeededStoreAsync();

        var result = await store.SearchAsync(new LetterQuery("MRI", Decision: Decision.Upheld), Cancel);

        Assert.Equal("Cervical MRI", Assert.Single(result.Hits).Request);
    }

    [Fact]
    public async Task SearchAsync_Phrase_RanksTheExactPhraseFirst()
    {
        var store = await SeededStoreAsync();

        var result = await store.SearchAsync(new LetterQuery("\"epidural steroid injection\" OR steroid"), Cancel);

        Assert.Equal(2, result.Total);
        Assert.Equal("Lumbar epidural steroid injection at L4-L5", result.Hits[0].Request);
        Assert.Equal("Injection of steroid, not epidural, into the right knee", result.Hits[1].Request);
    }

    [Fact]
    public async Task SearchAsync_Phrase_DoesNotMatchTheWordsApart()
    {
        var store = await SeededStoreAsync();

        var result = await store.SearchAsync(new LetterQuery("\"steroid injection\""), Cancel);

        Assert.Equal("CM-TEST-0001", Assert.Single(result.Hits).CaseNumber);
    }

    [Fact]
    public async Task SearchAsync_Prefix_MatchesWordsStartingWithIt()
    {
        var store = await SeededStoreAsync();

        var prefix = await store.SearchAsync(new LetterQuery("physio*"), Cancel);
        var word = await store.SearchAsync(new LetterQuery("physio"), Cancel);

        Assert.Equal("12 sessions of physical therapy", Assert.Single(prefix.Hits).Request);
        Assert.Equal(0, word.Total);
    }

    [Fact]
    public async Task SearchAsync_And_RequiresEveryTerm()
    {
        var store = await SeededStoreAsync();

        var explicitAnd = await store.SearchAsync(new LetterQuery("knee AND injection"), Cancel);
        var impliedAnd = await store.SearchAsync(new LetterQuery("knee injection"), Cancel);

        Assert.Equal("Injection of steroid, not epidural, into the right knee", Assert.Single(explicitAnd.Hits).Request);
        Assert.Equal(explicitAnd, impliedAnd, LetterSearchResultComparer.Instance);
    }

    [Fact]
    public async Task SearchAsync_Or_MatchesEitherTerm()
    {
        var store = await SeededStoreAsync();

        var result = await store.SearchAsync(new LetterQuery("radiculopathy OR \"red flags\""), Cancel);

        Assert.Equal(["CM-TEST-0001", "CM-TEST-0003"], result.Hits.Select(h => h.CaseNumber).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_ClinicalSummaryTerm_HitsEveryDecidedItemOfTheLetter()
    {
        var store = await SeededStoreAsync();

        var result = await store.SearchAsync(new LetterQuery("diabetes"), Cancel);

        Assert.Equal(2, result.Total);
        Assert.All(result.Hits, h => Assert.Equal("CM-TEST-0001", h.CaseNumber));
        Assert.All(result.Hits, h => Assert.Contains("**Diabetes**", h.Snippet, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchAsync_Hit_HasSnippetWithHighlightedMatch()
    {
        var store = await SeededStoreAsync();

        var hit = Assert.Single((await store.SearchAsync(new LetterQuery("radiculopathy"), Cancel)).Hits);

        Assert.Equal("CM-TEST-0001", hit.CaseNumber);
        Assert.Equal(Decision.Upheld, hit.Decision);
        Assert.Equal("injection/steroid", hit.Service);
        Assert.Contains("**radiculopathy**", hit.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_Stemming_MatchesOtherFormsOfTheWord()
    {
        var store = await SeededStoreAsync();

        var result = await store.SearchAsync(new LetterQuery("injections"), Cancel);

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
        var store = await SeededStoreAsync();

        var result = await store.SearchAsync(new LetterQuery(text), Cancel);

        Assert.InRange(result.Total, 0, 5);
    }

    [Fact]
    public async Task SearchAsync_Paging_SplitsHitsAndKeepsTheTotal()
    {
        var store = await SeededStoreAsync();

        var pages = new List<LetterSearchResult>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await store.SearchAsync(new LetterQuery(Page: page, PageSize: 2), Cancel));
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
        var store = await SeededStoreAsync();
        var filter = Filters[name];

        // Every summary and rationale of the corpus says "Synthetic": the text leaves the filter to decide.
        var filtered = await store.SearchAsync(filter, Cancel);
        var searched = await store.SearchAsync(filter with { Text = "synthetic" }, Cancel);

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
        var store = await SeededStoreAsync();

        // "knee" is in the requests of both items of CM-TEST-0002 and in its summary; the rationale of neither
        // CM-TEST-0001 item mentions it, and its summary does not either.
        var result = await store.SearchAsync(new LetterQuery("knee OR lifting"), Cancel);

        Assert.Equal(4, result.Total);
        Assert.Equal(["CM-TEST-0002", "CM-TEST-0002"], result.Hits.Take(2).Select(h => h.CaseNumber));
        Assert.Equal(["CM-TEST-0001", "CM-TEST-0001"], result.Hits.Skip(2).Select(h => h.CaseNumber));
    }

    [Fact]
    public async Task SearchAsync_RankedPages_NeverOverlapAndFollowTheWholeRanking()
    {
        var store = await SeededStoreAsync();

        var whole = await store.SearchAsync(new LetterQuery("synthetic"), Cancel);
        var pages = new List<LetterHit>();
        for (var page = 1; page <= 3; page++)
        {
            pages.AddRange((await store.SearchAsync(new LetterQuery("synthetic", Page: page, PageSize: 2), Cancel)).Hits);
        }

        Assert.Equal(5, whole.Hits.Count);
        Assert.Equal(whole.Hits, pages);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("synthetic")]
    public async Task SearchAsync_MoreMatchesThanTheCountLimit_GivesTheLimitAsALowerBound(string? text)
    {
        await SeededStoreAsync();
        var limited = new LetterStore(Target, new LetterStoreOptions { CountLimit = 3 });

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
        await SeededStoreAsync();
        var limited = new LetterStore(Target, new LetterStoreOptions { CountLimit = limit });

        var result = await limited.SearchAsync(new LetterQuery(text, PageSize: 1), Cancel);

        Assert.True(result.TotalIsExact);
        Assert.Equal(text == "knee" ? 2 : 5, result.Total);
    }

    [Fact]
    public async Task SearchAsync_PageBeyondTheCountLimit_CountsAtLeastTheHitsShown()
    {
        await SeededStoreAsync();
        var limited = new LetterStore(Target, new LetterStoreOptions { CountLimit = 2 });

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
        var store = await SeededStoreAsync();

        var result = await store.SearchAsync(new LetterQuery(text, Page: 10, PageSize: 2), Cancel);

        Assert.Empty(result.Hits);
        Assert.Equal((text == "knee" ? 2 : 5, true), (result.Total, result.TotalIsExact));
    }

    [Fact]
    public void Constructor_CountLimitBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LetterStore(Target, new LetterStoreOptions { CountLimit = 0 }));

    [Fact]
    public void Constructor_RankLimitBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LetterStore(Target, new LetterStoreOptions { RankLimit = 0 }));

    [Fact]
    public async Task SearchAsync_BadPaging_Throws()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.SearchAsync(new LetterQuery(Page: 0), Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.SearchAsync(new LetterQuery(PageSize: LetterQuery.MaxPageSize + 1), Cancel));
    }

    [Fact]
    public async Task StatsAsync_Counts_EqualTheLettersOwnDecisions()
    {
        var store = await SeededStoreAsync();
        var corpus = SyntheticLetters.Corpus();
        var items = corpus.SelectMany(l => l.Items.Select(i => (Letter: l, Item: i))).ToList();

        var stats = await store.StatsAsync(Cancel);

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
        var store = await SeededStoreAsync();

        var stats = await store.StatsAsync(Cancel);

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

    private sealed class LetterSearchResultComparer : IEqualityComparer<LetterSearchResult>
    {
        public static LetterSearchResultComparer Instance { get; } = new();

        public bool Equals(LetterSearchResult? x, LetterSearchResult? y) =>
            x is not null && y is not null && x.Total == y.Total && x.TotalIsExact == y.TotalIsExact && x.Hits.SequenceEqual(y.Hits);

        public int GetHashCode(LetterSearchResult obj) => obj.Total;
    }
}
