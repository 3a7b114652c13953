namespace OpenImr.Domain.Clinical;

/// <summary>A headed part of a document: <see cref="Name"/> as written (without a trailing colon), spanning original offsets [Start, End).</summary>
public sealed record DocumentSection(string Name, int Start, int End);

/// <summary>
/// Finds section headings in a clinical document: a line in capitals ("CLINICAL CASE SUMMARY",
/// "IMR ISSUES, DECISIONS AND RATIONALES") or a line opening with a known label and a colon
/// ("Diagnoses:", "Work Status:", "Treatment Plan:"). A section runs to the next heading.
/// Offsets index the original text. Linear; never throws.
/// </summary>
public static class DocumentSections
{
    private const int MaxHeadingLength = 80;

    private static readonly string[] Labels =
    [
        "chief complaint", "history of present illness", "history", "past medical history", "subjective", "objective",
        "physical examination", "physical exam", "examination", "exam", "assessment", "impression", "diagnosis", "diagnoses",
        "plan", "treatment plan", "plan of care", "recommendations", "recommendation", "medications", "current medications",
        "work status", "disability status", "imaging", "diagnostic studies", "prior treatment", "treatment to date",
        "request", "requests", "requested treatment", "discussion", "summary", "clinical summary", "review of systems", "allergies",
    ];

    public static IReadOnlyList<DocumentSection> Find(string? text)
    {
        var sections = new List<DocumentSection>();
        if (string.IsNullOrEmpty(text))
        {
            return sections;
        }

        var headings = new List<(string Name, int Start)>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            if (Heading(text.AsSpan(lineStart, lineEnd - lineStart)) is { } name)
            {
                headings.Add((name, lineStart));
            }

            lineStart = lineEnd + 1;
        }

        for (var i = 0; i < headings.Count; i++)
        {
            var end = i + 1 < headings.Count ? headings[i + 1].Start : text.Length;
            sections.Add(new DocumentSection(headings[i].Name, headings[i].Start, end));
        }

        return sections;
    }

    /// <summary>The section holding original offset <paramref name="offset"/>, or null before the first heading.</summary>
    public static string? NameAt(IReadOnlyList<DocumentSection> sections, int offset)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var lo = 0;
        var hi = sections.Count - 1;
        string? found = null;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (sections[mid].Start <= offset)
            {
                found = sections[mid].Name;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>The heading name if <paramref name="line"/> is a heading line, else null.</summary>
    internal static string? Heading(ReadOnlySpan<char> line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length < 3)
        {
            return null;
        }

        // "Diagnoses: lumbar sprain" - a known label before a colon near the start of the line.
        var colon = trimmed.IndexOf(':');
        if (colon > 0 && colon <= 40)
        {
            var label = trimmed[..colon].Trim();
            foreach (var known in Labels)
            {
                if (label.Equals(known, StringComparison.OrdinalIgnoreCase))
                {
                    return label.ToString();
                }
            }
        }

        if (trimmed.Length > MaxHeadingLength)
        {
            return null;
        }

        var letters = 0;
        foreach (var c in trimmed)
        {
            if (char.IsLower(c))
            {
                return null;
            }

            if (char.IsLetter(c))
            {
                letters++;
            }
        }

        return letters >= 4 ? trimmed.TrimEnd(':').Trim().ToString() : null;
    }
}
