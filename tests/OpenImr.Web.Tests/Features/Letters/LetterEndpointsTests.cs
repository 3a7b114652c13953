using System.Net;
using System.Text;
using OpenImr.Documents.Letters;
using OpenImr.Domain.Letters;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Letters;

public sealed class LetterEndpointsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string FirstSeed = "CM15-0174261";

    /// <summary>The letters <see cref="UploadLettersAsync"/> stores.</summary>
    public const int StoredLetters = 3;

    /// <summary>
    /// Uploads a seed letter (text), two synthetic letters (one as a PDF, one as text), and three
    /// files that cannot be stored: a redacted seed without a case number, a note and binary junk.
    /// </summary>
    public static async Task<System.Text.Json.JsonElement> UploadLettersAsync(HttpClient client)
    {
        using var form = new MultipartFormDataContent();
        var seeds = TestCases.SeedFiles();
        var withNumber = seeds.Single(s => Path.GetFileName(s).StartsWith("002_", StringComparison.Ordinal));
        var withoutNumber = seeds.Single(s => Path.GetFileName(s).StartsWith("000_", StringComparison.Ordinal));
        Add(form, await File.ReadAllBytesAsync(withNumber, Http.Cancel), Path.GetFileName(withNumber), "text/plain");
        Add(form, LetterDocuments.Pdf(TestCases.Letter("CM-TEST-LTR-0001")), "CM-TEST-LTR-0001.pdf", "application/pdf");
        var overturned = TestCases.Letter("CM-TEST-LTR-0002") with
        {
            Items = [TestCases.Letter("x").Items[0] with { Request = "MRI of the right knee", Decision = Decision.Overturned }],
        };
        Add(form, Encoding.UTF8.GetBytes(LetterRenderer.Render(overturned, LetterFormat.Text)), "CM-TEST-LTR-0002.txt", "text/plain");
        Add(form, await File.ReadAllBytesAsync(withoutNumber, Http.Cancel), Path.GetFileName(withoutNumber), "text/plain");
        Add(form, "Synthetic shopping list: eggs, milk."u8.ToArray(), "notes.txt", "text/plain");
        Add(form, [0x00, 0x00, 0xFF, 0x01], "garbage.bin", "application/octet-stream");

        using var response = await client.PostAsync("/api/letters", form, Http.Cancel);
        return await response.ExpectAsync(HttpStatusCode.OK);
    }

    private static void Add(MultipartFormDataContent form, byte[] content, string fileName, string contentType)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        form.Add(part, "files", fileName);
    }

    [Fact]
    public async Task UploadLetters_SeedsAndJunk_StoresLettersAndReportsEachBadFile()
    {
        var result = await UploadLettersAsync(app.Client("coordinator"));

        var files = result.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(6, files.Count);
        Assert.Equal(3, result.GetProperty("failed").GetInt32());
        var failed = files.Where(f => !f.GetProperty("stored").GetBoolean()).Select(f => f.GetProperty("file").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["000_02d198c2aeaf1f9d.txt", "garbage.bin", "notes.txt"], failed);
        Assert.Contains(files, f => f.GetProperty("error").ValueKind != System.Text.Json.JsonValueKind.Null && f.GetProperty("error").GetProperty("code").GetString() == "NO_CASE_NUMBER");
        Assert.Equal(["CM-TEST-LTR-0001", "CM-TEST-LTR-0002", FirstSeed],
            files.Where(f => f.GetProperty("stored").GetBoolean()).Select(f => f.GetProperty("caseNumber").GetString()).Order(StringComparer.Ordinal));
        Assert.All(files.Where(f => !f.GetProperty("stored").GetBoolean()), f => Assert.False(string.IsNullOrEmpty(f.GetProperty("error").GetProperty("message").GetString())));
        Assert.Contains(files, f => f.GetProperty("caseNumber").GetString() == FirstSeed);
    }

    [Fact]
    public async Task SearchLetters_AfterUpload_FindsMatchingItems()
    {
        await UploadLettersAsync(app.Client("administrator"));

        using var response = await app.Client("party").GetAsync("/api/letters?q=work%20conditioning", Http.Cancel);

        var page = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        var hit = page.GetProperty("hits").EnumerateArray().First(h => h.GetProperty("caseNumber").GetString() == FirstSeed);
        Assert.Contains("**", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(hit.GetProperty("service").GetString()));
    }

    [Fact]
    public async Task SearchLetters_DecisionFilter_ReturnsOnlyThatDecision()
    {
        await UploadLettersAsync(app.Client("administrator"));

        using var response = await app.Client("reviewer").GetAsync("/api/letters?decision=upheld&page=1", Http.Cancel);

        var page = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.NotEmpty(page.GetProperty("hits").EnumerateArray());
        Assert.All(page.GetProperty("hits").EnumerateArray(), h => Assert.Equal("Upheld", h.GetProperty("decision").GetString()));
    }

    [Fact]
    public async Task SearchLetters_SpecialtyAndYearFilters_KeepOnlyLettersWithBoth()
    {
        await UploadLettersAsync(app.Client("administrator"));
        var client = app.Client("reviewer");
        using var letterResponse = await client.GetAsync($"/api/letters/{FirstSeed}", Http.Cancel);
        var letter = await letterResponse.ExpectAsync(HttpStatusCode.OK);
        var specialty = letter.GetProperty("reviewer").GetProperty("specialties")[0].GetString()!;
        var year = letter.GetProperty("dates").GetProperty("decision").GetString()![..4];

        using var everything = await client.GetAsync("/api/letters?pageSize=500", Http.Cancel);
        using var filtered = await client.GetAsync($"/api/letters?pageSize=500&specialty={Uri.EscapeDataString(specialty.ToLowerInvariant())}&year={year}", Http.Cancel);
        using var otherYear = await client.GetAsync($"/api/letters?specialty={Uri.EscapeDataString(specialty)}&year=2001", Http.Cancel);

        var all = (await everything.ExpectAsync(HttpStatusCode.OK)).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("caseNumber").GetString()).ToList();
        var kept = (await filtered.ExpectAsync(HttpStatusCode.OK)).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("caseNumber").GetString()).ToList();
        Assert.Equal(all.Count(c => c == FirstSeed), kept.Count(c => c == FirstSeed));
        Assert.True(all.Count > kept.Count);
        Assert.All(kept, c => Assert.Equal(FirstSeed, c));
        Assert.Equal(0, (await otherYear.ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("year=16", "year")]
    [InlineData("decision=maybe", "decision")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=100000", "pageSize")]
    [InlineData("q=mri%00", "q")]
    [InlineData("q=NEAR(NEAR(NEAR(NEAR(NEAR(NEAR(NEAR(NEAR(NEAR(NEAR(NEAR(NEAR(mri", "q")]
    [InlineData("service=imaging%00", "service")]
    public async Task SearchLetters_BadParameter_ReturnsValidationProblem(string query, string field)
    {
        using var response = await app.Server.Client().GetAsync($"/api/letters?{query}", Http.Cancel);

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorKeys());
    }

    [Fact]
    public async Task SearchLetters_QueryTooLongOrWithTooManyTerms_ReturnsValidationProblem()
    {
        foreach (var q in new[] { new string('a', 2000), string.Join(' ', Enumerable.Repeat("mri", 1000)) })
        {
            using var response = await app.Server.Client().GetAsync($"/api/letters?q={Uri.EscapeDataString(q)}", Http.Cancel);

            var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["q"], problem.ErrorKeys());
        }
    }

    [Fact]
    public async Task SearchLetters_PastTheSearchTimeout_StopsAndAnswersServiceUnavailable()
    {
        using var database = new TempSqlite();
        await using var server = await ImrServer.StartAsync(database.Target, searchTimeout: TimeSpan.Zero);

        using var response = await server.Client().GetAsync("/api/letters?q=mri", Http.Cancel);

        var problem = await response.ExpectAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("search-timeout", problem.GetProperty("code").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task GetLetter_StoredCaseNumber_ReturnsLetter()
    {
        await UploadLettersAsync(app.Client("administrator"));

        using var response = await app.Client("party").GetAsync($"/api/letters/{FirstSeed}", Http.Cancel);

        var letter = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(FirstSeed, letter.GetProperty("caseNumber").GetString());
        Assert.NotEmpty(letter.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task GetLetter_Unknown_ReturnsNotFoundProblem()
    {
        using var response = await app.Server.Client().GetAsync("/api/letters/CM-TEST-MISSING", Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetStats_AfterUpload_CountsLetters()
    {
        await UploadLettersAsync(app.Client("administrator"));

        using var response = await app.Client("reviewer").GetAsync("/api/stats", Http.Cancel);

        var stats = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(StoredLetters, stats.GetProperty("letters").GetInt32());
        Assert.True(stats.GetProperty("items").GetInt32() >= StoredLetters);
        Assert.NotEmpty(stats.GetProperty("byService").EnumerateArray());
    }
}
