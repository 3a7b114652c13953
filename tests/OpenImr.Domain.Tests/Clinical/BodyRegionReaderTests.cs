using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

// Every sentence here is synthetic, written for the test.
public class BodyRegionReaderTests
{
    private static List<ClinicalFact> Read(string text)
    {
        var normalized = NormalizedText.Create(text);
        var facts = new List<ClinicalFact>();
        BodyRegionReader.Read(new SentenceContext(normalized, 0, normalized.Text.Length, 0, new DateOnly(2017, 1, 15)), facts);
        return facts;
    }

    [Fact]
    public void Read_TwoRegions_EachWithItsSide()
    {
        var facts = Read("The tiler's right wrist and both ankles swell by dusk.");

        Assert.Equal([(BodyRegions.Wrist, Laterality.Right), (BodyRegions.Ankle, Laterality.Bilateral)], facts.Select(f => (f.Value, f.Laterality)));
        Assert.All(facts, f => Assert.Equal(f.Value, f.Region));
        Assert.Equal("wrist", facts[0].Trigger);
    }

    [Fact]
    public void Read_RegionDenied_Negated() =>
        Assert.Equal(FactStatus.Negated, Assert.Single(Read("He denies any trouble with the jaw.")).Status);

    [Fact]
    public void Read_NoRegion_Nothing() => Assert.Empty(Read("The tiler swept the porch at dusk."));
}
