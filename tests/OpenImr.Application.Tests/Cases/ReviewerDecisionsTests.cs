using Microsoft.EntityFrameworkCore;
using OpenImr.Application.Tests.Infrastructure;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Letters;
using OpenImr.Storage;
using OpenImr.Tests.Shared;

namespace OpenImr.Application.Tests.Cases;

public sealed class ReviewerDecisionsTests : CaseServiceTests
{
    private readonly TempSqliteFolder _database = new("imr-app-");

    [Fact]
    public async Task DecideAsync_OverturnedWithARationaleThatConcludesNotNecessary_InvalidAndNothingSaved()
    {
        var (id, request) = await ReviewedAsync();

        var decided = await DecideAsync(id, new GivenDecision(request, "Overturned", "Synthetic rationale. For these reasons the requested therapy is not medically necessary."));

        Assert.Equal(OutcomeKind.Invalid, decided.Kind);
        Assert.Contains("concludes that the treatment is not medically necessary", decided.Errors["[0].rationale"][0], StringComparison.Ordinal);
        await using var db = Target.CreateContext();
        Assert.Equal(CaseStatusNames.Name(CaseStatus.InReview), (await db.Cases.SingleAsync(c => c.Id == id, Cancel)).Status);
    }

    [Fact]
    public async Task DecideAsync_EnginesRecommendationAccepted_DecidedWithTheDomainsEntry()
    {
        var (id, request) = await ReviewedAsync();
        var engine = await EngineDecisionAsync(id);

        var decided = await DecideAsync(id, new GivenDecision(request, engine.ToString(), null));

        Assert.True(decided.Succeeded, decided.Refusal);
        Assert.True(decided.Value!.Determinations[0].Accepted);
        Assert.Equal(CaseStatusNames.Name(CaseStatus.Decided), decided.Value.Status);
        var last = (await HistoryAsync(id))[^1];
        Assert.Equal(CaseActions.Decided, last.Action);
        Assert.Equal($"{request}: {engine} (accepted)", last.Detail);
    }

    [Fact]
    public async Task DecideAsync_BeforeTheRecordsAreComplete_RefusedOutOfOrder()
    {
        var id = await FileAsync();

        var decided = await WithAsync(cases => new ReviewerDecisions(cases).DecideAsync(id, [new GivenDecision(SyntheticCase().Requests[0].Description, "Upheld", "Synthetic rationale: the conditions are not shown to be met.")], Coordinator, null, Cancel));

        Assert.Equal(OutcomeKind.Refused, decided.Kind);
        Assert.Equal(WorkflowCodes.OutOfOrder, decided.Failure!.Code);
    }

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_database.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target)
    {
        _database.Delete();
        return Task.CompletedTask;
    }

    private Task<CaseOutcome<DecisionsView>> DecideAsync(Guid id, params GivenDecision[] decisions) =>
        WithAsync(cases => new ReviewerDecisions(cases).DecideAsync(id, decisions, Reviewer, null, Cancel));

    private async Task<(Guid Id, string Request)> ReviewedAsync()
    {
        var id = await InReviewAsync();
        var review = await WithAsync(cases => new EngineReview(cases).RunAsync(id, Reviewer, null, Cancel));
        Assert.True(review.Succeeded, review.Refusal);
        return (id, review.Value!.Determinations[0].Request);
    }

    private async Task<Decision> EngineDecisionAsync(Guid id)
    {
        await using var db = Target.CreateContext();
        var row = await db.Determinations.SingleAsync(d => d.CaseId == id, Cancel);
        var decision = Enum.Parse<Decision>(row.Decision);
        // Note that the synthetic case is one the built-in MTUS covers, so the engine recommends a decision.
        Assert.NotEqual(Decision.NoRecommendation, decision);
        return decision;
    }
}
