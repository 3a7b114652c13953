using OpenImr.Domain.Letters;

namespace OpenImr.Web.Tests.Infrastructure;

/// <summary>Synthetic cases, documents and letters: invented people and text, marked "Synthetic".</summary>
internal static class TestCases
{
    public static object ValidCase(string caseNumber = "CM-TEST-WEB-0001") => new
    {
        caseNumber,
        priority = "standard",
        dates = new { injury = "2015-05-14", urDenial = "2015-08-27", applicationReceived = "2015-09-04", assigned = (string?)null },
        patient = new { age = 52, sex = "male" },
        application = new { signed = true, urDecisionServed = "2015-08-27", servedBy = "mail", urDecisionAttached = true, conditionalNonCertification = false },
        parties = new { employer = "Synthetic Employer", insurer = "Synthetic Insurer", claimsAdministrator = (string?)null, requestingPhysician = "Dr Synthetic", facility = (string?)null, attorney = (string?)null },
        requests = new[] { new { description = "10 work conditioning sessions" }, new { description = "MRI of the lumbar spine" } },
        documents = new object[]
        {
            new { type = "clinical-summary", date = (string?)null, text = "Synthetic: the applicant is a 52 year old male with chronic low back pain." },
            new { type = "progress-report", date = "2015-08-19", path = "records/pr2.pdf" },
        },
    };

    /// <summary>A synthetic letter, for rendering as a PDF record.</summary>
    public static Letter Letter(string caseNumber) => new(
        $"{caseNumber}.pdf",
        LetterFormats.Current,
        caseNumber,
        new LetterDates(new DateOnly(2015, 9, 16), new DateOnly(2015, 5, 14), new DateOnly(2015, 10, 23), new DateOnly(2015, 8, 27), new DateOnly(2015, 9, 4)),
        "standard",
        new ReviewerCredentials(["CA"], ["Occupational Medicine"]),
        new PatientDescription(52, "male"),
        "Synthetic summary: a fictional worker with chronic low back pain after lifting boxes, treated with physiotherapy.",
        [new LetterItem("10 work conditioning sessions", Decision.Upheld, "Synthetic guideline.", "Synthetic IMR guideline: MTUS.",
            [new GuidelineCitation("MTUS", "Chronic Pain Medical Treatment Guidelines", "2009", null, null)],
            "Synthetic rationale: no return-to-work goal agreed with the employer is documented.")]);

    /// <summary>The seed letters copied from the Domain tests' TestData.</summary>
    public static IReadOnlyList<string> SeedFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "Seeds")).Order(StringComparer.Ordinal)];
}
