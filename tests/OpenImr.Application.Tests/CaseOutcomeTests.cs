using OpenImr.Domain.Cases;

namespace OpenImr.Application.Tests;

public sealed class CaseOutcomeTests
{
    [Fact]
    public void Refusal_FieldErrors_JoinsTheTitleAndEveryFieldsMessage()
    {
        var outcome = CaseOutcome.Invalid<int>(new Dictionary<string, string[]> { ["date"] = ["Give a date."], ["type"] = ["Remove the NUL."] }, "Two fields need attention.");

        Assert.False(outcome.Succeeded);
        Assert.Equal("Two fields need attention. Give a date. Remove the NUL.", outcome.Refusal);
    }

    [Fact]
    public void Refused_WorkflowFailure_CarriesTheFailureAndItsMessage()
    {
        var failure = new WorkflowFailure(WorkflowCodes.OutOfOrder, CaseStep.IssueLetter, CaseStatus.InReview, "Synthetic refusal.");

        var outcome = CaseOutcome.Refused<string>(failure);

        Assert.Equal(OutcomeKind.Refused, outcome.Kind);
        Assert.Same(failure, outcome.Failure);
        Assert.Equal("Synthetic refusal.", outcome.Refusal);
    }

    [Fact]
    public void As_Failure_KeepsKindAndDetail_Success_Throws()
    {
        var stale = CaseOutcome.Stale<int>().As<string>();

        Assert.Equal(OutcomeKind.Stale, stale.Kind);
        Assert.Contains("changed by someone else", stale.Detail, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => CaseOutcome.Done(1).As<string>());
        Assert.Null(CaseOutcome.Done(1).Refusal);
    }
}
