using System.Security.Claims;

namespace OpenImr.Web.Components.Services;

/// <summary>
/// Tells an open case page when the case changed under it (another person's step, a record added through
/// the API): it reads the case's stamp (version and latest history line, one small query) every
/// <see cref="WebAppOptions.CasePageRefresh"/> and calls the page back when the stamp moved.
/// </summary>
public sealed class CaseWatch(CaseDesk desk, WebAppOptions options) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private CaseStamp? _shown;

    /// <summary>Reads the stamp of the case as the page is about to show it; call before loading the case.</summary>
    public async Task MarkShownAsync(ClaimsPrincipal user, Guid id) => _shown = await desk.StampAsync(user, id).ConfigureAwait(false);

    /// <summary>Starts watching (once); <paramref name="changed"/> runs when the stamp differs from the one shown.</summary>
    public void Start(ClaimsPrincipal user, Guid id, Func<Task> changed)
    {
        if (_loop is not null || options.CasePageRefresh <= TimeSpan.Zero)
        {
            return;
        }

        _loop = WatchAsync(user, id, changed, _stop.Token);
    }

    private async Task WatchAsync(ClaimsPrincipal user, Guid id, Func<Task> changed, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.CasePageRefresh);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = await desk.StampAsync(user, id, cancellationToken).ConfigureAwait(false);
                if (now != _shown)
                {
                    await changed().ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
    }
}
