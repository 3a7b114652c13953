using System.Net;
using OpenImr.Web.Tests.Features.Workflow;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Cases;

public sealed class CaseEndpointsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task CreateCase_SameClaimFiledTwice_StoresBothAndFlagsTheEarlierForStaff()
    {
        var first = await CreateAsync("coordinator", ClaimCase("CM-TEST-DUP-0001", "2014-02-03"));

        var second = await CreateAsync("coordinator", ClaimCase("CM-TEST-DUP-0002", "2014-02-03"));
        var byParty = await CreateAsync("party", ClaimCase("CM-TEST-DUP-0003", "2014-02-03"));
        var otherClaim = await CreateAsync("coordinator", ClaimCase("CM-TEST-DUP-0004", "2014-02-04"));

        Assert.Equal([first.GetProperty("id").GetGuid()], Ids(second));
        Assert.Empty(Ids(byParty));
        Assert.Empty(Ids(otherClaim));
        var history = (await app.Client("coordinator").GetCaseAsync(second.GetProperty("id").GetGuid())).Actions();
        Assert.Equal(["case.created", "case.possible-duplicate"], history);
    }

    [Fact]
    public async Task CreateCase_SameCaseNumberAfterTheFirstClosed_IsNotFlagged()
    {
        var first = await CreateAsync("coordinator", ClaimCase("CM-TEST-DUP-0100", "2014-03-03"));
        var again = await CreateAsync("coordinator", ClaimCase("CM-TEST-DUP-0100", "2014-03-04"));
        using (var close = await app.Client("coordinator").PostJsonAsync($"/api/cases/{first.GetProperty("id").GetGuid()}/close", new { reason = "withdrawn" }))
        {
            await close.ExpectAsync(HttpStatusCode.OK);
        }

        using (var closeAgain = await app.Client("coordinator").PostJsonAsync($"/api/cases/{again.GetProperty("id").GetGuid()}/close", new { reason = "withdrawn" }))
        {
            await closeAgain.ExpectAsync(HttpStatusCode.OK);
        }

        var third = await CreateAsync("coordinator", ClaimCase("CM-TEST-DUP-0100", "2014-03-05"));

        Assert.Equal([first.GetProperty("id").GetGuid()], Ids(again));
        Assert.Empty(Ids(third));
    }

    private static object ClaimCase(string caseNumber, string injury) => new
    {
        caseNumber,
        dates = new { injury, urDenial = "2015-01-20" },
        requests = new[] { new { description = "Synthetic request: MRI of the left knee" } },
        documents = new[] { new { type = "clinical-summary", text = "Synthetic record: knee pain." } },
    };

    private async Task<System.Text.Json.JsonElement> CreateAsync(string role, object body)
    {
        using var response = await app.Client(role).PostJsonAsync("/api/cases", body);
        return await response.ExpectAsync(HttpStatusCode.Created);
    }

    private static Guid[] Ids(System.Text.Json.JsonElement created) =>
        [.. created.GetProperty("possibleDuplicates").EnumerateArray().Select(d => d.GetGuid())];

    [Fact]
    public async Task CreateCase_ValidCase_ReturnsIdStatusAndDeadlines()
    {
        using var response = await app.Client("coordinator").PostJsonAsync("/api/cases", TestCases.ValidCase());

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/cases/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("received", created.GetProperty("status").GetString());
        var deadlines = created.GetProperty("deadlines");
        Assert.True(deadlines.TryGetProperty("recordsDue", out _));
        Assert.True(deadlines.TryGetProperty("determinationDue", out _));
    }

    [Fact]
    public async Task GetCase_AfterCreate_ShowsRequestsDocumentsAndHistory()
    {
        var client = app.Client("coordinator");
        var id = await client.CreateCaseAsync("CM-TEST-WEB-0002");

        using var response = await client.GetAsync($"/api/cases/{id}", Http.Cancel);

        var view = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("CM-TEST-WEB-0002", view.GetProperty("caseNumber").GetString());
        Assert.Equal("received", view.GetProperty("status").GetString());
        Assert.Equal("2015-05-14", view.GetProperty("dates").GetProperty("injury").GetString());
        Assert.Equal(["10 work conditioning sessions", "MRI of the lumbar spine"],
            view.GetProperty("requests").EnumerateArray().Select(r => r.GetProperty("description").GetString()).ToArray());
        var documents = view.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(2, documents.Count);
        Assert.True(documents[0].GetProperty("textLength").GetInt32() > 0);
        Assert.Equal("records/pr2.pdf", documents[1].GetProperty("fileName").GetString());
        Assert.Equal(JsonValueKindNull, documents[1].GetProperty("textLength").ValueKind);
        var history = view.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal("case.created", history[0].GetProperty("action").GetString());
        Assert.Equal("Test Coordinator (coordinator)", history[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task CreateCase_MissingFields_ListsEveryFieldInError()
    {
        var body = new
        {
            priority = "urgent",
            patient = new { age = 52, sex = "unknown" },
            requests = new[] { new { description = "12 sessions of physical therapy" }, new { description = "  " } },
            documents = new object[] { new { type = "progress-report" }, new { text = "Synthetic: a note." } },
        };

        using var response = await app.Server.Client().PostJsonAsync("/api/cases", body);

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["documents[0].text", "patient.sex", "priority", "requests[1].description"], problem.ErrorKeys());
    }

    [Fact]
    public async Task CreateCase_NoRequestsNoDocuments_ReportsBothLists()
    {
        using var response = await app.Server.Client().PostJsonAsync("/api/cases", new { caseNumber = "CM-TEST-EMPTY" });

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["documents", "requests"], problem.ErrorKeys());
    }

    [Fact]
    public async Task GetCase_AsOtherParty_ReturnsNotFound()
    {
        var id = await app.Client("party").CreateCaseAsync("CM-TEST-WEB-PARTY");
        var otherParty = await app.Server.CreateUserAsync("party", "Another Party");

        using var own = await app.Client("party").GetAsync($"/api/cases/{id}", Http.Cancel);
        using var other = await app.Server.Client(otherParty).GetAsync($"/api/cases/{id}", Http.Cancel);
        using var reviewer = await app.Client("reviewer").GetAsync($"/api/cases/{id}", Http.Cancel);
        using var coordinator = await app.Client("coordinator").GetAsync($"/api/cases/{id}", Http.Cancel);

        await own.ExpectAsync(HttpStatusCode.OK);
        await other.ExpectAsync(HttpStatusCode.NotFound);
        await reviewer.ExpectAsync(HttpStatusCode.NotFound);
        await coordinator.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ListCases_ByRole_ShowsOnlyVisibleCases()
    {
        var partyToken = await app.Server.CreateUserAsync("party", "Listing Party");
        var mine = await app.Server.Client(partyToken).CreateCaseAsync("CM-TEST-LIST-PARTY");
        var staff = await app.Client("coordinator").CreateCaseAsync("CM-TEST-LIST-STAFF");

        using var asParty = await app.Server.Client(partyToken).GetAsync("/api/cases", Http.Cancel);
        using var asCoordinator = await app.Client("coordinator").GetAsync("/api/cases?status=received&pageSize=500", Http.Cancel);
        using var asReviewer = await app.Client("reviewer").GetAsync("/api/cases", Http.Cancel);
        using var closed = await app.Client("coordinator").GetAsync("/api/cases?status=closed&pageSize=500", Http.Cancel);

        var partyList = await asParty.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, partyList.GetProperty("total").GetInt32());
        Assert.Equal(mine, partyList.GetProperty("cases")[0].GetProperty("id").GetGuid());
        var ids = (await asCoordinator.ExpectAsync(HttpStatusCode.OK)).GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(mine, ids);
        Assert.Contains(staff, ids);
        Assert.True(ids.IndexOf(staff) < ids.IndexOf(mine), "newest first");
        Assert.Equal(0, (await asReviewer.ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        var closedIds = (await closed.ExpectAsync(HttpStatusCode.OK)).GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.DoesNotContain(mine, closedIds);
        Assert.DoesNotContain(staff, closedIds);
    }

    [Fact]
    public async Task GetCase_Unknown_ReturnsNotFoundProblem()
    {
        using var response = await app.Server.Client().GetAsync($"/api/cases/{Guid.NewGuid()}", Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.NotFound);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
