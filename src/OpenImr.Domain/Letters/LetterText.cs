using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenImr.Domain.Letters;

/// <summary>
/// A letter's text reduced to plain lines: Markdown and HTML markup removed, page breaks and
/// page numbers dropped, trailing spaces trimmed. Records whether blank lines are noise (text
/// exported with a blank line after every line) so that paragraphs can be rebuilt honestly.
/// </summary>
internal sealed partial class LetterText
{
    private LetterText(IReadOnlyList<string> lines, bool hadMarkup, bool blankLinesAreNoise)
    {
        Lines = lines;
        HadMarkup = hadMarkup;
        BlankLinesAreNoise = blankLinesAreNoise;
    }

    public IReadOnlyList<string> Lines { get; }

    public bool HadMarkup { get; }

    /// <summary>True when most lines are followed by a blank line, so a single blank line does not end a paragraph.</summary>
    public bool BlankLinesAreNoise { get; }

    public static LetterText From(string raw)
    {
        var hadMarkup = LooksLikeMarkup(raw);
        var text = hadMarkup ? StripMarkup(raw) : raw;
        var lines = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = CleanLine(rawLine);
            if (line.Contains('\f', StringComparison.Ordinal))
            {
                line = line.Replace("\f", "", StringComparison.Ordinal).TrimEnd();
                if (line.Length == 0)
                {
                    // A page break alone on its line is neither text nor a paragraph gap.
                    continue;
                }
            }

            if (PageNumberLine().IsMatch(line))
            {
                continue;
            }

            lines.Add(line);
        }

        // Markup marks paragraphs itself, so its blank lines are always real breaks.
        return new LetterText(lines, hadMarkup, !hadMarkup && DetectBlankLineNoise(lines));
    }

    /// <summary>Joins lines into one flowing paragraph text, mending words hyphenated across lines.</summary>
    public static string Flow(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                var last = builder[^1];
                var beforeLast = builder.Length > 1 ? builder[^2] : ' ';
                if (!(last == '-' && char.IsLetterOrDigit(beforeLast)))
                {
                    builder.Append(' ');
                }
            }

            builder.Append(line);
        }

        return CollapseSpaces(builder.ToString());
    }

    /// <summary>
    /// Splits lines into paragraphs (by blank lines, unless blank lines are noise) and flows each;
    /// the paragraphs are joined by a blank line.
    /// </summary>
    public string Paragraphs(int start, int end)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        var blankRun = 0;
        for (var i = start; i < end; i++)
        {
            var line = Lines[i];
            if (line.Trim().Length == 0)
            {
                blankRun++;
                continue;
            }

            var breaks = BlankLinesAreNoise ? blankRun >= 2 : blankRun >= 1;
            if (breaks && current.Count > 0)
            {
                paragraphs.Add(Flow(current));
                current.Clear();
            }

            blankRun = 0;
            current.Add(line);
        }

        if (current.Count > 0)
        {
            paragraphs.Add(Flow(current));
        }

        return string.Join("\n\n", paragraphs.Where(p => p.Length > 0));
    }

    public static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\u00A0')
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string CleanLine(string line)
    {
        line = line.TrimEnd('\r', ' ', '\t', '\u00A0');
        return line.Contains('\t', StringComparison.Ordinal) ? line.Replace("\t", "    ", StringComparison.Ordinal) : line;
    }

    private static bool LooksLikeMarkup(string raw)
    {
        var probe = raw.Length > 20_000 ? raw[..20_000] : raw;
        return probe.Contains("<b>", StringComparison.OrdinalIgnoreCase)
            || probe.Contains("</p>", StringComparison.OrdinalIgnoreCase)
            || probe.Contains("<br", StringComparison.OrdinalIgnoreCase)
            || probe.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || MarkdownHeading().IsMatch(probe)
            || probe.Contains("**", StringComparison.Ordinal);
    }

    private static string StripMarkup(string raw)
    {
        var text = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        text = BlockTag().Replace(text, "\n");
        text = CellTag().Replace(text, "    ");
        text = AnyTag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        text = text.Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal);
        text = MarkdownHeading().Replace(text, "");
        return text;
    }

    private static bool DetectBlankLineNoise(List<string> lines)
    {
        int content = 0, followedByBlank = 0;
        for (var i = 0; i < lines.Count - 1; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            content++;
            if (lines[i + 1].Trim().Length == 0)
            {
                followedByBlank++;
            }
        }

        return content >= 8 && followedByBlank * 10 >= content * 6;
    }

    [GeneratedRegex(@"^\s*(?:Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|-\s*\d{1,3}\s*-|\d{1,3}\s*/\s*\d{1,3})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumberLine();

    [GeneratedRegex(@"(?m)^[ \t]{0,3}#{1,6}[ \t]+")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"<\s*/?\s*(?:br|p|div|h[1-6]|li|tr|table|section|article)\b[^<>]{0,200}>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<\s*/?\s*t[dh]\b[^<>]{0,200}>", RegexOptions.IgnoreCase)]
    private static partial Regex CellTag();

    [GeneratedRegex(@"<[^<>]{0,300}>")]
    private static partial Regex AnyTag();
}
