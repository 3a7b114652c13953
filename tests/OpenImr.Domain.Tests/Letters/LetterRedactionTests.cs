using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Tests.Letters;

/// <summary>The public letter: names and identifiers removed, the clinical content kept. Every name here is invented.</summary>
public class LetterRedactionTests
{
    private static readonly string?[] Parties = ["Acme Synthetic Freight", "Dr. Jane Q. Roe, MD", null, " ", "Synthetic Valley Clinic"];

    [Theory]
    [InlineData("Employer Acme Synthetic Freight reported the injury.", "Employer [redacted] reported the injury.")]
    [InlineData("Seen at SYNTHETIC VALLEY CLINIC today.", "Seen at [redacted] today.")]
    [InlineData("Dr. Jane Q. Roe, MD requested an MRI.", "Dr. [redacted], MD requested an MRI.")]
    [InlineData("Per Roe the pain persists.", "Per [redacted] the pain persists.")]
    [InlineData("Acme Synthetic\nFreight is the employer.", "[redacted] is the employer.")]
    public void RedactText_PartyNames_AreRemovedWherePresent(string text, string expected) =>
        Assert.Equal(expected, LetterRedaction.RedactText(text, Parties));

    [Theory]
    [InlineData("Dr. Smithers examined the knee.", "Dr. [redacted] examined the knee.")]
    [InlineData("Ms Examplename reports pain.", "Ms [redacted] reports pain.")]
    [InlineData("Patient: Synthetic Worker, 52, male.", "Patient: [redacted], 52, male.")]
    [InlineData("Claimant name: Testperson Q. Sample was seen.", "Claimant name: [redacted] was seen.")]
    [InlineData("SSN 000-12-3456 on file.", "SSN [redacted] on file.")]
    [InlineData("Call (555) 010-0199 or 555-010-0188.", "Call [redacted] or [redacted].")]
    [InlineData("Claim number: SYN-12345 open.", "Claim number: [redacted] open.")]
    [InlineData("DOB: 01/02/1960.", "DOB: [redacted].")]
    public void RedactText_IdentifiersTheTextMarks_AreRemoved(string text, string expected) =>
        Assert.Equal(expected, LetterRedaction.RedactText(text, []));

    [Theory]
    [InlineData("MRI of the lumbar spine on 05/14/2015 showed L4-5 disc protrusion.")]
    [InlineData("MTUS Chronic Pain Medical Treatment Guidelines, pages 98-99, allow 9-10 visits over 8 weeks.")]
    [InlineData("The MS Contin dose was 30 mg twice daily; EMG/NCS of the upper extremities was requested.")]
    [InlineData("Drug name: tramadol 50 mg.")]
    public void RedactText_ClinicalContent_IsKept(string text) =>
        Assert.Equal(text, LetterRedaction.RedactText(text, Parties));

    [Fact]
    public void Redact_Letter_RemovesFromSummaryRequestsAndRationalesAndDropsTheSource()
    {
        var letter = new Letter("private/CM-SYN-0001.pdf", LetterFormats.Current, "CM-SYN-0001", LetterDates.None, "Standard",
            ReviewerCredentials.None, new PatientDescription(52, "male"),
            "Synthetic summary: Dr. Roe at Synthetic Valley Clinic treats chronic low back pain.",
            [new LetterItem("MRI of the lumbar spine as requested by Dr. Roe", Decision.Upheld, null, "MTUS ACOEM", [], "Synthetic rationale: Acme Synthetic Freight duty was modified.")]);

        var redacted = LetterRedaction.Redact(letter, Parties);

        Assert.Null(redacted.Source);
        Assert.Equal("CM-SYN-0001", redacted.CaseNumber);
        Assert.Equal("Synthetic summary: Dr. [redacted] at [redacted] treats chronic low back pain.", redacted.ClinicalSummary);
        Assert.Equal("MRI of the lumbar spine as requested by Dr. [redacted]", redacted.Items[0].Request);
        Assert.Equal("Synthetic rationale: [redacted] duty was modified.", redacted.Items[0].Rationale);
        Assert.Equal(Decision.Upheld, redacted.Items[0].Decision);
    }
}
