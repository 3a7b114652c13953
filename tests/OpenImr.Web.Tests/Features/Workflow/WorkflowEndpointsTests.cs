using System.Net;
using System.Net.Http.Json;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Workflow;

/// <summary>Each workflow step refused (409) out of order, for an unfit reviewer, a second letter or a stale version; bad decisions (400); the ineligible path.</summary>
public sealed class WorkflowEndpointsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("records-complete", "coordinator")]
    [InlineData("review", "coordinator")]
    [InlineData("assignment", "administrator")]
    public async Task Step_BeforeEligibility_ReturnsConflictOutOfOrder(string step, string role)
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-WFL-ORDER");

        var problem = await app.Client(role).PostStepAsync(id, step, HttpStatusCode.Conflict);

        Assert.Equal("WFL001", problem.GetProperty("code").GetString());
        Assert.Equal("received", problem.GetProperty("caseStatus").GetString());
    }

    [Fact]
    public async Task Review_BeforeAssignment_ReturnsConflict()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-WFL-REVIEW");
        await app.Client("coordinator").PostStepAsync(id, "eligibility", HttpStatusCode.OK);

        var problem = await app.Client("coordinator").PostStepAsync(id, "review", HttpStatusCode.Conflict);

        Assert.Equal("WFL001", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Letter_BeforeDeterminations_ReturnsConflict()
    {
        var (reviewerId, token) = await app.Server.CreateReviewerAsync("Dr Synthetic Early Letter");
        var id = await app.Server.AssignedCaseAsync("CM-TEST-WFL-EARLY", reviewerId);
        await app.Server.ReviewedCaseAsync(id, token);

        var problem = await app.Server.Client(token).PostStepAsync(id, "letter", HttpStatusCode.Conflict);

        Assert.Equal("WFL001", problem.GetProperty("code").GetString());
        Assert.Equal("in-review", problem.GetProperty("caseStatus").GetString());
    }

    [Fact]
    public async Task Assignment_NotQualifiedReviewer_ReturnsConflictWithReasons()
    {
        var (reviewerId, _) = await app.Server.CreateReviewerAsync("Dr Synthetic Junior", years: 3, hours: 10);
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-WFL-JUNIOR");
        await app.Client("coordinator").PostStepAsync(id, "eligibility", HttpStatusCode.OK);

        var problem = await app.Client("coordinator").PostStepAsync(id, "assignment", HttpStatusCode.Conflict, new { reviewerId });

        Assert.Equal("WFL003", problem.GetProperty("code").GetString());
        var codes = problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToArray();
        Assert.Equal(["RVW001", "RVW002"], codes);
        Assert.Equal("eligible", (await app.Client("coordinator").GetCaseAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Assignment_ConflictedReviewer_ReturnsConflictWithReasons()
    {
        var (reviewerId, _) = await app.Server.CreateReviewerAsync("Dr Synthetic Insurer Consultant", affiliations: ["Synthetic Insurer"]);
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-WFL-CONFLICT");
        await app.Client("coordinator").PostStepAsync(id, "eligibility", HttpStatusCode.OK);

        var problem = await app.Client("coordinator").PostStepAsync(id, "assignment", HttpStatusCode.Conflict, new { reviewerId });

        Assert.Equal("WFL003", problem.GetProperty("code").GetString());
        Assert.Equal(["RVW011"], problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).ToArray());
    }

    [Fact]
    public async Task Assignment_UnknownReviewer_ReturnsNotFound()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-WFL-UNKNOWN");
        await app.Client("coordinator").PostStepAsync(id, "eligibility", HttpStatusCode.OK);

        await app.Client("coordinator").PostStepAsync(id, "assignment", HttpStatusCode.NotFound, new { reviewerId = Guid.NewGuid() });
    }

    [Fact]
    public async Task Assignment_NoQualifiedReviewer_ReturnsConflict()
    {
        using var database = new TempSqlite();
        await using var server = await ImrServer.StartAsync(database.Target);
        await server.CreateReviewerAsync("Dr Synthetic Part Time", hours: 8);
        await server.CreateReviewerAsync("Dr Synthetic Employer Doctor", affiliations: ["Synthetic Employer"]);
        var id = await server.Client().CreateCaseAsync("CM-TEST-WFL-NOBODY");
        await server.Client().PostStepAsync(id, "eligibility", HttpStatusCode.OK);

        var problem = await server.Client().PostStepAsync(id, "assignment", HttpStatusCode.Conflict);

        Assert.Equal("WFL004", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Assignment_Best_PrefersTheLessBusyOfEquallyFitReviewers()
    {
        using var database = new TempSqlite();
        await using var server = await ImrServer.StartAsync(database.Target);
        var (busy, _) = await server.CreateReviewerAsync("Dr Synthetic Busy");
        var (free, _) = await server.CreateReviewerAsync("Dr Synthetic Free");
        await server.AssignedCaseAsync("CM-TEST-WFL-LOAD1", busy);
        var id = await server.Client().CreateCaseAsync("CM-TEST-WFL-LOAD2");
        await server.Client().PostStepAsync(id, "eligibility", HttpStatusCode.OK);

        var assigned = await server.Client().PostStepAsync(id, "assignment", HttpStatusCode.OK);

        Assert.Equal(free, assigned.GetProperty("reviewerId").GetGuid());
    }

    [Fact]
    public async Task Eligibility_FiledFortyDaysAfterPersonalService_ClosesCaseWithReason()
    {
        using var create = await app.Client("coordinator").PostJsonAsync("/api/cases", new
        {
            caseNumber = "CM-TEST-WFL-LATE",
            dates = new { injury = "2015-05-14", urDenial = "2015-08-27", applicationReceived = "2015-10-06" },
            application = new { signed = true, urDecisionServed = "2015-08-27", servedBy = "personal", urDecisionAttached = true, conditionalNonCertification = false },
            requests = new[] { new { description = "10 work conditioning sessions" } },
            documents = new[] { new { type = "clinical-summary", text = "Synthetic: chronic low back pain." } },
        });
        var id = (await create.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var result = await app.Client("coordinator").PostStepAsync(id, "eligibility", HttpStatusCode.OK);

        Assert.False(result.GetProperty("eligible").GetBoolean());
        Assert.Contains(result.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "ELG001");
        var view = await app.Client("coordinator").GetCaseAsync(id);
        Assert.Equal("closed", view.GetProperty("status").GetString());
        Assert.Equal(["case.created", "case.ineligible", "case.closed"], view.History());
        Assert.Contains("ELG001", view.GetProperty("history")[2].GetProperty("detail").GetString(), StringComparison.Ordinal);
        var again = await app.Client("coordinator").PostStepAsync(id, "assignment", HttpStatusCode.Conflict);
        Assert.Equal("WFL001", again.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Eligibility_MissingInformation_LeavesCaseReceived()
    {
        using var create = await app.Client("coordinator").PostJsonAsync("/api/cases", new
        {
            caseNumber = "CM-TEST-WFL-MISSING",
            requests = new[] { new { description = "10 work conditioning sessions" } },
            documents = new[] { new { type = "clinical-summary", text = "Synthetic: chronic low back pain." } },
        });
        var id = (await create.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var result = await app.Client("coordinator").PostStepAsync(id, "eligibility", HttpStatusCode.OK);

        Assert.False(result.GetProperty("eligible").GetBoolean());
        Assert.All(result.GetProperty("reasons").EnumerateArray(), r => Assert.Equal("ELG007", r.GetProperty("code").GetString()));
        Assert.Equal("received", (await app.Client("coordinator").GetCaseAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Determinations_UnknownRequestOrBadDecision_ReturnsBadRequest()
    {
        var (reviewerId, token) = await app.Server.CreateReviewerAsync("Dr Synthetic Careful");
        var id = await app.Server.AssignedCaseAsync("CM-TEST-WFL-BAD", reviewerId);
        await app.Server.ReviewedCaseAsync(id, token);
        var reviewer = app.Server.Client(token);

        var problem = await reviewer.PutDecisionsAsync(id, new object[]
        {
            new { request = "A knee brace", decision = "Upheld", rationale = "Synthetic." },
            new { request = "MRI of the lumbar spine", decision = "NoRecommendation", rationale = "Synthetic." },
            new { request = "10 work conditioning sessions", decision = "Maybe", rationale = "Synthetic." },
        }, HttpStatusCode.BadRequest);

        Assert.Equal(["[0].request", "[1].decision", "[2].decision"], problem.ErrorKeys());
        Assert.Equal("in-review", (await app.Client("coordinator").GetCaseAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Determinations_OtherReviewer_ReturnsNotFound()
    {
        var (reviewerId, _) = await app.Server.CreateReviewerAsync("Dr Synthetic Assigned");
        var (_, otherToken) = await app.Server.CreateReviewerAsync("Dr Synthetic Other");
        var id = await app.Server.AssignedCaseAsync("CM-TEST-WFL-OTHER", reviewerId);

        await app.Server.Client(otherToken).PutDecisionsAsync(id, Workflow.Decisions(["Upheld", "Upheld"]), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Step_StaleIfMatchVersion_ReturnsConflict()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-WFL-STALE");
        var version = (await app.Client("coordinator").GetCaseAsync(id)).GetProperty("version").GetInt32();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/eligibility") { Content = JsonContent.Create(new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version - 1}\"");

        using var response = await app.Client("coordinator").SendAsync(request, Http.Cancel);

        var problem = await response.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("concurrent-edit", problem.GetProperty("code").GetString());
        Assert.Equal("received", (await app.Client("coordinator").GetCaseAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Step_ConcurrentRequests_OnlyOneSucceeds()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-WFL-RACE");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            app.Client("coordinator").PostAsJsonAsync($"/api/cases/{id}/eligibility", new { }, Http.Cancel)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Single((await app.Client("coordinator").GetCaseAsync(id)).History(), a => a == "case.eligible");
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("html")]
    public async Task GetLetter_BeforeIssue_ReturnsNotFound(string format)
    {
        var id = await app.Client("party").CreateCaseAsync("CM-TEST-WFL-NOLETTER");

        using var response = await app.Client("party").GetAsync($"/api/cases/{id}/letter?format={format}", Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetLetter_UnknownFormat_ReturnsBadRequest()
    {
        var id = await app.Client("party").CreateCaseAsync("CM-TEST-WFL-FORMAT");

        using var response = await app.Client("party").GetAsync($"/api/cases/{id}/letter?format=docx", Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.BadRequest);
    }
}

public sealed class CaseStatusNamesTests
{
    [Fact]
    public void StorageStatuses_MatchTheDomainStatusNames()
    {
        var domain = Enum.GetValues<OpenImr.Domain.Cases.CaseStatus>()
            .Select(s => System.Text.Json.JsonSerializer.Serialize(s).Trim('"'))
            .Order(StringComparer.Ordinal);
        var storage = typeof(OpenImr.Storage.Service.CaseStatuses).GetFields()
            .Select(f => (string)f.GetValue(null)!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(domain, storage);
    }
}
