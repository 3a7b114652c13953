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

    private async Task<(string Id, string Token)> CreateUserAsync(string role, string name)
    {
        using var response = await app.Server.Client().PostJsonAsync("/api/users", new { name, role });
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetString()!, created.GetProperty("token").GetString()!);
    }

    private async Task<HttpStatusCode> StatsStatusAsync(string token)
    {
        using var response = await app.Server.Client(token).GetAsync("/api/stats", Http.Cancel);
        return response.StatusCode;
    }

    [Fact]
    public async Task IssueToken_ExistingUser_NewAndOldTokenBothWork()
    {
        var (id, first) = await CreateUserAsync("party", "Party With Two Tokens");

        using var response = await app.Server.Client().PostAsync($"/api/users/{id}/tokens", null, Http.Cancel);

        var issued = await response.ExpectAsync(HttpStatusCode.Created);
        var second = issued.GetProperty("token").GetString()!;
        Assert.NotEqual(first, second);
        Assert.Equal(id, issued.GetProperty("userId").GetString());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (await StatsStatusAsync(first), await StatsStatusAsync(second)));
    }

    [Fact]
    public async Task RevokeTokens_UserWithATokenInUse_StopsItAtOnce()
    {
        var (id, token) = await CreateUserAsync("coordinator", "Coordinator Who Leaves");
        // The first request makes this server remember the token.
        Assert.Equal(HttpStatusCode.OK, await StatsStatusAsync(token));

        using var response = await app.Server.Client().DeleteAsync($"/api/users/{id}/tokens", Http.Cancel);

        var revoked = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, revoked.GetProperty("revoked").GetInt32());
        Assert.False(revoked.GetProperty("keptTheCallersToken").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await StatsStatusAsync(token));
    }

    [Fact]
    public async Task RevokeTokens_AdministratorsOwnTokens_KeepsTheOneMakingTheRequest()
    {
        var (id, old) = await CreateUserAsync("administrator", "Administrator Rotating A Token");
        using var issue = await app.Server.Client(old).PostAsync($"/api/users/{id}/tokens", null, Http.Cancel);
        var fresh = (await issue.ExpectAsync(HttpStatusCode.Created)).GetProperty("token").GetString()!;

        using var response = await app.Server.Client(fresh).DeleteAsync($"/api/users/{id}/tokens", Http.Cancel);

        var revoked = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((1, true), (revoked.GetProperty("revoked").GetInt32(), revoked.GetProperty("keptTheCallersToken").GetBoolean()));
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (await StatsStatusAsync(old), await StatsStatusAsync(fresh)));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task Tokens_UnknownUser_ReturnsNotFound(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/users/{Guid.NewGuid()}/tokens");

        using var response = await app.Server.Client().SendAsync(request, Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RevokeTokens_Coordinator_IsForbidden()
    {
        var (id, token) = await CreateUserAsync("party", "Party Nobody Can Revoke But An Administrator");

        using var response = await app.Client("coordinator").DeleteAsync($"/api/users/{id}/tokens", Http.Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await StatsStatusAsync(token));
    }

    [Fact]
    public async Task RevokeTokens_ReviewersId_StopsTheReviewersToken()
    {
        using var created = await app.Server.Client().PostJsonAsync("/api/reviewers",
            new { name = "Dr Synthetic Departing", licensure = new[] { "CA" }, specialties = new[] { "Orthopedic Surgery" } });
        var reviewer = await created.ExpectAsync(HttpStatusCode.Created);
        var token = reviewer.GetProperty("token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await StatsStatusAsync(token));

        using var response = await app.Server.Client().DeleteAsync($"/api/users/{reviewer.GetProperty("id").GetString()}/tokens", Http.Cancel);

        Assert.Equal(1, (await response.ExpectAsync(HttpStatusCode.OK)).GetProperty("revoked").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, await StatsStatusAsync(token));
    }
}
