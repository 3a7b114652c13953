using Microsoft.AspNetCore.Http.HttpResults;

namespace OpenImr.Web.Features.Health;

/// <summary><c>GET /health</c>: answers without a token, for load balancers and scripts.</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", GetHealth).WithName("GetHealth").WithTags("Health").AllowAnonymous();
        return routes;
    }

    public static Ok<HealthResponse> GetHealth() => TypedResults.Ok(new HealthResponse("ok"));
}

public sealed record HealthResponse(string Status);
