using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

// Every sentence here is synthetic, written for the test.
public class InjuryDateReaderTests
{
    private static List<ClinicalFact> Read(string text)
    {
        var normalized = NormalizedText.Create(text);
        var facts = new List<ClinicalFact>();
        InjuryDateReader.Read(new SentenceContext(normalized, 0, normalized.Text.Length, 0, new DateOnly(2017, 1, 15)), facts);
        return facts;
    }

    [Theory]
    [InlineData("Hurt in a trauma on 07/23/2009 at the cider press.", 2009, 7, 23)]
    [InlineData("The baker was injured at work on March 3, 2011, lifting trays.", 2011, 3, 3)]
    [InlineData("Claim of 12/01/2008 for the orchard fall.", 2008, 12, 1)]
    [InlineData("3/17/2010 is the DOI on the kite shop form.", 2010, 3, 17)]
    public void Read_CueNextToDate_InjuryDate(string text, int year, int month, int day)
    {
        var fact = Assert.Single(Read(text));

        Assert.Equal(FactKinds.InjuryDate, fact.Kind);
        Assert.Equal(new DateOnly(year, month, day), fact.Date);
        Assert.Equal(FactStatus.Affirmed, fact.Status);
    }

    [Fact]
    public void Read_OtherDateBetweenCueAndDate_OnlyTheFirstDate() =>
        Assert.Equal(new DateOnly(2003, 1, 2), Assert.Single(Read("Injured on 01/02/2003, then seen 05/06/2004 in the annex.")).Date);

    [Fact]
    public void Read_DateWithoutCue_Nothing() =>
        Assert.Empty(Read("The potter came back on 11/30/2016 to collect her glaze."));
}
