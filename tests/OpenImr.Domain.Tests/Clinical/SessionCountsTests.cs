using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

public class SessionCountsTests
{
    [Fact]
    public void Claim_TwoFreeCounts_NearestFirstThenTheOther()
    {
        var counts = new SessionCounts([(2, 2, 6m), (10, 3, 9m)]);

        Assert.Equal(9m, counts.Claim(8));
        Assert.Equal(6m, counts.Claim(8));
        Assert.Null(counts.Claim(8));
    }

    [Fact]
    public void Claim_EquallyNear_FirstCount() =>
        Assert.Equal(6m, new SessionCounts([(2, 2, 6m), (6, 2, 9m)]).Claim(4));

    [Fact]
    public void Unclaimed_OneClaimed_TheOthersInTextOrder()
    {
        var counts = new SessionCounts([(1, 2, 3m), (5, 2, 4m), (9, 2, 5m)]);
        counts.Claim(5);

        Assert.Equal([(1, 2, 3m), (9, 2, 5m)], counts.Unclaimed());
    }

    [Fact]
    public void Claim_NoCounts_Null() => Assert.Null(new SessionCounts([]).Claim(0));
}
