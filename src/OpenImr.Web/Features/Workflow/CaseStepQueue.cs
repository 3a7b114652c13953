using Microsoft.AspNetCore.Http.HttpResults;
using OpenImr.Storage;

namespace OpenImr.Web.Features.Workflow;

/// <summary>
/// Serialises the steps that change one case: a step waits for the one before it on the same case,
/// so that each later step sees what the earlier did and none is lost (twenty assignments in parallel
/// are twenty assignments in turn). A step sent with <c>If-Match</c> still answers <c>409</c> when the
/// version it names has moved on. Where another server changed the case meanwhile (the version moved
/// between reading and saving), a step without <c>If-Match</c> is taken again on the case as it now is.
/// </summary>
internal sealed class CaseStepQueue
{
    /// <summary>How often a step without <c>If-Match</c> is taken again after another server's concurrent edit.</summary>
    public const int Attempts = 3;

    private readonly Dictionary<Guid, Gate> _gates = [];

    /// <summary>Waits for the case's turn; disposing the result lets the next step in.</summary>
    public async Task<IDisposable> EnterAsync(Guid caseId, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(caseId, out gate!))
            {
                gate = new Gate();
                _gates[caseId] = gate;
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(caseId, gate, entered: false);
            throw;
        }

        return new Turn(this, caseId, gate);
    }

    private void Leave(Guid caseId, Gate gate, bool entered)
    {
        if (entered)
        {
            gate.Semaphore.Release();
        }

        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(caseId);
                gate.Semaphore.Dispose();
            }
        }
    }

    /// <summary>The endpoint filter: a changing request on <c>/cases/{id}</c> takes its turn, and is taken again after a concurrent edit when it sent no <c>If-Match</c>.</summary>
    public static async ValueTask<object?> SerialiseAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || !Guid.TryParse(http.GetRouteValue("id") as string, out var caseId))
        {
            return await next(context).ConfigureAwait(false);
        }

        var queue = http.RequestServices.GetRequiredService<CaseStepQueue>();
        using var turn = await queue.EnterAsync(caseId, http.RequestAborted).ConfigureAwait(false);
        var optimistic = http.Request.Headers.IfMatch.Count > 0;
        for (var attempt = 1; ; attempt++)
        {
            var result = await next(context).ConfigureAwait(false);
            if (optimistic || attempt == Attempts || !IsConcurrentEdit(result))
            {
                return result;
            }

            // Note that the failed attempt's tracked changes are dropped; the next attempt loads the case again.
            http.RequestServices.GetRequiredService<ImrDbContext>().ChangeTracker.Clear();
        }
    }

    private static bool IsConcurrentEdit(object? result) =>
        (result is INestedHttpResult nested ? nested.Result : result) is ProblemHttpResult { StatusCode: StatusCodes.Status409Conflict } problem
        && problem.ProblemDetails.Extensions.TryGetValue("code", out var code) && code as string == "concurrent-edit";

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Turn(CaseStepQueue queue, Guid caseId, Gate gate) : IDisposable
    {
        private bool _left;

        public void Dispose()
        {
            if (!_left)
            {
                _left = true;
                queue.Leave(caseId, gate, entered: true);
            }
        }
    }
}
