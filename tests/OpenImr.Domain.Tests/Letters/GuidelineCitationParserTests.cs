using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Tests.Letters;

public class GuidelineCitationParserTests
{
    public static TheoryData<string, GuidelineCitation[]> Lines => new()
    {
        {
            "Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.",
            [new("MTUS", "Low Back Complaints", "2004", null, "Special Studies")]
        },
        {
            "Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies, and Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies.",
            [new("MTUS", "Neck and Upper Back Complaints", "2004", null, "Special Studies"), new("MTUS", "Forearm, Wrist, and Hand Complaints", "2004", null, "Special Studies")]
        },
        {
            "Decision based on MTUS Chronic Pain Medical Treatment 2016 Guidelines, Section(s): NSAIDs, GI symptoms & cardiovascular risk.",
            [new("MTUS", "Chronic Pain Medical Treatment Guidelines", "2016", null, "NSAIDs, GI symptoms & cardiovascular risk")]
        },
        {
            "Decision based on MTUS Acupuncture Treatment 2007.",
            [new("MTUS", "Acupuncture Medical Treatment Guidelines", "2007", null, null)]
        },
        {
            "Decision based on MTUS Elbow Complaints 2007, Section(s): Recommendations. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Elbow, Splinting.",
            [new("MTUS", "Elbow Disorders", "2007", null, "Recommendations"), new("ODG", "Official Disability Guidelines", null, null, "Elbow, Splinting")]
        },
        {
            "Decision based on MTUS Opioid Treatment 2016, Section(s): 2. Opioids for Subacute Pain.",
            [new("MTUS", "Opioids Treatment Guidelines", "2016", null, "2. Opioids for Subacute Pain")]
        },
        {
            "Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods, and Chronic Pain Medical Treatment 2009, Section(s): Epidural steroid injections (ESIs).",
            [new("MTUS", "Low Back Complaints", "2004", null, "Physical Methods"), new("MTUS", "Chronic Pain Medical Treatment Guidelines", "2009", null, "Epidural steroid injections (ESIs)")]
        },
        {
            "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Carpal Tunnel Syndrome (Acute & Chronic) and Other Medical Treatment Guidelines AANEM Recommended Policy for Electrodiagnostic Medicine.",
            [new("ODG", "Official Disability Guidelines", null, null, "Carpal Tunnel Syndrome (Acute & Chronic)"), new("Other", "AANEM Recommended Policy for Electrodiagnostic Medicine", null, null, null)]
        },
        {
            "Decision based on MTUS Shoulder Complaints 2004, Section(s): Summary. Decision based on Non-MTUS Citation ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Shoulder Disorders, pg. 64.",
            [new("MTUS", "Shoulder Complaints", "2004", null, "Summary"), new("ACOEM", "ACOEM Occupational Medicine Practice Guidelines", "3rd Edition", "64", "Shoulder Disorders")]
        },
        {
            "Decision based on MTUS Chronic Pain Treatment Guidelines Physical Therapy Page(s): 98-99.",
            [new("MTUS", "Chronic Pain Medical Treatment Guidelines", null, "98-99", "Physical Therapy")]
        },
        {
            "Decision based on Non-MTUS Citation Green's Operative Hand Surgery, 6th ed Chapter 17: Distal Radius Fractures.",
            [new("Other", "Green's Operative Hand Surgery, 6th ed Chapter 17: Distal Radius Fractures", null, null, null)]
        },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Parse_LetterGuidelineLine_ReadsEveryCitation(string line, GuidelineCitation[] expected)
    {
        Assert.Equal(expected, GuidelineCitationParser.Parse(line));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("The Expert Reviewer did not cite any medical evidence for its decision.")]
    public void Parse_NoGuidelineNamed_ReturnsEmpty(string? line)
    {
        Assert.Empty(GuidelineCitationParser.Parse(line));
    }

    [Fact]
    public void Format_ThenParse_GivesBackTheCitations()
    {
        GuidelineCitation[] citations =
        [
            new("MTUS", "Knee Complaints", "2004", "343", "Special Studies"),
            new("ODG", "Official Disability Guidelines", null, null, "Knee & Leg, Durable medical equipment (DME)"),
        ];

        Assert.Equal(citations, GuidelineCitationParser.Parse(GuidelineCitationFormatter.Format(citations)));
    }
}
