using System.Net;
using OpenImr.Web.Tests.Features.Workflow;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Cases;

/// <summary>A party reads their own case's steps without the IRO's internal choices (issue 16).</summary>
public sealed class PartyViewTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task GetCase_AsParty_ShowsTheStepsWithoutReviewerNamesIdsOrRejectionReasons()
    {
        var (chosen, _) = await app.Server.CreateReviewerAsync("Dr Synthetic Zyxchosen");
        var (conflicted, _) = await app.Server.CreateReviewerAsync("Dr Synthetic Qwvconflicted", affiliations: ["Synthetic Employer"]);
        var id = await app.Client("party").CreateCaseAsync("CM-TEST-PARTYVIEW-0001");
        await app.Client("coordinator").PostStepAsync(id, "eligibility", HttpStatusCode.OK);
        await app.Client("coordinator").PostStepAsync(id, "assignment", HttpStatusCode.Conflict, new { reviewerId = conflicted });
        await app.Client("coordinator").PostStepAsync(id, "assignment", HttpStatusCode.OK, new { reviewerId = chosen });

        var party = await app.Client("party").GetCaseAsync(id);
        var staff = await app.Client("coordinator").GetCaseAsync(id);

        var text = party.ToString();
        Assert.DoesNotContain("Zyxchosen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Qwvconflicted", text, StringComparison.Ordinal);
        Assert.DoesNotContain(chosen.ToString(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(conflicted.ToString(), text, StringComparison.Ordinal);
        Assert.DoesNotContain("Test Coordinator", text, StringComparison.Ordinal);
        Assert.Equal(["case.created", "case.eligible", "case.assigned"], party.History());
        Assert.Contains("records due", party.GetProperty("history")[2].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, party.GetProperty("assignedReviewerId").ValueKind);
        Assert.Contains("Zyxchosen", staff.ToString(), StringComparison.Ordinal);
        Assert.Contains("case.step-refused", staff.History());
    }

    [Fact]
    public async Task ListCases_AsParty_HidesTheAssignedReviewer()
    {
        var (reviewerId, _) = await app.Server.CreateReviewerAsync("Dr Synthetic Listed");
        var id = await app.Client("party").CreateCaseAsync("CM-TEST-PARTYVIEW-0002");
        await app.Client("coordinator").PostStepAsync(id, "eligibility", HttpStatusCode.OK);
        await app.Client("coordinator").PostStepAsync(id, "assignment", HttpStatusCode.OK, new { reviewerId });

        var list = await (await app.Client("party").GetAsync("/api/cases", Http.Cancel)).ExpectAsync(HttpStatusCode.OK);

        var listed = list.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, listed.GetProperty("assignedReviewerId").ValueKind);
    }
}
