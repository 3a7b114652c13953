using System.Net;
using System.Net.Http.Json;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Workflow;

/// <summary>The workflow routes answer 501 with a problem detail until the case workflow lands.</summary>
public sealed class WorkflowEndpointsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("POST", "eligibility", "coordinator")]
    [InlineData("POST", "records-complete", "coordinator")]
    [InlineData("POST", "assignment", "administrator")]
    [InlineData("POST", "review", "coordinator")]
    [InlineData("GET", "letter", "coordinator")]
    public async Task WorkflowRoute_VisibleCase_ReturnsNotImplementedProblem(string method, string step, string role)
    {
        var id = await app.Client("coordinator").CreateCaseAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/cases/{id}/{step}");
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await app.Client(role).SendAsync(request, Http.Cancel);

        var problem = await response.ExpectAsync(HttpStatusCode.NotImplemented);
        Assert.Contains("workflow", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
