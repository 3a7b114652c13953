using System.Net;
using System.Net.Http.Json;

namespace OpenImr.Web.Tests.Infrastructure;

/// <summary>The 401/403 matrix: every /api route, without a token, with a wrong one, and with each role (a route of one case out of sight: 404).</summary>
public sealed class PoliciesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Admin = "administrator";
    private const string Coordinator = "coordinator";
    private const string Reviewer = "reviewer";
    private const string Party = "party";
    private static readonly string[] Everyone = [Admin, Coordinator, Reviewer, Party];

    /// <summary>Each /api route and the roles allowed through authorization.</summary>
    private static readonly (string Method, string Path, string[] Allowed)[] Routes =
    [
        ("POST", "/api/users", [Admin]),
        ("POST", "/api/reviewers", [Admin]),
        ("GET", "/api/reviewers", [Admin, Coordinator]),
        ("POST", "/api/cases", [Admin, Coordinator, Party]),
        ("GET", "/api/cases", Everyone),
        ("GET", "/api/cases/{id}", Everyone),
        ("POST", "/api/cases/{id}/documents", [Admin, Coordinator, Party]),
        ("GET", "/api/cases/{id}/documents/{documentId}", Everyone),
        ("GET", "/api/cases/{id}/documents/{documentId}/content", Everyone),
        ("GET", "/api/cases/{id}/facts", Everyone),
        ("POST", "/api/cases/{id}/eligibility", [Admin, Coordinator]),
        ("POST", "/api/cases/{id}/records-complete", [Admin, Coordinator]),
        ("POST", "/api/cases/{id}/assignment", [Admin, Coordinator]),
        ("POST", "/api/cases/{id}/review", [Admin, Coordinator, Reviewer]),
        ("PUT", "/api/cases/{id}/determinations", [Reviewer]),
        ("POST", "/api/cases/{id}/letter", [Reviewer]),
        ("GET", "/api/cases/{id}/letter", Everyone),
        ("GET", "/api/cases/{id}/letter/public", Everyone),
        ("GET", "/api/cases/{id}/letter/public/preview", [Admin, Coordinator]),
        ("POST", "/api/cases/{id}/expedite", [Admin, Coordinator]),
        ("POST", "/api/cases/{id}/close", [Admin, Coordinator]),
        ("POST", "/api/letters", [Admin, Coordinator]),
        ("GET", "/api/letters", Everyone),
        ("GET", "/api/letters/{caseNumber}", Everyone),
        ("GET", "/api/stats", Everyone),
    ];

    public static TheoryData<string, string> AllRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path, _) in Routes)
        {
            data.Add(method, path);
        }

        return data;
    }

    public static TheoryData<string, string, string> RouteRoles()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, path, _) in Routes)
        {
            foreach (var role in Everyone)
            {
                data.Add(method, path, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Route_WithoutToken_ReturnsUnauthorizedProblem(string method, string path)
    {
        using var response = await SendAsync(app.Server.Client(token: null), method, path);

        await response.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Route_WithUnknownToken_ReturnsUnauthorizedProblem(string method, string path)
    {
        using var response = await SendAsync(app.Server.Client("imr_not-a-real-token"), method, path);

        await response.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Route_WithNonBearerAuthorization_ReturnsUnauthorizedProblem(string method, string path)
    {
        var client = app.Server.Client(token: null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "YWRtaW46YWRtaW4=");

        using var response = await SendAsync(client, method, path);

        await response.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(RouteRoles))]
    public async Task Route_WithRole_ForbidsExactlyTheOtherRoles(string method, string path, string role)
    {
        var allowed = Routes.Single(r => r.Method == method && r.Path == path).Allowed.Contains(role);

        using var response = await SendAsync(app.Client(role), method, path);

        if (allowed)
        {
            var body = await response.Content.ReadAsStringAsync(Http.Cancel);
            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                $"{role} was refused {method} {path}: {(int)response.StatusCode} {body}");
        }
        else
        {
            // Note that the routes of one case answer 404 for a case out of the caller's sight (the id here is no case).
            await response.ExpectAsync(path.StartsWith("/api/cases/{id}", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        var url = path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{documentId}", "1", StringComparison.Ordinal)
            .Replace("{caseNumber}", "CM-TEST-NONE", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = path.EndsWith("/documents", StringComparison.Ordinal) || path == "/api/letters"
                ? Http.File("Synthetic text."u8.ToArray(), "note.txt", "text/plain", path == "/api/letters" ? "files" : "file")
                : JsonContent.Create(new { });
        }

        return await client.SendAsync(request, Http.Cancel);
    }
}
