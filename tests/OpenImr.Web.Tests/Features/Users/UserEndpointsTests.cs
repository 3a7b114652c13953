using System.Net;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Users;

public sealed class UserEndpointsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task CreateUser_Coordinator_ReturnsWorkingToken()
    {
        using var response = await app.Server.Client().PostJsonAsync("/api/users", new { name = "Second Coordinator", role = "coordinator" });

        var created = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("coordinator", created.GetProperty("role").GetString());
        var token = created.GetProperty("token").GetString()!;
        Assert.StartsWith("imr_", token, StringComparison.Ordinal);
        using var stats = await app.Server.Client(token).GetAsync("/api/stats", Http.Cancel);
        await stats.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task CreateUser_ReviewerRole_ReturnsValidationProblem()
    {
        using var response = await app.Server.Client().PostJsonAsync("/api/users", new { name = "Dr Wrong Door", role = "reviewer" });

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["role"], problem.ErrorKeys());
    }

    [Fact]
    public async Task CreateUser_WithoutName_ReturnsValidationProblem()
    {
        using var response = await app.Server.Client().PostJsonAsync("/api/users", new { role = "party" });

        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["name"], problem.ErrorKeys());
    }
}
