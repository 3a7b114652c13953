using System.Text.RegularExpressions;

namespace OpenImr.Domain.Letters;

/// <summary>
/// Reads the guidelines named in a letter's guideline line ("Decision based on MTUS Chronic
/// Pain Medical Treatment 2009, Section(s): Work conditioning, work hardening. Decision based on
/// Non-MTUS Citation Official Disability Guidelines (ODG) ...") into citations, one per
/// document named, with MTUS documents under their official names.
/// </summary>
public static partial class GuidelineCitationParser
{
    public const string Mtus = "MTUS";
    public const string Odg = "ODG";
    public const string Acoem = "ACOEM";
    public const string Other = "Other";

    private static readonly (Regex Pattern, string Title)[] MtusTitles =
    [
        (new(@"\GChronic\s+Pain(?:\s+Medical)?(?:\s+Treatment)?(?:\s+Guidelines)?", RegexOptions.IgnoreCase | RegexOptions.Compiled), "Chronic Pain Medical Treatment Guidelines"),
        (new(@"\GAcupuncture(?:\s+Medical)?\s+Treatment(?:\s+Guidelines)?", RegexOptions.IgnoreCase | RegexOptions.Compiled), "Acupuncture Medical Treatment Guidelines"),
        (new(@"\GPost-?\s*surgical\s+Treatment(?:\s+Guidelines)?", RegexOptions.IgnoreCase | RegexOptions.Compiled), "Postsurgical Treatment Guidelines"),
        (new(@"\GOpioids?\s+Treatment(?:\s+Guidelines)?", RegexOptions.IgnoreCase | RegexOptions.Compiled), "Opioids Treatment Guidelines"),
        (new(@"\GLow\s+Back\s+Complaints", RegexOptions.IgnoreCase | RegexOptions.Compiled), "Low Back Complaints"),
        (new(@"\GNeck\s+and\s+Upper\s+Back\s+Complaints", RegexOptions.IgnoreCase | RegexOptions.Compiled), "Neck and Upper Back Complaints"),
        (new(@"\GShoulder\s+Complaints", RegexOptions.IgnoreCase | RegexOptions.Compiled), "Shoulder Complaints"),
        (new(@"\GElbow\s+(?:Complaints|Disorders)", RegexOptions.IgnoreCase | RegexOptions.Compiled), "Elbow Disorders"),
        (new(@"\GForearm,\s*Wrist,?\s+and\s+Hand\s+Complaints", RegexOptions.IgnoreCase | RegexOptions.Compiled), "Forearm, Wrist, and Hand Complaints"),
        (new(@"\GKnee\s+Complaints", RegexOptions.IgnoreCase | RegexOptions.Compiled), "Knee Complaints"),
        (new(@"\GAnkle\s+and\s+Foot\s+Complaints", RegexOptions.IgnoreCase | RegexOptions.Compiled), "Ankle and Foot Complaints"),
        (new(@"\GGeneral\s+Approach(?:es)?", RegexOptions.IgnoreCase | RegexOptions.Compiled), "General Approaches"),
        (new(@"\GIndependent\s+Medical\s+Examinations\s+and\s+Consultations", RegexOptions.IgnoreCase | RegexOptions.Compiled), "Independent Medical Examinations and Consultations"),
        (new(@"\GStress[- ]Related\s+Conditions", RegexOptions.IgnoreCase | RegexOptions.Compiled), "Stress Related Conditions"),
    ];

    /// <summary>Every guideline the line names; empty when it names none (or is null).</summary>
    public static IReadOnlyList<GuidelineCitation> Parse(string? guidelineLine)
    {
        if (string.IsNullOrWhiteSpace(guidelineLine))
        {
            return [];
        }

        var citations = new List<GuidelineCitation>();
        var starts = DecisionBasedOn().Matches(guidelineLine);
        for (var i = 0; i < starts.Count; i++)
        {
            var from = starts[i].Index + starts[i].Length;
            var to = i + 1 < starts.Count ? starts[i + 1].Index : guidelineLine.Length;
            var segment = guidelineLine[from..to].Trim().TrimEnd('.').Trim();
            if (segment.Length == 0)
            {
                continue;
            }

            var nonMtus = NonMtusPrefix().Match(segment);
            if (nonMtus.Success)
            {
                ReadNonMtus(segment[nonMtus.Length..], citations);
            }
            else if (MtusPrefix().Match(segment) is { Success: true } mtus)
            {
                ReadMtus(segment[mtus.Length..], citations);
            }
            else
            {
                citations.Add(new GuidelineCitation(Other, segment, null, Pages(segment), null));
            }
        }

        return citations;
    }

    private static void ReadMtus(string text, List<GuidelineCitation> citations)
    {
        // Documents follow one another: "Low Back Complaints 2004, Section(s): X, and Chronic Pain ... 2016, Section(s): Y".
        var documents = new List<(int Start, string Title, int TitleLength)>();
        for (var position = 0; position < text.Length; position++)
        {
            if (position > 0 && !IsDocumentBoundary(text, position))
            {
                continue;
            }

            foreach (var (pattern, title) in MtusTitles)
            {
                var match = pattern.Match(text, position);
                if (match.Success)
                {
                    documents.Add((position, title, match.Length));
                    position += match.Length - 1;
                    break;
                }
            }
        }

        if (documents.Count == 0)
        {
            citations.Add(new GuidelineCitation(Mtus, null, Year(text), Pages(text), CleanSection(SectionText(text))));
            return;
        }

        for (var d = 0; d < documents.Count; d++)
        {
            var (start, title, titleLength) = documents[d];
            var end = d + 1 < documents.Count ? documents[d + 1].Start : text.Length;
            var rest = text[(start + titleLength)..end];
            rest = TrailingConnector().Replace(rest, "");
            var edition = LeadingEdition().Match(rest);
            var year = edition.Groups["year"].Success ? edition.Groups["year"].Value : null;
            rest = rest[edition.Length..];
            citations.Add(new GuidelineCitation(Mtus, title, year, Pages(rest), CleanSection(SectionText(rest))));
        }
    }

    private static void ReadNonMtus(string text, List<GuidelineCitation> citations)
    {
        var parts = OtherGuidelines().Split(text);
        for (var p = 0; p < parts.Length; p++)
        {
            var part = parts[p].Trim().TrimEnd('.').Trim();
            if (part.Length == 0)
            {
                continue;
            }

            if (p == 0 && OdgName().Match(part) is { Success: true } odg)
            {
                var section = CleanSection(PagesText().Replace(part[odg.Length..], ""));
                citations.Add(new GuidelineCitation(Odg, "Official Disability Guidelines", null, Pages(part), section));
            }
            else if (p == 0 && AcoemName().Match(part) is { Success: true } acoem)
            {
                var rest = part[acoem.Length..];
                var ordinal = AcoemEdition().Match(rest);
                var year = ParenthesisedYear().Match(rest);
                string? edition = ordinal.Success
                    ? ordinal.Groups["n"].Value + " Edition" + (year.Success ? $" ({year.Groups["y"].Value})" : "")
                    : year.Success ? year.Groups["y"].Value : null;
                rest = AcoemEdition().Replace(rest, "");
                rest = ParenthesisedYear().Replace(rest, "");
                rest = PagesText().Replace(rest, "");
                citations.Add(new GuidelineCitation(Acoem, "ACOEM Occupational Medicine Practice Guidelines", edition, Pages(part), CleanSection(rest)));
            }
            else
            {
                citations.Add(new GuidelineCitation(Other, part, null, null, null));
            }
        }
    }

    private static bool IsDocumentBoundary(string text, int position)
    {
        var before = text.AsSpan(0, position);
        return before.EndsWith(", and ", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith(" and ", StringComparison.OrdinalIgnoreCase)
            || before.EndsWith("; ", StringComparison.Ordinal);
    }

    private static string? SectionText(string rest)
    {
        var labelled = SectionLabel().Match(rest);
        var section = labelled.Success ? rest[(labelled.Index + labelled.Length)..] : rest;
        var pages = PagesLabel().Match(section);
        return pages.Success ? section[..pages.Index] : section;
    }

    private static string? CleanSection(string? section)
    {
        if (section is null)
        {
            return null;
        }

        var cleaned = LetterText.CollapseSpaces(section).Trim().Trim(',', '.', ';', ':', '-', '/').Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    private static string? Pages(string text)
    {
        var match = PagesText().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var value = match.Groups["p"].Value.Replace('\u2013', '-').Replace(" ", "", StringComparison.Ordinal).Trim(',', '-');
        return value.Length == 0 ? null : value.Replace(",", ", ", StringComparison.Ordinal);
    }

    private static string? Year(string text)
    {
        var match = AnyYear().Match(text);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"Decision\s+based\s+on\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecisionBasedOn();

    [GeneratedRegex(@"^Non-?\s*MTUS\s+(?:Citation\s*:?)?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonMtusPrefix();

    [GeneratedRegex(@"^(?:CA\s+)?MTUS\s*(?:\(\w+\)\s*)?:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MtusPrefix();

    [GeneratedRegex(@"\s+and\s+Other\s+Medical\s+Treatment\s+Guidelines?\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherGuidelines();

    [GeneratedRegex(@"^(?:Official\s+Disability\s+Guidelines\s*(?:\(ODG\))?|ODG)\s*[,:\-]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OdgName();

    [GeneratedRegex(@"^(?:American\s+College\s+of\s+Occupational\s+and\s+Environmental\s+Medicine\s*(?:\(ACOEM\))?|ACOEM)(?:\s+Occupational\s+Medicine\s+Practice\s+Guidelines)?\s*[,:]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AcoemName();

    [GeneratedRegex(@"(?<n>\d(?:st|nd|rd|th))\s+ed(?:ition|\.)?\s*,?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AcoemEdition();

    [GeneratedRegex(@"\(\s*(?<y>(?:19|20)\d{2})\s*\)\s*,?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex ParenthesisedYear();

    [GeneratedRegex(@"^\s*(?<year>(?:19|20)\d{2})?\s*(?:Guidelines)?\s*[,:]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingEdition();

    [GeneratedRegex(@"\s*,?\s*(?:and|;)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingConnector();

    [GeneratedRegex(@"Section\(s\)\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SectionLabel();

    [GeneratedRegex(@"\(?\s*(?:Page\(s\)|Pages?|pgs?\.?|p\.)\s*:?\s*\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PagesLabel();

    [GeneratedRegex(@"\(?\s*(?:Page\(s\)|Pages?|pgs?\.?|p\.)\s*:?\s*(?<p>\d{1,4}(?:\s*[-\u2013,]\s*\d{1,4})*)\s*\)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PagesText();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex AnyYear();
}
