using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.EntityFrameworkCore;
using OpenImr.Storage;

namespace OpenImr.Web.Infrastructure;

/// <summary>
/// A caller refused a route of one case (<c>/api/cases/{id}/...</c>) for their role learns nothing
/// about a case out of their sight: it answers <c>404</c>, as every other route does for such a
/// case. A case the caller may see still answers <c>403</c>. Runs before the body is read.
/// </summary>
internal sealed class HiddenCaseAuthorization : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden
            && context.Request.Path.StartsWithSegments("/api/cases", StringComparison.OrdinalIgnoreCase)
            && Guid.TryParse(context.GetRouteValue("id") as string, out var id))
        {
            var db = context.RequestServices.GetRequiredService<ImrDbContext>();
            var visible = await db.Cases.AsNoTracking().VisibleTo(context.User).AnyAsync(c => c.Id == id, context.RequestAborted).ConfigureAwait(false);
            if (!visible)
            {
                await Problems.NotFound(CaseAccess.NotFoundDetail(id)).ExecuteAsync(context).ConfigureAwait(false);
                return;
            }
        }

        await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
    }
}
