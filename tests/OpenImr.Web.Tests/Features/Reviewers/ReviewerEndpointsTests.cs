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
