using System.Net;
using System.Text;
using OpenImr.Domain.Letters;
using OpenImr.Web.Tests.Infrastructure;

namespace OpenImr.Web.Tests.Components.Pages.Corpus;

/// <summary>
/// Three synthetic letters (invented case numbers CM-SYNTH-UI-..., text marked "Synthetic"), uploaded
/// through the API as a coordinator would, rendered as text letters.
/// </summary>
internal static class SyntheticLibrary
{
    public const string KneeMri = "CM-SYNTH-UI-0001";

    public static IReadOnlyList<Letter> Letters { get; } =
    [
        Letter(KneeMri, new DateOnly(2015, 10, 23), "Synthetic summary: a fictional warehouse worker twisted the right knee stepping off a ladder.",
            Item("MRI of the right knee", Decision.Overturned, new GuidelineCitation("ODG", "Knee & Leg", null, null, null),
                "Synthetic rationale: locking of the knee after the twist supports imaging to look for a meniscal tear.")),
        Letter("CM-SYNTH-UI-0002", new DateOnly(2016, 3, 4), "Synthetic summary: a fictional driver with knee pain after climbing out of a cab.",
            Item("Arthroscopic surgery of the left knee", Decision.Upheld, new GuidelineCitation("MTUS", "Knee Complaints", "2004", null, null),
                "Synthetic rationale: no mechanical symptoms or imaging findings are documented, so the knee surgery is not supported."),
            Item("12 sessions of physical therapy for the left knee", Decision.Overturned, new GuidelineCitation("MTUS", "Chronic Pain Medical Treatment Guidelines", "2009", null, null),
                "Synthetic rationale: a course of therapy with functional goals is supported for the persisting knee pain.")),
        Letter("CM-SYNTH-UI-0003", new DateOnly(2016, 7, 15), "Synthetic summary: a fictional cashier with low back pain radiating to the leg.",
            Item("Lumbar epidural steroid injection at L5-S1", Decision.Upheld, new GuidelineCitation("MTUS", "Chronic Pain Medical Treatment Guidelines", "2009", null, null),
                "Synthetic rationale: radiculopathy is not corroborated on examination, so the injection is not supported.")),
    ];

    /// <summary>Uploads <see cref="Letters"/> as text files through POST /api/letters; again, it changes nothing.</summary>
    public static async Task UploadAsync(ImrServer server)
    {
        using var form = new MultipartFormDataContent();
        foreach (var letter in Letters)
        {
            var part = new ByteArrayContent(Encoding.UTF8.GetBytes(LetterRenderer.Render(letter, LetterFormat.Text, "IMR")));
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/plain");
            form.Add(part, "files", letter.CaseNumber + ".txt");
        }

        using var response = await server.Client().PostAsync("/api/letters", form, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"failed\":0", body, StringComparison.Ordinal);
    }

    private static LetterItem Item(string request, Decision decision, GuidelineCitation citation, string rationale) =>
        new(request, decision, "Synthetic claims administrator guideline.", GuidelineCitationFormatter.Format([citation]), [citation], rationale);

    private static Letter Letter(string caseNumber, DateOnly decided, string summary, params LetterItem[] items) => new(
        $"{caseNumber}.txt",
        LetterFormats.Current,
        caseNumber,
        new LetterDates(decided.AddDays(-30), new DateOnly(2014, 2, 3), decided, decided.AddDays(-60), decided.AddDays(-45)),
        "standard",
        new ReviewerCredentials(["CA"], ["Orthopedic Surgery"]),
        new PatientDescription(44, "female"),
        summary,
        items);
}
