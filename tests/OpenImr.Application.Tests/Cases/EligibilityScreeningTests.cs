using Microsoft.EntityFrameworkCore;
using OpenImr.Application.Tests.Infrastructure;
using OpenImr.Domain.Cases;
using OpenImr.Storage;
using OpenImr.Tests.Shared;

namespace OpenImr.Application.Tests.Cases;

public sealed class EligibilityScreeningTests : CaseServiceTests
{
    private readonly TempSqliteFolder _database = new("imr-app-");

    [Fact]
    public async Task ScreenAsync_LateApplication_ClosesAsIneligibleStoringTheDomainsTwoEntries()
    {
        var id = await FileAsync(SyntheticCase(applicationDaysAfterDecision: 61));

        var screened = await WithAsync(cases => new EligibilityScreening(cases).ScreenAsync(id, Coordinator, expectedVersion: 1, Cancel));

        Assert.True(screened.Succeeded, screened.Refusal);
        Assert.False(screened.Value!.Eligible);
        Assert.Equal(CaseStatusNames.Name(CaseStatus.Closed), screened.Value.Status);
        var history = await HistoryAsync(id);
        Assert.Equal([CaseActions.Created, CaseActions.Ineligible, CaseActions.Closed], history.Select(h => h.Action));
        Assert.StartsWith(EligibilityCodes.Late, history[1].Detail, StringComparison.Ordinal);
        Assert.Equal($"ineligible: {history[1].Detail}", history[2].Detail);
        await using var db = Target.CreateContext();
        Assert.Equal(2, (await db.Cases.SingleAsync(c => c.Id == id, Cancel)).Version);
    }

    [Fact]
    public async Task ScreenAsync_TimelyApplication_EligibleAndAheadAgrees()
    {
        var submitted = SyntheticCase();
        var id = await FileAsync(submitted);

        var screened = await WithAsync(cases => new EligibilityScreening(cases).ScreenAsync(id, Coordinator, null, Cancel));

        Assert.True(screened.Value!.Eligible);
        Assert.True(EligibilityScreening.Ahead(submitted, CaseClock.Today(Clock)).Eligible);
        Assert.Equal([CaseActions.Created, CaseActions.Eligible], (await HistoryAsync(id)).Select(h => h.Action));
    }

    [Fact]
    public async Task ScreenAsync_StaleVersion_IsStaleAndWritesNothing()
    {
        var id = await FileAsync();

        var screened = await WithAsync(cases => new EligibilityScreening(cases).ScreenAsync(id, Coordinator, expectedVersion: 2, Cancel));

        Assert.Equal(OutcomeKind.Stale, screened.Kind);
        Assert.Equal([CaseActions.Created], (await HistoryAsync(id)).Select(h => h.Action));
    }

    [Fact]
    public async Task ScreenAsync_CaseThePartyDidNotFile_NotFound()
    {
        var id = await FileAsync();

        var screened = await WithAsync(cases => new EligibilityScreening(cases).ScreenAsync(id, Party, null, Cancel));

        Assert.Equal(OutcomeKind.NotFound, screened.Kind);
    }

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_database.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target)
    {
        _database.Delete();
        return Task.CompletedTask;
    }
}
