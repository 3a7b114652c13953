using System.Net;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Features.Health;

public sealed class HealthEndpointsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task GetHealth_WithoutToken_ReturnsStatusOk()
    {
        using var response = await app.Server.Client(token: null).GetAsync("/health", Http.Cancel);

        var body = await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("""{"status":"ok"}""", body.GetRawText());
    }
}
