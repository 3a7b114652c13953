using Microsoft.AspNetCore.Http.HttpResults;
using OpenImr.Storage.Letters;
using OpenImr.Web.Infrastructure;

namespace OpenImr.Web.Features.Stats;

/// <summary><c>GET /api/stats</c>: outcome counts over the stored letters by service, decision, guideline, reviewer specialty and year.</summary>
internal static class StatsEndpoints
{
    public static RouteGroupBuilder MapStatsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stats", GetStats).WithName("GetStats").WithTags("Letters").RequireAuthorization(Policies.AnyUser);
        return api;
    }

    public static async Task<Ok<LetterStats>> GetStats(LetterStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.StatsAsync(cancellationToken).ConfigureAwait(false));
}
