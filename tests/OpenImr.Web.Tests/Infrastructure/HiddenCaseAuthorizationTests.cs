using System.Net;
using System.Net.Http.Json;

namespace OpenImr.Web.Tests.Infrastructure;

/// <summary>A role refused on a route of one case: 404 for a case out of sight, 403 for one in sight (issue 16).</summary>
public sealed class HiddenCaseAuthorizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("eligibility")]
    [InlineData("records-complete")]
    [InlineData("assignment")]
    [InlineData("expedite")]
    [InlineData("close")]
    public async Task StaffStep_OtherPartysCase_ReturnsNotFound(string step)
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-HIDDEN-0001");

        using var party = await app.Client("party").PostAsJsonAsync($"/api/cases/{id}/{step}", new { }, Http.Cancel);
        using var reviewer = await app.Client("reviewer").PostAsJsonAsync($"/api/cases/{id}/{step}", new { }, Http.Cancel);

        await party.ExpectAsync(HttpStatusCode.NotFound);
        await reviewer.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StaffStep_PartysOwnCase_ReturnsForbidden()
    {
        var id = await app.Client("party").CreateCaseAsync("CM-TEST-HIDDEN-0002");

        using var response = await app.Client("party").PostAsJsonAsync($"/api/cases/{id}/eligibility", new { }, Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task StaffPreview_OtherPartysCase_ReturnsNotFound()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-HIDDEN-0003");

        using var response = await app.Client("party").GetAsync($"/api/cases/{id}/letter/public/preview", Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.NotFound);
    }
}
