using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Workflow;

/// <summary>Drives cases through the workflow routes over HTTP.</summary>
internal static class Workflow
{
    /// <summary>Adds a reviewer through the API (qualified unless told otherwise) and returns its id and token.</summary>
    public static async Task<(Guid Id, string Token)> CreateReviewerAsync(
        this ImrServer server, string name, string[]? specialties = null, string[]? affiliations = null, int years = 12, int hours = 30)
    {
        using var response = await server.Client().PostJsonAsync("/api/reviewers", new
        {
            name,
            licensure = new[] { "CA", "NY" },
            specialties = specialties ?? ["Occupational Medicine", "Preventive Medicine"],
            affiliations = affiliations ?? [],
            yearsOfPractice = years,
            hoursPerWeek = hours,
        });
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        return (created.GetProperty("id").GetGuid(), created.GetProperty("token").GetString()!);
    }

    public static async Task<JsonElement> PostStepAsync(this HttpClient client, Guid caseId, string step, HttpStatusCode expected, object? body = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/{step}", body ?? new { }, Http.Cancel);
        return await response.ExpectAsync(expected);
    }

    public static async Task<JsonElement> PutDecisionsAsync(this HttpClient client, Guid caseId, object decisions, HttpStatusCode expected)
    {
        using var response = await client.PutAsJsonAsync($"/api/cases/{caseId}/determinations", decisions, Http.Cancel);
        return await response.ExpectAsync(expected);
    }

    /// <summary>Files the valid test case, screens it eligible and assigns <paramref name="reviewerId"/>.</summary>
    public static async Task<Guid> AssignedCaseAsync(this ImrServer server, string caseNumber, Guid reviewerId)
    {
        var id = await server.Client().CreateCaseAsync(caseNumber);
        await server.Client().PostStepAsync(id, "eligibility", HttpStatusCode.OK);
        await server.Client().PostStepAsync(id, "assignment", HttpStatusCode.OK, new { reviewerId });
        return id;
    }

    /// <summary>The assigned case with its records complete and the engine run; returns the engine's decisions.</summary>
    public static async Task<string[]> ReviewedCaseAsync(this ImrServer server, Guid caseId, string reviewerToken)
    {
        await server.Client().PostStepAsync(caseId, "records-complete", HttpStatusCode.OK);
        var review = await server.Client(reviewerToken).PostStepAsync(caseId, "review", HttpStatusCode.OK);
        return [.. review.GetProperty("determinations").EnumerateArray().Select(d => d.GetProperty("decision").GetString()!)];
    }

    /// <summary>The reviewer's decisions: the engine's first accepted, every other one overturned with a rationale of their own.</summary>
    public static object[] Decisions(string[] engine) =>
    [
        new { request = "10 work conditioning sessions", decision = engine[0] == "NoRecommendation" ? "Upheld" : engine[0], rationale = engine[0] == "NoRecommendation" ? "Synthetic rationale: no return-to-work goal." : null },
        new { request = "MRI of the lumbar spine", decision = "Overturned", rationale = "Synthetic rationale: red flags documented." },
    ];

    /// <summary>
    /// The actions of the case's history, without the intake note about possible duplicates: the
    /// tests of a class share a server and file the same synthetic claim, so that note depends on
    /// what other tests filed first.
    /// </summary>
    public static string[] History(this JsonElement caseView) =>
        [.. Actions(caseView).Where(a => a != "case.possible-duplicate")];

    /// <summary>Every action of the case's history, in order.</summary>
    public static string[] Actions(this JsonElement caseView) =>
        [.. caseView.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()!)];

    public static async Task<JsonElement> GetCaseAsync(this HttpClient client, Guid caseId)
    {
        using var response = await client.GetAsync($"/api/cases/{caseId}", Http.Cancel);
        return await response.ExpectAsync(HttpStatusCode.OK);
    }
}
