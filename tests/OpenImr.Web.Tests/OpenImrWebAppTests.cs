using System.Net;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests;

public sealed class OpenImrWebAppTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static TheoryData<string, string> ContractRoutes => new()
    {
        { "/health", "get" },
        { "/api/reviewers", "post" },
        { "/api/users", "post" },
        { "/api/cases", "post" },
        { "/api/cases/{id}", "get" },
        { "/api/cases/{id}/eligibility", "post" },
        { "/api/cases/{id}/documents", "post" },
        { "/api/cases/{id}/records-complete", "post" },
        { "/api/cases/{id}/assignment", "post" },
        { "/api/cases/{id}/review", "post" },
        { "/api/cases/{id}/determinations", "put" },
        { "/api/cases/{id}/letter", "post" },
        { "/api/cases/{id}/letter", "get" },
        { "/api/cases/{id}/letter/public", "get" },
        { "/api/cases/{id}/expedite", "post" },
        { "/api/cases/{id}/close", "post" },
        { "/api/letters", "post" },
        { "/api/letters", "get" },
        { "/api/letters/{caseNumber}", "get" },
        { "/api/stats", "get" },
    };

    [Theory]
    [MemberData(nameof(ContractRoutes))]
    public async Task OpenApiDocument_WithoutToken_ListsEveryContractRoute(string path, string method)
    {
        using var response = await app.Server.Client(token: null).GetAsync("/openapi/v1.json", Http.Cancel);

        var document = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var operations), $"{path} is missing");
        Assert.True(operations.TryGetProperty(method, out _), $"{method} {path} is missing");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesBearerTokenOnApiRoutesOnly()
    {
        using var response = await app.Server.Client(token: null).GetAsync("/openapi/v1.json", Http.Cancel);

        var document = await response.ExpectAsync(HttpStatusCode.OK);
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/cases").GetProperty("post").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/health").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Scalar_WithoutToken_ServesTheReferencePage()
    {
        using var response = await app.Server.Client(token: null).GetAsync("/scalar/v1", Http.Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync(Http.Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoute_WithToken_ReturnsNotFoundProblem()
    {
        using var response = await app.Server.Client().GetAsync("/api/nothing-here", Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MalformedJson_ReturnsBadRequestProblem()
    {
        using var content = new StringContent("{\"requests\": [", System.Text.Encoding.UTF8, "application/json");

        using var response = await app.Server.Client().PostAsync("/api/cases", content, Http.Cancel);

        await response.ExpectAsync(HttpStatusCode.BadRequest);
    }
}
