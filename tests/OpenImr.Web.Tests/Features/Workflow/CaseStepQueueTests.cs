using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Workflow;

/// <summary>Steps on one case without <c>If-Match</c> are taken in turn (issue 16): none lost, each seeing the one before.</summary>
public sealed partial class CaseStepQueueTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Assignment_TwentyInParallelWithoutIfMatch_AllTakenInTurnEachSeeingTheEarlier()
    {
        var (first, _) = await app.Server.CreateReviewerAsync("Dr Synthetic Queue One");
        var (second, _) = await app.Server.CreateReviewerAsync("Dr Synthetic Queue Two");
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-QUEUE-0001");
        await app.Client("coordinator").PostStepAsync(id, "eligibility", HttpStatusCode.OK);
        var before = (await app.Client("coordinator").GetCaseAsync(id)).GetProperty("version").GetInt32();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            app.Client("coordinator").PostAsJsonAsync($"/api/cases/{id}/assignment", new { reviewerId = i % 2 == 0 ? first : second }, Http.Cancel)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var view = await app.Client("coordinator").GetCaseAsync(id);
        Assert.Equal(before + 20, view.GetProperty("version").GetInt32());
        var assigned = view.GetProperty("history").EnumerateArray()
            .Where(h => h.GetProperty("action").GetString() == "case.assigned")
            .Select(h => h.GetProperty("detail").GetString()!)
            .ToList();
        Assert.Equal(20, assigned.Count);
        for (var i = 1; i < assigned.Count; i++)
        {
            var previous = ReviewerOf(assigned[i - 1]);
            var current = ReviewerOf(assigned[i]);
            Assert.Equal(previous != current, assigned[i].Contains($"replacing {previous}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Step_ParallelWithStaleIfMatch_StillAnswersConflict()
    {
        var id = await app.Client("coordinator").CreateCaseAsync("CM-TEST-QUEUE-0002");
        var version = (await app.Client("coordinator").GetCaseAsync(id)).GetProperty("version").GetInt32();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/eligibility") { Content = JsonContent.Create(new { }) };
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
            return await app.Client("coordinator").SendAsync(request, Http.Cancel);
        }));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private static string ReviewerOf(string detail) => ReviewerId().Match(detail).Groups["id"].Value;

    [GeneratedRegex(@"^[^(]*\((?<id>[0-9a-f\-]{36})\)")]
    private static partial Regex ReviewerId();
}
