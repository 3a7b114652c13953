using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

public class DrugLexiconTests
{
    [Theory]
    [InlineData("Norco", DrugLexicon.Opioid)]
    [InlineData("Percocet", DrugLexicon.Opioid)]
    [InlineData("tapentadol", DrugLexicon.Opioid)]
    [InlineData("Anaprox", DrugLexicon.Nsaid)]
    [InlineData("Relafen", DrugLexicon.Nsaid)]
    [InlineData("Fexmid", DrugLexicon.MuscleRelaxant)]
    [InlineData("Soma", DrugLexicon.MuscleRelaxant)]
    [InlineData("Lyrica", DrugLexicon.Anticonvulsant)]
    [InlineData("Lidoderm", DrugLexicon.Topical)]
    [InlineData("Terocin", DrugLexicon.Topical)]
    [InlineData("Protonix", DrugLexicon.Ppi)]
    [InlineData("trazodone", DrugLexicon.SleepAid)]
    [InlineData("clonazepam", DrugLexicon.Benzodiazepine)]
    [InlineData("nortriptyline", DrugLexicon.Antidepressant)]
    [InlineData("Zofran", DrugLexicon.Antiemetic)]
    [InlineData("Synapryn", DrugLexicon.Compound)]
    [InlineData("Tabradol", DrugLexicon.Compound)]
    [InlineData("Fanatrex", DrugLexicon.Compound)]
    public void Find_Name_Class(string name, string drugClass) =>
        Assert.Equal(drugClass, Assert.Single(DrugLexicon.Find(name)).Class);

    [Fact]
    public void Find_VoltarenGel_TopicalNotNsaid()
    {
        var drug = Assert.Single(DrugLexicon.Find("Voltaren gel 1%"));
        Assert.Equal(DrugLexicon.Topical, drug.Class);
        Assert.True(drug.IsTopical);
    }

    [Fact]
    public void Find_SeveralDrugs_InOrder() =>
        Assert.Equal(["norco", "naproxen"], DrugLexicon.Find("Norco and naproxen").Select(d => d.Name));

    [Fact]
    public void Find_CompoundingKit_CarriesItsIngredients() =>
        Assert.Equal(["gabapentin"], Assert.Single(DrugLexicon.Find("Fanatrex oral suspension")).Ingredients);

    [Fact]
    public void Find_PlainDrug_HasNoIngredients() =>
        Assert.Empty(Assert.Single(DrugLexicon.Find("gabapentin 300mg")).Ingredients);
}
