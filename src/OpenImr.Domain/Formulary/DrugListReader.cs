using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenImr.Domain.Formulary;

/// <summary>A row of a published list that could not be read, with where it is and why.</summary>
/// <param name="Where">Line (and page for a PDF), e.g. <c>page 3, line 14</c>.</param>
/// <param name="Text">The row as read.</param>
/// <param name="Why">What is wrong with it.</param>
public sealed record UnreadRow(string Where, string Text, string Why);

/// <summary>A line of a PDF page as positioned words (x in points from the left edge).</summary>
/// <param name="Page">1-based page.</param>
/// <param name="Words">Its words, left to right.</param>
public sealed record PositionedLine(int Page, IReadOnlyList<(double X, string Text)> Words);

/// <summary>The outcome of reading a published list.</summary>
/// <param name="List">The version read, or <see langword="null"/> when the file is not a Drug List at all.</param>
/// <param name="Unread">Every row it could not read.</param>
/// <param name="Error">Why nothing could be read, when <paramref name="List"/> is null.</param>
public sealed record DrugListReading(DrugListVersion? List, IReadOnlyList<UnreadRow> Unread, string? Error);

/// <summary>
/// Reads the MTUS Drug List as the DWC publishes it: a table whose columns are the drug ingredient, Exempt or
/// Non-Exempt, Special Fill and Perioperative Fill days, the drug class and the ACOEM guideline references with their
/// marks (<c>shared/mtus-since-2017.md</c> 2.2). From a spreadsheet saved as CSV or TSV, or from a PDF's positioned words
/// (columns found from the header row). Pure: the host reads the file.
/// </summary>
public static partial class DrugListReader
{
    /// <summary>At most this many rows are read from one list.</summary>
    public const int MaxRows = 20_000;

    private enum Column { Ingredient, Status, SpecialFill, PerioperativeFill, DrugClass, References }

    /// <summary>Reads a CSV or TSV export of the list (separator guessed from the header line).</summary>
    public static DrugListReading FromDelimited(string text, string? version, DateOnly? effective, string? source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var headerIndex = Array.FindIndex(lines, IsHeader);
        if (headerIndex < 0)
        {
            return new(null, [], "no header row naming the drug ingredient and the Exempt/Non-Exempt column was found; is this the MTUS Drug List?");
        }

        var separator = lines[headerIndex].Count(c => c == '\t') > lines[headerIndex].Count(c => c == ',') ? '\t' : ',';
        var header = Split(lines[headerIndex], separator);
        var columns = new Dictionary<Column, int>();
        for (var i = 0; i < header.Count; i++)
        {
            if (ColumnOf(header[i]) is { } column && !columns.ContainsKey(column))
            {
                columns[column] = i;
            }
        }

        var (title, titleDate) = Title(string.Join(" ", lines.Take(headerIndex)));
        var rows = new List<(string Where, Dictionary<Column, string> Cells, string Text)>();
        for (var n = headerIndex + 1; n < lines.Length && rows.Count < MaxRows; n++)
        {
            if (string.IsNullOrWhiteSpace(lines[n]) || IsHeader(lines[n]))
            {
                continue;
            }

            var cells = Split(lines[n], separator);
            rows.Add(($"line {n + 1}", columns.ToDictionary(c => c.Key, c => c.Value < cells.Count ? cells[c.Value] : ""), lines[n]));
        }

        return Build(rows, version ?? title, effective ?? titleDate, source);
    }

    /// <summary>Reads the list from a PDF's lines of positioned words; a row wrapped onto the next line is joined to it.</summary>
    public static DrugListReading FromPdfLines(IReadOnlyList<PositionedLine> lines, string? version, DateOnly? effective, string? source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var headerAt = -1;
        for (var i = 0; i < lines.Count && headerAt < 0; i++)
        {
            if (IsHeader(string.Join(" ", lines[i].Words.Select(w => w.Text))))
            {
                headerAt = i;
            }
        }

        if (headerAt < 0)
        {
            return new(null, [], "no header row naming the drug ingredient and the Exempt/Non-Exempt column was found; is this the MTUS Drug List?");
        }

        var starts = ColumnStarts(lines[headerAt]);
        var (title, titleDate) = Title(string.Join(" ", lines.Take(headerAt).SelectMany(l => l.Words.Select(w => w.Text))));
        var rows = new List<(string Where, Dictionary<Column, string> Cells, string Text)>();
        var lineOnPage = 0;
        var page = 0;
        foreach (var line in lines.Skip(headerAt + 1))
        {
            lineOnPage = line.Page == page ? lineOnPage + 1 : 1;
            page = line.Page;
            var text = string.Join(" ", line.Words.Select(w => w.Text));
            if (IsHeader(text) || line.Words.Count == 0 || rows.Count >= MaxRows)
            {
                continue;
            }

            var cells = new Dictionary<Column, StringBuilder>();
            foreach (var (x, word) in line.Words)
            {
                var column = starts.Where(s => s.X <= x + 2).OrderByDescending(s => s.X).Select(s => (Column?)s.Column).FirstOrDefault() ?? Column.Ingredient;
                (cells.TryGetValue(column, out var cell) ? cell : cells[column] = new StringBuilder()).Append(cell is null ? "" : " ").Append(word);
            }

            var read = cells.ToDictionary(c => c.Key, c => c.Value.ToString().Trim());
            if (!read.ContainsKey(Column.Status) && !read.ContainsKey(Column.Ingredient) && rows.Count > 0)
            {
                // A reference or class that ran onto a second line belongs to the row above.
                foreach (var (column, value) in read)
                {
                    rows[^1].Cells[column] = (rows[^1].Cells.GetValueOrDefault(column, "") + " " + value).Trim();
                }

                continue;
            }

            if (PageFooter().IsMatch(text))
            {
                continue;
            }

            rows.Add(($"page {line.Page}, line {lineOnPage}", read, text));
        }

        return Build(rows, version ?? title, effective ?? titleDate, source);
    }

    private static DrugListReading Build(List<(string Where, Dictionary<Column, string> Cells, string Text)> rows, string? version, DateOnly? effective, string? source)
    {
        if (version is null || effective is null)
        {
            return new(null, [], "the list's version and effective date are not in its title; give them (--version, --effective)");
        }

        var entries = new List<DrugListEntry>();
        var unread = new List<UnreadRow>();
        foreach (var (where, cells, text) in rows)
        {
            var ingredient = cells.GetValueOrDefault(Column.Ingredient, "").Trim();
            var status = Status(cells.GetValueOrDefault(Column.Status, ""));
            if (ingredient.Length == 0)
            {
                unread.Add(new(where, text, "no drug ingredient"));
                continue;
            }

            if (status is null)
            {
                unread.Add(new(where, text, $"'{cells.GetValueOrDefault(Column.Status, "")}' is neither Exempt nor Non-Exempt"));
                continue;
            }

            if (!Days(cells.GetValueOrDefault(Column.SpecialFill, ""), out var special) || !Days(cells.GetValueOrDefault(Column.PerioperativeFill, ""), out var perioperative))
            {
                unread.Add(new(where, text, "a fill column holds something other than a number of days"));
                continue;
            }

            entries.Add(new DrugListEntry(ingredient, status.Value, special, perioperative,
                cells.GetValueOrDefault(Column.DrugClass) is { Length: > 0 } drugClass ? drugClass : null,
                References(cells.GetValueOrDefault(Column.References, ""))));
        }

        return new(new DrugListVersion(version, effective.Value, source, entries), unread, null);
    }

    private static bool IsHeader(string line) =>
        line.Contains("Ingredient", StringComparison.OrdinalIgnoreCase) && line.Contains("Exempt", StringComparison.OrdinalIgnoreCase);

    private static Column? ColumnOf(string heading)
    {
        var h = heading.Trim().ToLowerInvariant();
        return h switch
        {
            _ when h.Contains("ingredient", StringComparison.Ordinal) => Column.Ingredient,
            _ when h.Contains("exempt", StringComparison.Ordinal) => Column.Status,
            _ when h.Contains("special", StringComparison.Ordinal) => Column.SpecialFill,
            _ when h.Contains("perioperative", StringComparison.Ordinal) => Column.PerioperativeFill,
            _ when h.Contains("class", StringComparison.Ordinal) => Column.DrugClass,
            _ when h.Contains("reference", StringComparison.Ordinal) || h.Contains("guideline", StringComparison.Ordinal) => Column.References,
            _ => null,
        };
    }

    /// <summary>Where each column starts, from the header's words: "Drug Ingredient", "Exempt/Non-Exempt", "Special Fill", ...</summary>
    private static List<(double X, Column Column)> ColumnStarts(PositionedLine header)
    {
        var starts = new List<(double X, Column Column)>();
        var words = header.Words;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i].Text;
            // "Drug" starts both "Drug Ingredient" and "Drug Class": the next word says which.
            var probe = word.Equals("drug", StringComparison.OrdinalIgnoreCase) && i + 1 < words.Count ? words[i + 1].Text : word;
            if (ColumnOf(probe) is { } column && starts.All(s => s.Column != column))
            {
                starts.Add((words[i].X, column));
            }
        }

        return starts;
    }

    private static DrugListStatus? Status(string cell)
    {
        var c = cell.Trim().Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return c switch
        {
            "exempt" => DrugListStatus.Exempt,
            "non-exempt" or "nonexempt" => DrugListStatus.NonExempt,
            _ => null,
        };
    }

    private static bool Days(string cell, out int? days)
    {
        var c = cell.Trim();
        days = null;
        if (c.Length == 0 || c is "-" or "–" or "N/A" or "n/a" or "No" or "no")
        {
            return true;
        }

        var match = DaysPattern().Match(c);
        if (!match.Success)
        {
            return false;
        }

        days = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return true;
    }

    private static List<DrugListReference> References(string cell) =>
        [.. cell.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Reference).OfType<DrugListReference>()];

    private static DrugListReference? Reference(string text)
    {
        var mark = text switch
        {
            _ when text.Contains('✓') || text.EndsWith("(R)", StringComparison.Ordinal) => GuidelineMark.Recommended,
            _ when text.Contains('✕') || text.Contains('✗') || text.EndsWith("(NR)", StringComparison.Ordinal) => GuidelineMark.NotRecommended,
            _ when text.Contains('⦸') || text.EndsWith("(NoR)", StringComparison.Ordinal) => GuidelineMark.NoRecommendation,
            _ => (GuidelineMark?)null,
        };
        var topic = MarkPattern().Replace(text, "").Trim();
        return mark is null || topic.Length == 0 ? null : new DrugListReference(topic, mark.Value);
    }

    private static (string? Version, DateOnly? Effective) Title(string text)
    {
        var version = VersionPattern().Match(text);
        var date = EffectivePattern().Match(text);
        DateOnly? effective = date.Success && DateOnly.TryParseExact(date.Groups[1].Value.Trim(), ["MMMM d, yyyy", "MMMM dd, yyyy", "M/d/yyyy", "yyyy-MM-dd"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        return (version.Success ? version.Groups[1].Value : null, effective);
    }

    private static List<string> Split(string line, char separator)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && (quoted ? i + 1 < line.Length && line[i + 1] == '"' : false))
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString().Trim());
        return cells;
    }

    [GeneratedRegex(@"^(\d{1,3})(\s*days?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex DaysPattern();

    [GeneratedRegex(@"\s*(\((R|NR|NoR)\)|[✓✕✗⦸])\s*")]
    private static partial Regex MarkPattern();

    [GeneratedRegex(@"Drug List\s+(v\.\s?\d+(\.\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"EFFECTIVE DATE:?\s*([A-Za-z]+ \d{1,2}, \d{4}|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex EffectivePattern();

    [GeneratedRegex(@"^Page \d+( of \d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex PageFooter();
}
