using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

// Every sentence here is synthetic, written for the test.
public class MedicationReaderTests
{
    private static List<ClinicalFact> Read(string text)
    {
        var normalized = NormalizedText.Create(text);
        var facts = new List<ClinicalFact>();
        MedicationReader.Read(new SentenceContext(normalized, 0, normalized.Text.Length, 0, new DateOnly(2017, 1, 15)), facts);
        return facts;
    }

    [Fact]
    public void Read_OpioidAndNsaid_EachMedicationOpioidOnce()
    {
        var facts = Read("The beekeeper keeps oxycodone and ibuprofen in the truck.");

        Assert.Equal(["oxycodone", "ibuprofen"], facts.Where(f => f.Kind == FactKinds.TreatmentMedication).Select(f => f.Value));
        Assert.Equal("oxycodone", Assert.Single(facts, f => f.Kind == FactKinds.MedicationOpioid).Value);
    }

    [Fact]
    public void Read_TopicalDrug_RegionAndSide()
    {
        var medication = Assert.Single(Read("Lidoderm goes on the left knee after rowing."));

        Assert.Equal((BodyRegions.Knee, Laterality.Left), (medication.Region, medication.Laterality));
    }

    [Fact]
    public void Read_OralDrug_NoRegion() =>
        Assert.Null(Assert.Single(Read("Ibuprofen before rowing, for the left knee.")).Region);

    [Theory]
    [InlineData("The ferrier has used tramadol for about 13 weeks.", 3)]
    [InlineData("Tramadol, on and off for the last 3 years, per the ferrier.", 36)]
    [InlineData("She has kept to naproxen since 03/01/2016, per her diary.", 10)]
    public void Read_StatedDuration_MonthsOnTheDrug(string text, decimal months)
    {
        var fact = Assert.Single(Read(text), f => f.Kind == FactKinds.MedicationDuration);

        Assert.Equal(months, fact.Number);
        Assert.Equal(FactStatus.Affirmed, fact.Status);
    }

    [Fact]
    public void Read_DurationWithoutUnit_NoDuration() =>
        Assert.DoesNotContain(Read("He took tramadol for 2 nights in a row."), f => f.Kind == FactKinds.MedicationDuration);

    [Fact]
    public void Read_NoDrug_Nothing() => Assert.Empty(Read("The kiln has been broken for 6 months."));

    [Fact]
    public void Read_DeniedDrug_Negated() =>
        Assert.All(Read("She denies taking oxycodone."), f => Assert.Equal(FactStatus.Negated, f.Status));
}
