using System.Text.RegularExpressions;

namespace OpenImr.Domain.Letters;

/// <summary>
/// Reads the decided items of the IMR ISSUES, DECISIONS AND RATIONALES section: each item's
/// heading ("request: Upheld", the decision sometimes on the next line, the request sometimes
/// wrapped over several lines), its guideline lines and its rationale.
/// </summary>
internal static partial class LetterItemsReader
{
    private const int MaxHeadingLines = 8;

    public static List<LetterItem> Read(LetterText text, int start, int end, List<LetterParseIssue> issues)
    {
        var lines = text.Lines;
        var hasFieldLabels = false;
        for (var i = start; i < end; i++)
        {
            if (FieldLabel().IsMatch(lines[i]))
            {
                hasFieldLabels = true;
                break;
            }
        }

        var markers = FindMarkers(lines, start, end, hasFieldLabels);
        var items = new List<LetterItem>(markers.Count);
        for (var k = 0; k < markers.Count; k++)
        {
            var marker = markers[k];
            var floor = k == 0 ? start : markers[k - 1].Line + 1;
            var headingStart = HeadingStart(text, marker.HeadingLastLine, floor);
            var headingLines = LetterParser.Slice(lines, headingStart, marker.HeadingLastLine).Append(marker.HeadingTail);
            var heading = LetterText.Flow(headingLines).TrimEnd(':').Trim();
            var bodyEnd = k + 1 < markers.Count ? HeadingStart(text, markers[k + 1].HeadingLastLine, marker.Line + 1) : end;
            items.Add(ReadItem(text, Request(heading), marker.Decision, marker.Line + 1, bodyEnd, issues));
        }

        return items;
    }

    /// <summary>Where part was authorised before review, the letter decides only the remaining portion.</summary>
    internal static string Request(string heading)
    {
        var remaining = RemainingPortion().Match(heading);
        var request = remaining.Success ? remaining.Groups["r"].Value : heading;
        return request.Trim().TrimEnd(':').Trim();
    }

    private static List<Marker> FindMarkers(IReadOnlyList<string> lines, int start, int end, bool hasFieldLabels)
    {
        var markers = new List<Marker>();
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            var inline = DecisionAtEnd().Match(line);
            Marker? candidate = null;
            if (inline.Success && inline.Groups["before"].Value.Trim().Length > 0)
            {
                candidate = new Marker(i, i, inline.Groups["before"].Value, ParseDecision(inline.Groups["d"].Value));
            }
            else if (DecisionAlone().Match(line) is { Success: true } alone && PreviousContent(lines, i, start) is var previous and >= 0
                && lines[previous].TrimEnd().EndsWith(':'))
            {
                candidate = new Marker(i, previous, lines[previous], ParseDecision(alone.Groups["d"].Value));
            }

            if (candidate is { } found && (!hasFieldLabels || NextContentStartsItemPart(lines, i + 1, end)))
            {
                markers.Add(found);
            }
        }

        return markers;
    }

    private static int HeadingStart(LetterText text, int headingLastLine, int floor)
    {
        var lines = text.Lines;
        var first = headingLastLine;
        for (var l = headingLastLine - 1; l >= floor && headingLastLine - l < MaxHeadingLines; l--)
        {
            var line = lines[l].Trim();
            if (line.Length == 0)
            {
                if (text.BlankLinesAreNoise)
                {
                    continue;
                }

                break;
            }

            if (line.EndsWith('.') || line.EndsWith(':') || FieldLabel().IsMatch(line) || line.EndsWith('"'))
            {
                break;
            }

            first = l;
        }

        return first;
    }

    private static LetterItem ReadItem(LetterText text, string request, Decision decision, int start, int end, List<LetterParseIssue> issues)
    {
        var lines = text.Lines;
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        for (var i = start; i < end; i++)
        {
            var label = FieldLabel().Match(lines[i]);
            if (label.Success)
            {
                var key = FieldKey(label.Groups["label"].Value);
                current = [];
                fields[key] = current;
                current.Add(lines[i][(label.Index + label.Length)..]);
                continue;
            }

            current?.Add(lines[i]);
        }

        var claims = Field(fields, "claims", flow: true);
        var imr = Field(fields, "imr", flow: true);
        var rationale = fields.TryGetValue("rationale", out var rationaleLines) ? Paragraphs(text, rationaleLines) : null;
        if (rationale is null)
        {
            issues.Add(new(LetterIssueCodes.MissingRationale, IssueSeverity.Warning, $"the item '{request}' has no decision rationale", start + 1));
        }

        if (imr is null)
        {
            issues.Add(new(LetterIssueCodes.MissingGuideline, IssueSeverity.Warning, $"the item '{request}' names no guideline the reviewer relied on", start + 1));
        }

        return new LetterItem(request, decision, claims, imr, GuidelineCitationParser.Parse(imr), rationale);
    }

    private static string? Field(Dictionary<string, List<string>> fields, string key, bool flow)
    {
        if (!fields.TryGetValue(key, out var lines))
        {
            return null;
        }

        var value = flow ? LetterText.Flow(lines) : string.Join('\n', lines);
        return value.Length == 0 ? null : value;
    }

    private static string? Paragraphs(LetterText text, List<string> lines)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        var blankRun = 0;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                blankRun++;
                continue;
            }

            if ((text.BlankLinesAreNoise ? blankRun >= 2 : blankRun >= 1) && current.Count > 0)
            {
                paragraphs.Add(LetterText.Flow(current));
                current.Clear();
            }

            blankRun = 0;
            current.Add(line);
        }

        if (current.Count > 0)
        {
            paragraphs.Add(LetterText.Flow(current));
        }

        var value = string.Join("\n\n", paragraphs.Where(p => p.Length > 0));
        return value.Length == 0 ? null : value;
    }

    private static int PreviousContent(IReadOnlyList<string> lines, int from, int floor)
    {
        for (var i = from - 1; i >= floor; i--)
        {
            if (lines[i].Trim().Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// A decision heading is followed by the item's guideline or rationale lines, by the next
    /// heading (an item the letter gives no detail for) or by the end; a sentence inside a
    /// rationale that happens to end in ": Upheld" is followed by more rationale.
    /// </summary>
    private static bool NextContentStartsItemPart(IReadOnlyList<string> lines, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            return FieldLabel().IsMatch(lines[i]) || DecisionAtEnd().IsMatch(lines[i]) || DecisionAlone().IsMatch(lines[i])
                || NextLineEndsHeading(lines, i, end);
        }

        return true;
    }

    private static bool NextLineEndsHeading(IReadOnlyList<string> lines, int from, int end)
    {
        for (var i = from; i < end && i < from + MaxHeadingLines; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                return false;
            }

            if (DecisionAtEnd().IsMatch(lines[i]) || DecisionAlone().IsMatch(lines[i]))
            {
                return true;
            }

            if (lines[i].TrimEnd().EndsWith('.'))
            {
                return false;
            }
        }

        return false;
    }

    private static Decision ParseDecision(string word) =>
        word.StartsWith('O') || word.StartsWith('o') ? Decision.Overturned : Decision.Upheld;

    private static string FieldKey(string label)
    {
        var lower = label.ToLowerInvariant();
        if (lower.StartsWith("claims", StringComparison.Ordinal))
        {
            return "claims";
        }

        return lower.Contains("rationale", StringComparison.Ordinal) ? "rationale" : "imr";
    }

    private readonly record struct Marker(int Line, int HeadingLastLine, string HeadingTail, Decision Decision);

    [GeneratedRegex(@"^(?<before>.*?)\s*:\s*(?<d>Upheld|Overturned)\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecisionAtEnd();

    [GeneratedRegex(@"^\s*(?<d>Upheld|Overturned)\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecisionAlone();

    [GeneratedRegex(@"^\s*(?<label>Claims\s+Administrator\s+guideline|(?:MAXIMUS|IMR|Expert\s+Reviewer|Reviewer)\s+guideline|Decision\s+rationale)\s*:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex FieldLabel();

    [GeneratedRegex(@"(?:remaining\s+IMR\s+eligible\s+portion\s+of\s+the\s+original\s+request|leaving\s+the\s+original\s+request\s+IMR\s+eligible\.\s+The\s+original\s+request),?\s*(?<r>.+?)(?:\s+is)?\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RemainingPortion();
}
