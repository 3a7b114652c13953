using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

// Every sentence here is synthetic, written for the test.
public class SentenceContextTests
{
    private static readonly DateOnly AsOf = new(2017, 1, 15);

    private static SentenceContext Sentence(string text)
    {
        var normalized = NormalizedText.Create(text);
        return new SentenceContext(normalized, 0, normalized.Text.Length, 4, AsOf);
    }

    [Fact]
    public void Constructor_SentenceWithEachKind_ConceptsDrugsRegionsAndDatesFound()
    {
        var sentence = Sentence("Harp tuner's log: tramadol before acupuncture for the left elbow on 04/09/2011.");

        Assert.Equal("tramadol", Assert.Single(sentence.Drugs).Item.Name);
        Assert.Contains(sentence.Concepts, c => c.Item.Kinds.Contains(FactKinds.TreatmentAcupuncture));
        Assert.Equal(BodyRegions.Elbow, Assert.Single(sentence.Regions).Item);
        var date = Assert.Single(sentence.Dates);
        Assert.Equal(new DateOnly(2011, 4, 9), date.Date);
        Assert.Equal("04", sentence.Tokens[date.Token].Value);
    }

    [Fact]
    public void Constructor_ConceptNeedsMissingWord_ConceptDropped()
    {
        Assert.DoesNotContain(Sentence("A budget deficit closed the rowing club.").Concepts, c => c.Item.Kinds.Contains(FactKinds.NeuroSensoryDeficit));
        Assert.Contains(Sentence("A deficit to touch spans the outer shin.").Concepts, c => c.Item.Kinds.Contains(FactKinds.NeuroSensoryDeficit));
    }

    [Fact]
    public void Constructor_NoWords_NothingFound()
    {
        var sentence = Sentence(" ... ");

        Assert.Empty(sentence.Tokens);
        Assert.Empty(sentence.Concepts);
        Assert.Empty(sentence.Dates);
        Assert.Equal(FactStatus.Affirmed, sentence.Status.StatusOf(0, 1));
    }

    [Fact]
    public void Evidence_HardWrappedSentence_QuotesOriginalText()
    {
        const string Text = "The glassblower's wrist\nclicks on cold mornings.";
        var sentence = Sentence(Text);

        Assert.Equal(4, sentence.Evidence.Document);
        Assert.Equal(Text, sentence.Evidence.Quote);
        Assert.Same(sentence.Evidence, sentence.Evidence);
    }

    [Fact]
    public void Words_LengthPastEnd_ClampedToSentence() =>
        Assert.Equal("cold mornings", Sentence("Clicks on cold mornings").Words(2, 9));

    [Fact]
    public void TokenAt_OffsetInsideWord_ThatWord()
    {
        var sentence = Sentence("Clicks on cold mornings");

        Assert.Equal(2, sentence.TokenAt(12));
        Assert.Equal(0, sentence.TokenAt(0));
    }

    [Fact]
    public void NearestRegion_TwoRegions_ClosestWithItsSide()
    {
        var sentence = Sentence("The right thumb aches while the neck feels loose.");

        Assert.Equal((BodyRegions.Hand, Laterality.Right), sentence.NearestRegion(1));
        Assert.Equal((BodyRegions.CervicalSpine, (Laterality?)null), sentence.NearestRegion(8));
    }

    [Fact]
    public void NearestRegion_NoRegion_Nulls() =>
        Assert.Equal(((string?)null, (Laterality?)null), Sentence("Clicks on cold mornings").NearestRegion(0));

    [Fact]
    public void NearestDate_TwoDates_Closest()
    {
        var sentence = Sentence("Kiln burn 02/03/2009, splint fitted 07/08/2010.");

        Assert.Equal(new DateOnly(2010, 7, 8), sentence.NearestDate(sentence.Tokens.Count - 1));
        Assert.Equal(new DateOnly(2009, 2, 3), sentence.NearestDate(0));
        Assert.Null(Sentence("No dates at all").NearestDate(0));
    }
}
