using System.Net;
using System.Text.Json;
using OpenImr.Web.Demo;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Demo;

public sealed class DemoSeederTests
{
    [Fact]
    public async Task Seed_EmptyDatabase_LoadsCasesInEveryStateLettersAndDemoUsers()
    {
        using var database = new TempSqlite();
        await using var server = await ImrServer.StartAsync(database.Target, demo: true);

        var cases = await GetAsync(server.Client(DemoUsers.Coordinator.Token), "/api/cases");
        var statuses = cases.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("status").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "received", "awaiting-records", "in-review", "letter-issued", "closed" }, statuses);
        Assert.All(cases.GetProperty("cases").EnumerateArray(), c => Assert.StartsWith("DEMO-", c.GetProperty("caseNumber").GetString(), StringComparison.Ordinal));
        var stats = await GetAsync(server.Client(DemoUsers.Coordinator.Token), "/api/stats");
        Assert.Equal(5, stats.GetProperty("letters").GetInt32());
        var reviewerCases = await GetAsync(server.Client(DemoUsers.Reviewer.Token), "/api/cases");
        Assert.True(reviewerCases.GetProperty("total").GetInt32() >= 3, "the demo reviewer has the assigned cases");
        Assert.True(reviewerCases.GetProperty("total").GetInt32() < cases.GetProperty("total").GetInt32(), "the demo reviewer sees only assigned cases");
    }

    [Fact]
    public async Task Seed_DatabaseWithUsers_IsNotLoadedAgainAndStaysActive()
    {
        using var database = new TempSqlite();
        int total;
        await using (var first = await ImrServer.StartAsync(database.Target, demo: true))
        {
            total = (await GetAsync(first.Client(DemoUsers.Coordinator.Token), "/api/cases")).GetProperty("total").GetInt32();
        }

        await using var second = await ImrServer.StartAsync(database.Target, demo: true);
        Assert.Equal(total, (await GetAsync(second.Client(DemoUsers.Coordinator.Token), "/api/cases")).GetProperty("total").GetInt32());
        var signIn = await second.Client(null).GetStringAsync("/sign-in", TestContext.Current.CancellationToken);
        Assert.Contains(DemoUsers.Coordinator.Token, signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_DemoOff_LeavesDatabaseEmptyAndSignInWithoutDemoUsers()
    {
        using var database = new TempSqlite();
        await using var server = await ImrServer.StartAsync(database.Target, demo: false);

        var cases = await GetAsync(server.Client(), "/api/cases");
        Assert.Equal(0, cases.GetProperty("total").GetInt32());
        using var demoToken = await server.Client(DemoUsers.Coordinator.Token).GetAsync("/api/cases", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, demoToken.StatusCode);
        var signIn = await server.Client(null).GetStringAsync("/sign-in", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("Demo sign-ins", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo data: synthetic cases", signIn, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }
}
