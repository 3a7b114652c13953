using OpenImr.Domain.Letters;

namespace OpenImr.Storage.Tests.Infrastructure;

/// <summary>
/// Synthetic letters for storage tests: invented case numbers (CM-TEST-...), fictional workers and
/// text marked "Synthetic"; nothing taken from a real letter.
/// </summary>
internal static class SyntheticLetters
{
    public static GuidelineCitation Mtus(string title) => new("MTUS", title, "2009", null, null);

    public static GuidelineCitation Odg(string title) => new("ODG", title, null, null, null);

    public static GuidelineCitation Acoem(string title) => new("ACOEM", title, null, null, null);

    public static LetterItem Item(string request, Decision? decision, GuidelineCitation? citation, string rationale) =>
        new(request, decision, "Synthetic claims administrator guideline.", citation is null ? null : $"Synthetic IMR guideline: {citation.Source}.",
            citation is null ? [] : [citation], rationale);

    public static Letter Letter(string caseNumber, DateOnly? decided, string[] specialties, string summary, params LetterItem[] items) =>
        new(
            $"{caseNumber}.pdf",
            LetterFormats.Current,
            caseNumber,
            new LetterDates(decided?.AddDays(-30), new DateOnly(2013, 4, 2), decided, decided?.AddDays(-60), decided?.AddDays(-45)),
            "standard",
            new ReviewerCredentials(["CA", "NY"], specialties),
            new PatientDescription(47, "female"),
            summary,
            items);

    /// <summary>Four letters, five decided items; the last letter has no items.</summary>
    public static IReadOnlyList<Letter> Corpus() =>
    [
        Letter("CM-TEST-0001", new DateOnly(2015, 10, 23), ["Occupational Medicine"],
            "Synthetic summary: a fictional worker with chronic low back pain after lifting boxes. Diabetes is noted.",
            Item("Lumbar epidural steroid injection at L4-L5", Decision.Upheld, Mtus("Chronic Pain Medical Treatment Guidelines"),
                "Synthetic rationale: no radiculopathy is documented on examination, so the lumbar epidural steroid injection is not medically necessary."),
            Item("12 sessions of physical therapy", Decision.Overturned, Mtus("Chronic Pain Medical Treatment Guidelines"),
                "Synthetic rationale: physiotherapy with functional improvement goals is supported after the flare.")),
        Letter("CM-TEST-0002", new DateOnly(2016, 3, 4), ["Orthopedic Surgery", "Sports Medicine"],
            "Synthetic summary: a fictional worker with a knee strain from a fall on stairs.",
            Item("MRI of the right knee", Decision.Overturned, Odg("Knee & Leg"),
                "Synthetic rationale: mechanical symptoms after the fall support imaging of the knee."),
            Item("Injection of steroid, not epidural, into the right knee", Decision.Upheld, Acoem("Knee Complaints"),
                "Synthetic rationale: an injection with steroid into the knee is not indicated; epidural access plays no part.")),
        Letter("CM-TEST-0003", new DateOnly(2016, 7, 15), ["Occupational Medicine"],
            "Synthetic summary: a fictional worker with neck pain after a desk job.",
            Item("Cervical MRI", Decision.Upheld, Mtus("Neck and Upper Back Complaints"),
                "Synthetic rationale: there are no red flags, and cervical imaging is not indicated.")),
        Letter("CM-TEST-0004", new DateOnly(2016, 8, 1), ["Internal Medicine"],
            "Synthetic summary: a fictional worker whose letter decides nothing."),
    ];

    /// <summary>A keyword classifier standing in for the Domain's service catalogue.</summary>
    public static string? Classify(LetterItem item) =>
        item.Request.Contains("MRI", StringComparison.Ordinal) ? "imaging/mri"
        : item.Request.Contains("physical therapy", StringComparison.OrdinalIgnoreCase) ? "physical-medicine/physical-therapy"
        : item.Request.Contains("injection", StringComparison.OrdinalIgnoreCase) ? "injection/steroid"
        : null;
}
