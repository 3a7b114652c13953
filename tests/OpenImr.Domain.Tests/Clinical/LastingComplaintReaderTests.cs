using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

// Every sentence here is synthetic, written for the test.
public class LastingComplaintReaderTests
{
    private static List<ClinicalFact> Read(string text)
    {
        var normalized = NormalizedText.Create(text);
        var facts = new List<ClinicalFact>();
        LastingComplaintReader.Read(new SentenceContext(normalized, 0, normalized.Text.Length, 0, new DateOnly(2017, 1, 15)), facts);
        return facts;
    }

    [Fact]
    public void Read_PersistenceWordBeforeComplaint_SymptomPersistentWithRegion()
    {
        var fact = Assert.Single(Read("The fiddler has residual stiffness in the right hand."));

        Assert.Equal((FactKinds.SymptomPersistent, FactStatus.Affirmed, "residual stiffness"), (fact.Kind, fact.Status, fact.Trigger));
        Assert.Equal((BodyRegions.Hand, Laterality.Right), (fact.Region, fact.Laterality));
    }

    [Fact]
    public void Read_PersistenceWordAfterComplaint_SymptomPersistent() =>
        Assert.Equal("ache remains", Assert.Single(Read("Her jaw ache remains after the dental work.")).Trigger);

    [Fact]
    public void Read_DeniedLastingComplaint_Negated() =>
        Assert.Equal(FactStatus.Negated, Assert.Single(Read("He denies that the ankle soreness continues.")).Status);

    [Theory]
    [InlineData("Still, the clockmaker who sold the barn has aches.")]
    [InlineData("The jaw ache faded after the dental work.")]
    public void Read_NoPersistenceWordNearComplaint_Nothing(string text) =>
        Assert.Empty(Read(text));

    [Fact]
    public void Read_LastingPhraseInLexicon_NotReadAgain() =>
        Assert.Empty(Read("The fiddler reports ongoing pain and residual stiffness."));
}
