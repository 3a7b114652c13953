using OpenImr.Domain.Cases;

namespace OpenImr.Domain.Tests.Cases;

public sealed class CaseStatusNamesTests
{
    [Fact]
    public void Name_EveryStatus_RoundTripsThroughParseAndHasALabel()
    {
        foreach (var status in Enum.GetValues<CaseStatus>())
        {
            var name = CaseStatusNames.Name(status);
            Assert.Equal(status, CaseStatusNames.Parse(name));
            Assert.Contains(name, CaseStatusNames.All);
            Assert.NotEqual(name, CaseStatusNames.Label(status));
        }

        Assert.Equal("awaiting-records", CaseStatusNames.Name(CaseStatus.AwaitingRecords));
        Assert.Equal("Awaiting records", CaseStatusNames.Label(CaseStatus.AwaitingRecords));
    }

    [Fact]
    public void Parse_UnknownName_ThrowsNamingTheStatuses()
    {
        var refused = Assert.Throws<ArgumentException>(() => CaseStatusNames.Parse("archived"));

        Assert.Contains("'archived' is not a case status", refused.Message, StringComparison.Ordinal);
        Assert.False(CaseStatusNames.TryParse(null, out _));
        Assert.Equal(-1, CaseStatusNames.Order("archived"));
    }

    [Fact]
    public void All_InTheOrderACaseGoesThrough_EndsLast()
    {
        Assert.Equal(["received", "eligible", "awaiting-records", "in-review", "decided", "letter-issued", "ineligible", "closed"], CaseStatusNames.All);
        Assert.Equal(3, CaseStatusNames.Order("in-review"));
    }

    [Theory]
    [InlineData(CaseStatus.InReview, true)]
    [InlineData(CaseStatus.Decided, true)]
    [InlineData(CaseStatus.LetterIssued, false)]
    [InlineData(CaseStatus.Ineligible, false)]
    [InlineData(CaseStatus.Closed, false)]
    public void IsOpen_Status_TrueUntilTheCaseEnds(CaseStatus status, bool open) => Assert.Equal(open, CaseStatusNames.IsOpen(status));
}
