using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

// Every sentence here is synthetic, written for the test.
public class AgeAndSexReaderTests
{
    private static List<ClinicalFact> Read(string text)
    {
        var normalized = NormalizedText.Create(text);
        var facts = new List<ClinicalFact>();
        AgeAndSexReader.Read(new SentenceContext(normalized, 0, normalized.Text.Length, 0, new DateOnly(2017, 1, 15)), facts);
        return facts;
    }

    [Theory]
    [InlineData("Our harp restorer, a 58-year-old woman, drops by on Fridays.", 58, "female")]
    [InlineData("Notes on a 71 yo gentleman who welds boat hulls.", 71, "male")]
    [InlineData("A 44 years old lady from the cannery crew.", 44, "female")]
    public void Read_AgeThenSexWord_AgeAndSex(string text, int age, string sex)
    {
        var facts = Read(text);

        Assert.Equal(age, Assert.Single(facts, f => f.Kind == FactKinds.PatientAge).Number);
        var fact = Assert.Single(facts, f => f.Kind == FactKinds.PatientSex);
        Assert.Equal(sex, fact.Value);
        Assert.Equal(FactStatus.Affirmed, fact.Status);
    }

    [Fact]
    public void Read_SexWithoutAge_SexOnly()
    {
        var facts = Read("The claimant was a man who restores pianos.");

        Assert.Equal("male", Assert.Single(facts).Value);
        Assert.Equal("was a man", facts[0].Trigger);
    }

    [Fact]
    public void Read_AgeOfRelative_OtherPerson()
    {
        var facts = Read("Her grandmother, a 83-year-old lady, drives her to the pool.");

        Assert.All(facts, f => Assert.Equal(FactStatus.OtherPerson, f.Status));
        Assert.Contains(facts, f => f.Kind == FactKinds.PatientAge && f.Number == 83);
    }

    [Theory]
    [InlineData("He lifts 40 pounds of clay at the studio.")]
    [InlineData("A 130 year old oak fell on the barn.")]
    public void Read_NumberWithoutAgeWording_NoAge(string text) =>
        Assert.DoesNotContain(Read(text), f => f.Kind == FactKinds.PatientAge);

    [Fact]
    public void Read_SexWordFarFromAge_AgeOnly()
    {
        var facts = Read("A 39-year-old who sells kites and paints murals, a man.");

        Assert.Single(facts, f => f.Kind == FactKinds.PatientAge);
        Assert.DoesNotContain(facts, f => f.Kind == FactKinds.PatientSex);
    }
}
