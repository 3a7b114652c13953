using System.Net;
using System.Security.Claims;
using OpenImr.Application;
using OpenImr.Web.Components.Services;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Components.Services;

public sealed class CaseWatchTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly ClaimsPrincipal Administrator = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()), new Claim(ClaimTypes.Role, "administrator")], "test"));

    private CaseDesk Desk(WebAppOptions options) => new(app.Server.Database, TimeProvider.System, CriteriaLibrary.Embedded, options, new CaseViewCache());

    [Fact]
    public async Task Start_CaseChangedAfterItWasShown_CallsBackUntilThePageShowsItAgain()
    {
        var id = await app.Server.Client().CreateCaseAsync("CM-TEST-WATCH-0001");
        var options = new WebAppOptions { CasePageRefresh = TimeSpan.FromMilliseconds(50) };
        await using var watch = new CaseWatch(Desk(options), options);
        await watch.MarkShownAsync(Administrator, id);
        var calls = 0;
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        watch.Start(Administrator, id, async () =>
        {
            // As a page does: show the case as it is now, which marks its stamp as shown.
            await watch.MarkShownAsync(Administrator, id);
            Interlocked.Increment(ref calls);
            called.TrySetResult();
        });

        using var screened = await app.Server.Client().PostJsonAsync($"/api/cases/{id}/eligibility", new { });
        Assert.Equal(HttpStatusCode.OK, screened.StatusCode);
        await called.Task.WaitAsync(TimeSpan.FromSeconds(10), Http.Cancel);
        // Ten more ticks with nothing changed.
        await Task.Delay(TimeSpan.FromMilliseconds(500), Http.Cancel);

        Assert.Equal(1, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task Start_RefreshTurnedOff_NeverCallsBack()
    {
        var id = await app.Server.Client().CreateCaseAsync("CM-TEST-WATCH-0002");
        var options = new WebAppOptions { CasePageRefresh = TimeSpan.Zero };
        var watch = new CaseWatch(Desk(options), options);
        await watch.MarkShownAsync(Administrator, id);
        var calls = 0;
        watch.Start(Administrator, id, () =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });

        using var screened = await app.Server.Client().PostJsonAsync($"/api/cases/{id}/eligibility", new { });
        await Task.Delay(TimeSpan.FromMilliseconds(300), Http.Cancel);
        await watch.DisposeAsync();
        await watch.DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, screened.StatusCode);
        Assert.Equal(0, Volatile.Read(ref calls));
    }
}
