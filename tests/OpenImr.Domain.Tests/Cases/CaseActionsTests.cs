using OpenImr.Domain.Cases;

namespace OpenImr.Domain.Tests.Cases;

public sealed class CaseActionsTests
{
    [Fact]
    public void Of_EveryStep_MapsToItsStoredAction()
    {
        var at = new DateTimeOffset(2016, 9, 1, 9, 0, 0, TimeSpan.FromHours(-7));
        AuditEntry Entry(CaseStep step, CaseStatus to) => new(at, "synthetic", step, CaseStatus.Received, to, null, null);

        Assert.Equal(CaseActions.Eligible, CaseActions.Of(Entry(CaseStep.Screen, CaseStatus.Eligible)));
        Assert.Equal(CaseActions.Ineligible, CaseActions.Of(Entry(CaseStep.Screen, CaseStatus.Ineligible)));
        Assert.Equal(CaseActions.InformationRequested, CaseActions.Of(Entry(CaseStep.Screen, CaseStatus.Received)));
        Assert.Equal(CaseActions.Closed, CaseActions.Of(Entry(CaseStep.Close, CaseStatus.Closed)));
        Assert.Equal(CaseActions.LetterIssued, CaseActions.Of(Entry(CaseStep.IssueLetter, CaseStatus.LetterIssued)));
    }
}
