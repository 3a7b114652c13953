using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

// Every sentence here is synthetic, written for the test.
public class ConceptReaderTests
{
    private static (List<ClinicalFact> Facts, string? Therapy, SessionCounts Counts) Read(string text)
    {
        var normalized = NormalizedText.Create(text);
        var sentence = new SentenceContext(normalized, 0, normalized.Text.Length, 0, new DateOnly(2017, 1, 15));
        var counts = SessionCountReader.Find(sentence);
        var facts = new List<ClinicalFact>();
        var therapy = ConceptReader.Read(sentence, counts, facts);
        return (facts, therapy, counts);
    }

    [Fact]
    public void Read_TherapyWithCount_TakesTheCountAndIsReturned()
    {
        var (facts, therapy, counts) = Read("The tugboat cook logged 7 chiropractic visits at the seaside office.");

        Assert.Equal(FactKinds.TreatmentChiropractic, therapy);
        Assert.Equal(7, Assert.Single(facts, f => f.Kind == FactKinds.TreatmentChiropractic).Number);
        Assert.Empty(counts.Unclaimed());
    }

    [Fact]
    public void Read_NoTherapy_NullAndCountLeftFree()
    {
        var (facts, therapy, counts) = Read("The tugboat cook logged 7 visits with a splint maker.");

        Assert.Null(therapy);
        Assert.DoesNotContain(facts, f => f.Number is not null);
        Assert.Single(counts.Unclaimed());
    }

    [Fact]
    public void Read_StatusPostSurgery_SurgeryWordsAndDate()
    {
        var fact = Assert.Single(Read("Status post a left ankle arthroscopy on 02/14/2013 after the canoe slip.").Facts, f => f.Kind == FactKinds.DiagnosisPostoperative);

        Assert.Equal("left ankle arthroscopy", fact.Value);
        Assert.Equal(new DateOnly(2013, 2, 14), fact.Date);
    }

    [Fact]
    public void Read_UnderwentWithoutSurgery_NoPostoperative() =>
        Assert.DoesNotContain(Read("She underwent some hearing checks at the library fair.").Facts, f => f.Kind == FactKinds.DiagnosisPostoperative);

    [Theory]
    [InlineData("Her grip is marginally better since the wax baths.")]
    [InlineData("The brace gave no benefit during the regatta.")]
    public void Read_GainSlightOrDenied_FunctionalImprovementNegated(string text)
    {
        var facts = Read(text).Facts;

        Assert.Equal(FactStatus.Negated, Assert.Single(facts, f => f.Kind == FactKinds.ResponseFunctionalImprovement).Status);
        Assert.DoesNotContain(facts, f => f.Kind == FactKinds.ResponseReportedImprovement);
    }

    [Fact]
    public void Read_GainReportedPlainly_ReportedImprovementAffirmed() =>
        Assert.Equal(FactStatus.Affirmed, Assert.Single(Read("Her grip is better since the wax baths.").Facts, f => f.Kind == FactKinds.ResponseReportedImprovement).Status);

    [Fact]
    public void Read_GainInSentenceAboutDrugsAlone_MedicationBenefit()
    {
        var facts = Read("Ibuprofen helped him finish the mural.").Facts;

        Assert.Contains(facts, f => f.Kind == FactKinds.MedicationFunctionalBenefit && f.Status == FactStatus.Affirmed);
        Assert.DoesNotContain(facts, f => f.Kind == FactKinds.ResponseReportedImprovement);
    }

    [Fact]
    public void Read_GainWithDrugAndTherapy_ReportedImprovement() =>
        Assert.Contains(Read("Ibuprofen and acupuncture helped him finish the mural.").Facts, f => f.Kind == FactKinds.ResponseReportedImprovement);

    [Fact]
    public void Read_ImagingNearRegion_ModalityRegionSideAndDate()
    {
        var fact = Assert.Single(Read("A right hip MRI from 10/05/2015 was read by the night radiologist.").Facts, f => f.Kind == FactKinds.ImagingPrior);

        Assert.Equal(("mri", BodyRegions.Hip, Laterality.Right, new DateOnly(2015, 10, 5)), (fact.Value, fact.Region, fact.Laterality, fact.Date));
    }

    [Fact]
    public void Read_UndatedKind_NoDate() =>
        Assert.Null(Assert.Single(Read("Mild tendinitis flared on 10/05/2015 at the kiln.").Facts, f => f.Kind == FactKinds.DiagnosisTendinopathy).Date);
}
