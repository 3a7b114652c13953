using System.Text.RegularExpressions;
using OpenImr.Domain.Text;

namespace OpenImr.Domain.Letters;

/// <summary>
/// The header table of the current layout. Reads labels and values whether they come out of
/// the PDF side by side (<c>Case Number:  CM16-0230548</c>) or in separate blocks (all the
/// labels, then all the values in the same order).
/// </summary>
internal sealed partial class LetterHeader
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public bool HasHeader => _values.Count > 0;

    public string? CaseNumber { get; private set; }

    public string? Priority { get; private set; }

    public LetterDates Dates { get; private set; } = LetterDates.None;

    public static LetterHeader Read(IReadOnlyList<string> lines, int start, int end, List<LetterParseIssue> issues)
    {
        var header = new LetterHeader();
        var pending = new Queue<string>();
        for (var i = start; i < end && i < lines.Count; i++)
        {
            var line = lines[i];
            var labels = Label().Matches(line);
            if (labels.Count == 0)
            {
                foreach (var token in ColumnGap().Split(line.Trim()))
                {
                    if (token.Length > 0 && pending.Count > 0)
                    {
                        header._values.TryAdd(pending.Dequeue(), token.Trim());
                    }
                }

                continue;
            }

            for (var m = 0; m < labels.Count; m++)
            {
                var key = Key(labels[m].Value);
                if (key is null)
                {
                    continue;
                }

                var valueEnd = m + 1 < labels.Count ? labels[m + 1].Index : line.Length;
                var value = line[(labels[m].Index + labels[m].Length)..valueEnd].Trim();
                if (value.Length > 0)
                {
                    header._values.TryAdd(key, value);
                }
                else
                {
                    pending.Enqueue(key);
                }
            }
        }

        header.Interpret(start, issues);
        return header;
    }

    private void Interpret(int line, List<LetterParseIssue> issues)
    {
        if (_values.TryGetValue("case", out var caseNumber))
        {
            var match = CaseNumberPattern().Match(caseNumber);
            CaseNumber = match.Success ? match.Value.ToUpperInvariant() : caseNumber.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        }

        if (_values.TryGetValue("priority", out var priority))
        {
            Priority = priority.Trim().ToLowerInvariant() switch
            {
                var p when p.StartsWith("exp", StringComparison.Ordinal) || p.StartsWith("urg", StringComparison.Ordinal) => "expedited",
                var p when p.StartsWith("stand", StringComparison.Ordinal) || p.StartsWith("reg", StringComparison.Ordinal) => "standard",
                _ => null,
            };
        }

        Dates = new LetterDates(
            ReadDate("assigned", "Date Assigned", line, issues),
            ReadDate("injury", "Date of Injury", line, issues),
            ReadDate("decision", "Decision Date", line, issues),
            ReadDate("ur", "UR Denial Date", line, issues),
            ReadDate("application", "Application Received", line, issues));
    }

    private DateOnly? ReadDate(string key, string label, int line, List<LetterParseIssue> issues)
    {
        if (!_values.TryGetValue(key, out var value))
        {
            return null;
        }

        var date = DateText.Parse(value);
        if (date is null)
        {
            issues.Add(new(LetterIssueCodes.UnreadableDate, IssueSeverity.Warning, $"'{label}' is not a date: '{value}'", line + 1));
        }

        return date;
    }

    private static string? Key(string label)
    {
        var text = label.ToLowerInvariant();
        return text switch
        {
            _ when text.Contains("case", StringComparison.Ordinal) => "case",
            _ when text.Contains("assigned", StringComparison.Ordinal) => "assigned",
            _ when text.Contains("injury", StringComparison.Ordinal) => "injury",
            _ when text.Contains("decision", StringComparison.Ordinal) => "decision",
            _ when text.Contains("denial", StringComparison.Ordinal) => "ur",
            _ when text.Contains("priority", StringComparison.Ordinal) => "priority",
            _ when text.StartsWith("application", StringComparison.Ordinal) => "application",
            _ => null,
        };
    }

    [GeneratedRegex(@"(?:IMR\s+)?Case\s+Number:|Date\s+Assigned:|Date\s+of\s+Injury:|Decision\s+Date:|UR\s+Denial\s+Date:|Priority:|Application(?:\s+Received)?:?(?=\s|$)|Received:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex ColumnGap();

    [GeneratedRegex(@"\b(?:CM\d{2}-\d{7}|IMR\s*\d{2}-\d{4,7})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CaseNumberPattern();
}
