using OpenImr.Application.Tests.Infrastructure;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Letters;
using OpenImr.Storage;
using OpenImr.Tests.Shared;

namespace OpenImr.Application.Tests.Cases;

public sealed class LetterIssuanceTests : CaseServiceTests
{
    private readonly TempSqliteFolder _database = new("imr-app-");

    [Fact]
    public async Task IssueAsync_Decided_IssuesOnceDatedTodayInCaliforniaThenRefuses()
    {
        var id = await DecidedAsync();
        // 06:30 UTC on the 21st is still the 20th in California.
        Clock.SetUtcNow(new DateTimeOffset(2016, 9, 21, 6, 30, 0, TimeSpan.Zero));

        var issued = await WithAsync(cases => new LetterIssuance(cases).IssueAsync(id, Reviewer, null, Cancel));
        var again = await WithAsync(cases => new LetterIssuance(cases).IssueAsync(id, Reviewer, null, Cancel));

        Assert.True(issued.Succeeded, issued.Refusal);
        Assert.Equal(new DateOnly(2016, 9, 20), issued.Value!.Letter.Dates.Decision);
        Assert.Equal(CriteriaLibrary.Embedded.Version, issued.Value.LibraryVersion);
        Assert.Equal(Decision.Upheld, issued.Value.Letter.Items[0].Decision);
        Assert.Equal(OutcomeKind.Refused, again.Kind);
        Assert.Equal(WorkflowCodes.LetterIssued, again.Failure!.Code);
        Assert.Equal(CaseActions.StepRefused, (await HistoryAsync(id))[^1].Action);
    }

    [Fact]
    public async Task IssueAsync_NotDecided_RefusedOutOfOrder()
    {
        var id = await InReviewAsync();

        var issued = await WithAsync(cases => new LetterIssuance(cases).IssueAsync(id, Reviewer, null, Cancel));

        Assert.Equal(OutcomeKind.Refused, issued.Kind);
        Assert.Equal(WorkflowCodes.OutOfOrder, issued.Failure!.Code);
    }

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_database.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target)
    {
        _database.Delete();
        return Task.CompletedTask;
    }

    private async Task<Guid> DecidedAsync()
    {
        var id = await InReviewAsync();
        var review = await WithAsync(cases => new EngineReview(cases).RunAsync(id, Reviewer, null, Cancel));
        var decided = await WithAsync(cases => new ReviewerDecisions(cases).DecideAsync(
            id, [new GivenDecision(review.Value!.Determinations[0].Request, "Upheld", "Synthetic rationale: the records do not show the conditions are met, so the therapy is not medically necessary.")], Reviewer, null, Cancel));
        Assert.True(decided.Succeeded, decided.Refusal);
        return id;
    }
}
