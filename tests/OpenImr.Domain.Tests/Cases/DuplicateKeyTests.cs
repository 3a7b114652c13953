using CsCheck;
using OpenImr.Domain.Cases;

namespace OpenImr.Domain.Tests.Cases;

public class DuplicateKeyTests
{
    private static Case Filing(string? caseNumber, string injury, string denial, params string[] requests) => new()
    {
        CaseNumber = caseNumber,
        Dates = new CaseDates
        {
            Injury = DateOnly.Parse(injury, System.Globalization.CultureInfo.InvariantCulture),
            UrDenial = DateOnly.Parse(denial, System.Globalization.CultureInfo.InvariantCulture),
        },
        Requests = [.. requests.Select(r => new CaseRequest { Description = r })],
    };

    [Fact]
    public void For_Case_NormalisesCaseNumberAndClaim()
    {
        var key = DuplicateKey.For(Filing(" cm15-0174261 ", "2015-05-14", "2015-08-27", "10 Work Conditioning sessions.", "MRI, lumbar spine"));

        Assert.Equal("CM15-0174261", key.CaseNumber);
        Assert.Equal("2015-05-14|2015-08-27|10 work conditioning sessions;mri lumbar spine", key.Claim);
    }

    [Fact]
    public void For_MissingDates_HasNoClaim() =>
        Assert.Null(DuplicateKey.For(new Case { CaseNumber = "CM15-1", Requests = [new CaseRequest { Description = "PT" }] }).Claim);

    [Fact]
    public void Matches_SameCaseNumber_IsDuplicate() =>
        Assert.True(DuplicateKey.For(Filing("CM15-1", "2015-01-01", "2015-02-01", "PT")).Matches(DuplicateKey.For(Filing("cm15-1", "2014-01-01", "2015-03-01", "MRI"))));

    [Fact]
    public void Matches_SameClaimDifferentWordingAndOrder_IsDuplicate()
    {
        var first = DuplicateKey.For(Filing(null, "2015-05-14", "2015-08-27", "MRI lumbar spine", "Physical therapy x12"));
        var second = DuplicateKey.For(Filing("CM15-2", "2015-05-14", "2015-08-27", "physical therapy, x12", "MRI  - lumbar spine", "MRI lumbar spine"));

        Assert.True(first.Matches(second));
    }

    [Fact]
    public void Matches_DifferentUrDecisionDate_IsNotDuplicate() =>
        Assert.False(DuplicateKey.For(Filing(null, "2015-05-14", "2015-08-27", "PT")).Matches(DuplicateKey.For(Filing(null, "2015-05-14", "2015-09-27", "PT"))));

    [Fact]
    public void Matches_NoIdentityAtAll_NeverMatches() =>
        Assert.False(DuplicateKey.For(new Case()).Matches(DuplicateKey.For(new Case())));

    [Fact]
    public void FindDuplicates_Filings_GroupsTransitivelyKeepingTheFirst()
    {
        Case[] filings =
        [
            Filing("CM15-1", "2015-05-14", "2015-08-27", "PT"),
            Filing("CM15-9", "2015-01-01", "2015-02-01", "MRI"),
            Filing(null, "2015-05-14", "2015-08-27", "pt"),
            Filing("CM15-3", "2016-01-01", "2016-02-01", "Surgery"),
            Filing("CM15-9", "2015-01-01", "2015-02-02", "MRI"),
            Filing("CM15-1", "2015-05-14", "2015-08-28", "Other"),
        ];

        var groups = DuplicateKey.FindDuplicates(filings);

        Assert.Equal(2, groups.Count);
        Assert.Equal([0, 2, 5], groups[0]);
        Assert.Equal([1, 4], groups[1]);
    }

    [Fact]
    public void FindDuplicates_LaterFilingLinksTwoGroups_MergesThem()
    {
        Case[] filings =
        [
            Filing("A", "2015-05-14", "2015-08-27", "PT"),
            Filing("B", "2015-05-14", "2015-08-28", "MRI"),
            Filing("B", "2015-05-14", "2015-08-27", "PT"),
        ];

        Assert.Equal([0, 1, 2], Assert.Single(DuplicateKey.FindDuplicates(filings)));
    }

    [Fact]
    public void NormaliseRequest_Punctuation_CollapsesToSingleSpaces() =>
        Assert.Equal("2x6 pt lumbar spine", DuplicateKey.NormaliseRequest("  2x6 PT -- (lumbar spine). "));

    [Fact]
    public void For_RequestsReorderedRecasedOrRepunctuated_SameClaim()
    {
        string[] requests = ["12 PT visits, lumbar", "MRI (left knee)", "Tramadol 50mg #60"];
        Gen.Shuffle(requests).Select(Gen.Bool.Array[3]).Sample((shuffled, upper) =>
        {
            var varied = shuffled.Select((r, i) => upper[i] ? r.ToUpperInvariant() + "." : " " + r.Replace(",", " -", StringComparison.Ordinal)).ToArray();

            Assert.Equal(
                DuplicateKey.For(Filing(null, "2015-05-14", "2015-08-27", requests)).Claim,
                DuplicateKey.For(Filing(null, "2015-05-14", "2015-08-27", varied)).Claim);
        });
    }
}
