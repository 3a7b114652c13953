using System.Text.Json;
using CsCheck;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Serialization;

namespace OpenImr.Domain.Tests.Letters;

public class LetterRendererTests
{
    private static readonly string[] Words =
    [
        "pain", "lumbar", "cervical", "therapy", "sessions", "the", "patient", "reported", "improvement", "with", "MRI",
        "[REDACTED]", "12", "2016", "right", "knee", "injection", "non-surgical", "function", "work", "status", "modified",
        "duty", "tenderness", "range", "of", "motion", "decreased", "radiating", "numbness", "follow-up", "6/10", "daily",
        "synthetic", "invented", "walking", "sleep", "exam", "shoulder", "and", "was", "is", "noted", "(PT)", "50mg", "#60",
    ];

    private static readonly string[] MtusTitles =
    [
        "Chronic Pain Medical Treatment Guidelines", "Low Back Complaints", "Neck and Upper Back Complaints", "Shoulder Complaints",
        "Elbow Disorders", "Forearm, Wrist, and Hand Complaints", "Knee Complaints", "Ankle and Foot Complaints",
        "Acupuncture Medical Treatment Guidelines", "Postsurgical Treatment Guidelines", "General Approaches", "Opioids Treatment Guidelines",
    ];

    private static readonly string[] Sections =
    [
        "Physical medicine treatment", "Special Studies", "Work conditioning, work hardening", "Topical Analgesics",
        "Electrodiagnostic testing (EMG/NCS)", "Manual therapy & manipulation", "Diagnostic Criteria, Special Studies, Summary",
    ];

    private static readonly string[] Specialties =
    [
        "Occupational Medicine", "Preventive Medicine", "Physical Medicine & Rehabilitation", "Orthopedic Surgery", "Pain Management",
        "Family Practice", "Internal Medicine", "Anesthesiology", "Neurology",
    ];

    private static readonly string[] StateCodes = ["CA", "TX", "NY", "WA", "AZ", "HI", "NV", "OR", "FL", "WV"];

    private static readonly Gen<string> Sentence =
        Gen.Int[3, 22].SelectMany(n => Gen.OneOf(Words).Array[n])
            .Select(words => char.ToUpperInvariant(words[0][0]) + string.Join(' ', words)[1..] + ".");

    private static readonly Gen<string> Paragraph = Gen.Int[1, 6].SelectMany(n => Sentence.Array[n]).Select(s => string.Join(' ', s));

    private static readonly Gen<string?> Paragraphs =
        Gen.Int[0, 3].SelectMany(n => Paragraph.Array[n]).Select(p => p.Length == 0 ? null : string.Join("\n\n", p));

    private static readonly Gen<DateOnly?> Date =
        Gen.Int[-1, 4000].Select(d => d < 0 ? (DateOnly?)null : new DateOnly(2013, 1, 1).AddDays(d));

    private static readonly Gen<GuidelineCitation> Citation = Gen.Int[0, 3].SelectMany(kind => kind switch
    {
        0 or 1 => Gen.Select(Gen.OneOf(MtusTitles), Gen.OneOf<string?>(null, "2004", "2009", "2016"), Gen.OneOf<string?>(null, "98-99", "125-126", "49", "303-305"),
            Gen.OneOf(Sections.Cast<string?>().Append(null).ToArray()), (title, edition, pages, section) => new GuidelineCitation("MTUS", title, edition, pages, section)),
        2 => Gen.Select(Gen.OneOf<string?>(null, "Knee & Leg, MRI", "Pain Chapter, Topical Analgesics"), Gen.OneOf<string?>(null, "12"),
            (section, pages) => new GuidelineCitation("ODG", "Official Disability Guidelines", null, pages, section)),
        _ => Gen.Select(Gen.OneOf<string?>(null, "2nd Edition", "3rd Edition (2011)"), Gen.OneOf<string?>(null, "Shoulder Disorders"), Gen.OneOf<string?>(null, "64"),
            (edition, section, pages) => new GuidelineCitation("ACOEM", "ACOEM Occupational Medicine Practice Guidelines", edition, pages, section)),
    });

    private static readonly Gen<LetterItem> Item =
        Gen.Select(
            Gen.Int[1, 12].SelectMany(n => Gen.OneOf(Words).Array[n]).Select(w => string.Join(' ', w)),
            Gen.OneOf(Decision.Upheld, Decision.Overturned),
            Citation.Array[0, 3],
            Citation.Array[0, 2],
            Paragraphs,
            (request, decision, cited, claims, rationale) => new LetterItem(
                char.ToUpperInvariant(request[0]) + request[1..],
                decision,
                claims.Length == 0 ? null : GuidelineCitationFormatter.Format(claims),
                cited.Length == 0 ? null : GuidelineCitationFormatter.Format(cited),
                cited,
                rationale));

    private static readonly Gen<Letter> GeneratedLetter =
        Gen.Select(
            Gen.Select(Gen.Bool, Gen.Int[0, 9_999_999], (has, n) => has ? $"CM16-{n:0000000}" : null),
            Gen.Select(Date, Date, Date, Date, Date, (a, i, d, u, r) => new LetterDates(a, i, d, u, r)),
            Gen.OneOf<string?>(null, "standard", "expedited"),
            Gen.Select(Gen.OneOf(StateCodes).Array[0, 3], Gen.OneOf(Specialties).Array[0, 3],
                (states, specialties) => new ReviewerCredentials(states.Distinct().ToList(), specialties.Distinct().ToList())),
            Gen.Select(Gen.Int[18, 80], Gen.OneOf<string?>("male", "female"), Gen.Bool, Paragraphs,
                (age, sex, stated, rest) => stated
                    ? (new PatientDescription(age, sex), (string?)$"The patient is a {age} year old {sex} with synthetic complaints.{(rest is null ? "" : " " + rest)}")
                    : (PatientDescription.Unknown, rest)),
            Item.Array[1, 5],
            (caseNumber, dates, priority, reviewer, patientAndSummary, items) => new Letter(
                "generated.txt", LetterFormats.Current, caseNumber, dates, priority, reviewer, patientAndSummary.Item1, patientAndSummary.Item2, items));

    [Theory]
    [InlineData(LetterFormat.Text)]
    [InlineData(LetterFormat.Markdown)]
    [InlineData(LetterFormat.Html)]
    public void Render_ThenParse_GivesBackTheSameLetter(LetterFormat format)
    {
        GeneratedLetter.Sample(letter =>
        {
            var rendered = LetterRenderer.Render(letter, format);

            var parsed = LetterParser.Parse(rendered, letter.Source).Letter;

            Assert.NotNull(parsed);
            Assert.Equal(Json(letter), Json(parsed with { Format = letter.Format }));
        }, iter: 150, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [MemberData(nameof(TestFiles.SeedNames), MemberType = typeof(TestFiles))]
    public void Render_Seed_ParsesBackUnchanged(string seed)
    {
        var letter = LetterParser.Parse(TestFiles.Read(seed), "seed").Letter!;

        foreach (var format in Enum.GetValues<LetterFormat>())
        {
            var parsed = LetterParser.Parse(LetterRenderer.Render(letter, format), "seed").Letter;

            Assert.NotNull(parsed);
            Assert.Equal(Json(letter), Json(parsed with { Format = letter.Format }));
        }
    }

    [Fact]
    public void Render_Text_UsesPublishedSectionsInOrder()
    {
        var letter = LetterParser.Parse(TestFiles.Read(TestFiles.Seed002)).Letter!;

        var text = LetterRenderer.Render(letter, LetterFormat.Text);

        var how = text.IndexOf("HOW THE IMR FINAL DETERMINATION WAS MADE", StringComparison.Ordinal);
        var summary = text.IndexOf("CLINICAL CASE SUMMARY", StringComparison.Ordinal);
        var issues = text.IndexOf("IMR ISSUES, DECISIONS AND RATIONALES", StringComparison.Ordinal);
        Assert.True(text.IndexOf("Case Number:", StringComparison.Ordinal) < how);
        Assert.True(how < summary && summary < issues);
        Assert.Contains("10 work conditioning sessions: Upheld", text, StringComparison.Ordinal);
        Assert.Contains("State(s) of Licensure: Texas, New York, California", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 100, line));
    }

    [Fact]
    public void Render_Html_EscapesMarkup()
    {
        var letter = LetterParser.Parse(TestFiles.Read(TestFiles.Seed002)).Letter!;
        letter = letter with { ClinicalSummary = "A <script>alert(1)</script> & more." };

        var html = LetterRenderer.Render(letter, LetterFormat.Html);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    private static string Json(Letter letter) => JsonSerializer.Serialize(letter, ImrJson.Compact);
}
