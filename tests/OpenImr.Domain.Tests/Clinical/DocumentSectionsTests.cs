using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

public class DocumentSectionsTests
{
    private const string Note = "CLINICAL CASE SUMMARY\nThe applicant has neck pain.\nDiagnoses: cervical sprain\nWork Status: off work\nIMR ISSUES, DECISIONS AND RATIONALES\nThe request is upheld.";

    [Fact]
    public void Find_CapitalsAndLabels_Sections()
    {
        var sections = DocumentSections.Find(Note);
        Assert.Equal(["CLINICAL CASE SUMMARY", "Diagnoses", "Work Status", "IMR ISSUES, DECISIONS AND RATIONALES"], sections.Select(s => s.Name));
        Assert.Equal(0, sections[0].Start);
        Assert.Equal(Note.Length, sections[^1].End);
        Assert.Equal("Diagnoses: cervical sprain\n", Note[sections[1].Start..sections[1].End]);
    }

    [Theory]
    [InlineData("The applicant has neck pain.")]
    [InlineData("MRI")]
    [InlineData("")]
    [InlineData("Note: this is not a label")]
    public void Find_NoHeading_Empty(string text) => Assert.Empty(DocumentSections.Find(text));

    [Fact]
    public void NameAt_Offsets_SectionOrNull()
    {
        var sections = DocumentSections.Find("preamble\n" + Note);
        Assert.Null(DocumentSections.NameAt(sections, 0));
        Assert.Equal("Work Status", DocumentSections.NameAt(sections, ("preamble\n" + Note).IndexOf("off work", StringComparison.Ordinal)));
    }

    [Fact]
    public void Extract_FactInSection_CarriesSectionName()
    {
        var facts = FactExtractor.Extract(Note, 0, new DateOnly(2017, 1, 1));
        Assert.Equal("Work Status", Assert.Single(facts, f => f.Kind == FactKinds.WorkStatus && f.Value == WorkStatuses.OffWork).Section);
        Assert.Equal("Diagnoses", Assert.Single(facts, f => f.Kind == FactKinds.DiagnosisSprainStrain).Section);
    }
}
