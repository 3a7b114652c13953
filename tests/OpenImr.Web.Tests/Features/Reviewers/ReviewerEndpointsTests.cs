using System.Net;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Reviewers;

public sealed class ReviewerEndpointsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task CreateReviewer_AsAdministrator_ReturnsIdAndOwnToken()
    {
        using var response = await app.Server.Client().PostJsonAsync("/api/reviewers", new
        {
            name = "Dr Synthetic Reviewer",
            licensure = new[] { "CA", "New York" },
            specialties = new[] { "Occupational Medicine", "Preventive Medicine" },
            affiliations = new[] { "Synthetic Clinic" },
            yearsOfPractice = 12,
            hoursPerWeek = 10,
        });

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.NotEqual(Guid.Empty, created.GetProperty("id").GetGuid());
        Assert.Equal($"/api/reviewers/{created.GetProperty("id").GetGuid()}", response.Headers.Location?.OriginalString);
        var token = created.GetProperty("token").GetString()!;
        using var stats = await app.Server.Client(token).GetAsync("/api/stats", Http.Cancel);
        await stats.ExpectAsync(HttpStatusCode.OK);
        using var refused = await app.Server.Client(token).PostJsonAsync("/api/reviewers", new { name = "Dr Self Promoted" });
        await refused.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ListReviewers_AsCoordinator_ShowsCredentials()
    {
        using var created = await app.Server.Client().PostJsonAsync("/api/reviewers", new { name = "Dr Listed", licensure = new[] { "ca" }, specialties = new[] { "Orthopedic Surgery" } });
        var id = (await created.ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        using var response = await app.Client("coordinator").GetAsync("/api/reviewers", Http.Cancel);

        var listed = (await response.ExpectAsync(HttpStatusCode.OK)).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal("Dr Listed", listed.GetProperty("name").GetString());
        Assert.Equal("CA", listed.GetProperty("licensure")[0].GetString());
        Assert.Equal("Orthopedic Surgery", listed.GetProperty("specialties")[0].GetString());
        Assert.False(listed.TryGetProperty("token", out _));
    }

    [Fact]
    public async Task CreateReviewer_UnknownState_ReturnsErrorForThatEntry()
    {
        using var response = await app.Server.Client().PostJsonAsync("/api/reviewers", new { name = "Dr Nowhere", licensure = new[] { "CA", "Atlantis" } });

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["licensure[1]"], problem.ErrorKeys());
    }

    [Fact]
    public async Task CreateReviewer_WithoutName_ReturnsValidationProblem()
    {
        using var response = await app.Server.Client().PostJsonAsync("/api/reviewers", new { licensure = new[] { "CA" } });

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["name"], problem.ErrorKeys());
    }
}
