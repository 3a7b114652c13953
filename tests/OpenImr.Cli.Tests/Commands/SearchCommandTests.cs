using System.Text.Json;
using OpenImr.Domain.Letters;
using OpenImr.Tests.Shared;

namespace OpenImr.Cli.Tests.Commands;

/// <summary>A SQLite database of 200 generated letters and two written for ranking, imported once through <c>imr import</c>.</summary>
public sealed class SearchDatabase : IAsyncLifetime
{
    public const string PhraseCase = "CM15-7000001";
    public const string ScatteredCase = "CM15-7000002";
    private readonly TempFolder _folder = new();

    public string Db => Path.Combine(_folder.Path, "imr.db");

    /// <summary>The letters as the importer reads them back from their files.</summary>
    public List<Letter> Letters { get; } = [];

    public async ValueTask InitializeAsync()
    {
        var letters = Path.Combine(_folder.Path, "letters");
        Directory.CreateDirectory(letters);
        var written = ImportCommandTests.WriteLetters(letters, 200);
        var template = written[0];
        var phrase = template with
        {
            CaseNumber = PhraseCase,
            Items = [template.Items[0] with { Request = "Functional restoration program for 10 days", Rationale = "Synthetic rationale: the program is not supported." }],
        };
        var scattered = template with
        {
            CaseNumber = ScatteredCase,
            Items = [template.Items[0] with { Request = "Psychology sessions", Rationale = "Synthetic rationale: functional gains are unclear; restoration needs a structured program first." }],
        };
        File.WriteAllText(Path.Combine(letters, "phrase.txt"), LetterRenderer.Render(phrase, LetterFormat.Text));
        File.WriteAllText(Path.Combine(letters, "scattered.txt"), LetterRenderer.Render(scattered, LetterFormat.Text));
        foreach (var file in Directory.EnumerateFiles(letters))
        {
            Letters.Add(LetterParser.Parse(File.ReadAllText(file)).Letter!);
        }

        var run = await CliRun.InvokeAsync("import", letters, "--db", Db);
        Assert.Equal(0, run.ExitCode);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    public IEnumerable<(Letter Letter, LetterItem Item)> Items() =>
        Letters.SelectMany(l => l.Items.Where(i => i.Decision is not null).Select(i => (l, i)));
}

public class SearchCommandTests(SearchDatabase database) : IClassFixture<SearchDatabase>
{
    private async Task<(int Total, List<JsonElement> Hits)> SearchAsync(params string[] arguments)
    {
        var run = await CliRun.InvokeAsync(["search", .. arguments, "--db", database.Db, "--json", "--limit", "500"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        return (root.GetProperty("total").GetInt32(), root.GetProperty("hits").EnumerateArray().ToList());
    }

    [Fact]
    public async Task Search_Json_HasTheContractShapeWithHighlightedSnippets()
    {
        var (total, hits) = await SearchAsync("radiculopathy");

        Assert.True(total > 0);
        Assert.Equal(["caseNumber", "request", "decision", "service", "snippet"], hits[0].EnumerateObject().Select(p => p.Name));
        Assert.All(hits, h => Assert.Contains("**", h.GetProperty("snippet").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_Json_SaysTheTotalIsExactBelowTheCountLimit()
    {
        var run = await CliRun.InvokeAsync("search", "--db", database.Db, "--json", "--limit", "5");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var root = JsonDocument.Parse(run.Stdout).RootElement;

        Assert.Equal(["total", "totalIsExact", "hits"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(database.Items().Count(), root.GetProperty("total").GetInt32());
        Assert.True(root.GetProperty("totalIsExact").GetBoolean());
        Assert.Equal(5, root.GetProperty("hits").GetArrayLength());
    }

    [Fact]
    public async Task Search_DecisionFilter_KeepsOnlyThatDecision()
    {
        var (total, hits) = await SearchAsync("--decision", "overturned");

        Assert.Equal(database.Items().Count(x => x.Item.Decision == Decision.Overturned), total);
        Assert.All(hits, h => Assert.Equal("Overturned", h.GetProperty("decision").GetString()));
    }

    [Theory]
    [InlineData("imaging")]
    [InlineData("medication")]
    [InlineData("imaging/mri")]
    public async Task Search_ServiceFilter_KeepsTheFamilyOrTheKind(string service)
    {
        var (total, hits) = await SearchAsync("--service", service);

        var expected = database.Items().Count(x =>
            LetterDatabase.ClassifyService(x.Item) is { } s && (s == service || s.StartsWith(service + "/", StringComparison.Ordinal)));
        Assert.True(expected > 0);
        Assert.Equal(expected, total);
        Assert.All(hits, h => Assert.StartsWith(service, h.GetProperty("service").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ODG", "ODG", null)]
    [InlineData("Low Back Complaints", null, "Low Back Complaints")]
    [InlineData("MTUS: Chronic Pain Medical Treatment Guidelines", "MTUS", "Chronic Pain Medical Treatment Guidelines")]
    public async Task Search_GuidelineFilter_MatchesTheFirstCitation(string guideline, string? source, string? title)
    {
        var (total, _) = await SearchAsync("--guideline", guideline);

        var expected = database.Items().Count(x => x.Item.Citations.Count > 0 &&
            (source is null || x.Item.Citations[0].Source == source) && (title is null || x.Item.Citations[0].Title == title));
        Assert.True(expected > 0);
        Assert.Equal(expected, total);
    }

    [Fact]
    public async Task Search_YearFilter_KeepsLettersDecidedThatYear()
    {
        var (total, hits) = await SearchAsync("--year", "2016");

        Assert.Equal(database.Items().Count(x => x.Letter.Dates.Decision?.Year == 2016), total);
        var cases = database.Letters.Where(l => l.Dates.Decision?.Year == 2016).Select(l => l.CaseNumber).ToHashSet();
        Assert.All(hits, h => Assert.Contains(h.GetProperty("caseNumber").GetString(), cases));
    }

    [Fact]
    public async Task Search_SpecialtyFilter_KeepsItemsOfReviewersWithThatSpecialty()
    {
        var specialty = database.Letters.SelectMany(l => l.Reviewer.Specialties).GroupBy(s => s).OrderByDescending(g => g.Count()).First().Key;

        var (total, hits) = await SearchAsync("--specialty", specialty.ToUpperInvariant());

        var expected = database.Items().Where(x => x.Letter.Reviewer.Specialties.Contains(specialty)).ToList();
        Assert.True(expected.Count > 0);
        Assert.True(expected.Count < database.Items().Count());
        Assert.Equal(expected.Count, total);
        var cases = expected.Select(x => x.Letter.CaseNumber).ToHashSet();
        Assert.All(hits, h => Assert.Contains(h.GetProperty("caseNumber").GetString(), cases));
    }

    [Fact]
    public async Task Search_TextWithEveryFilter_SatisfiesThemAll()
    {
        var (total, hits) = await SearchAsync("function*", "--decision", "Upheld", "--service", "physical-medicine", "--guideline", "MTUS", "--year", "2015");

        Assert.True(total > 0);
        Assert.All(hits, h =>
        {
            Assert.Equal("Upheld", h.GetProperty("decision").GetString());
            Assert.StartsWith("physical-medicine/", h.GetProperty("service").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Search_ExactPhrase_RanksTheLetterWithThePhraseFirst()
    {
        var (phraseTotal, phraseHits) = await SearchAsync("\"functional restoration program\"");
        var (wordsTotal, wordHits) = await SearchAsync("functional restoration program");

        Assert.Equal(SearchDatabase.PhraseCase, phraseHits[0].GetProperty("caseNumber").GetString());
        Assert.DoesNotContain(phraseHits, h => h.GetProperty("caseNumber").GetString() == SearchDatabase.ScatteredCase);
        Assert.True(wordsTotal > phraseTotal);
        Assert.Equal(SearchDatabase.PhraseCase, wordHits[0].GetProperty("caseNumber").GetString());
        Assert.Contains(wordHits, h => h.GetProperty("caseNumber").GetString() == SearchDatabase.ScatteredCase);
    }

    [Fact]
    public async Task Search_OrAndPrefix_WidenTheMatch()
    {
        var (gabapentin, _) = await SearchAsync("gabapentin");
        var (tramadol, _) = await SearchAsync("tramadol");
        var (either, _) = await SearchAsync("gabapentin OR tramadol");
        var (prefix, _) = await SearchAsync("gabapent*");

        Assert.True(gabapentin > 0 && tramadol > 0);
        Assert.True(either >= Math.Max(gabapentin, tramadol));
        Assert.Equal(gabapentin, prefix);
    }

    [Fact]
    public async Task Search_WithoutJson_PrintsHitsAndSnippets()
    {
        var run = await CliRun.InvokeAsync("search", "\"functional restoration program\"", "--db", database.Db);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{SearchDatabase.PhraseCase}  Upheld", run.Stdout.Replace("Overturned", "Upheld", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(run.Stdout.Contains("**Functional restoration program**", StringComparison.Ordinal), run.Stdout);
    }

    [Fact]
    public async Task Search_BadDecision_IsAUsageError()
    {
        var run = await CliRun.InvokeAsync("search", "mri", "--decision", "maybe", "--db", database.Db);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Upheld, Overturned or NoRecommendation", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_QueryNestedTooDeep_IsAUsageErrorNotADatabaseFailure()
    {
        var run = await CliRun.InvokeAsync("search", string.Concat(Enumerable.Repeat("(", 20)) + "mri", "--db", database.Db);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nests parentheses 20 deep", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NoDatabaseFile_SaysToImportFirst()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "none.db");

        var run = await CliRun.InvokeAsync("search", "mri", "--db", db);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no such database", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }
}
