using System.Globalization;
using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Text;

/// <summary>
/// Reads the date formats the letters and records use: <c>1/16/2012</c>, <c>08/01/13</c>,
/// <c>11-01-2016</c>, <c>10-13-16</c>, <c>May 14, 2015</c>, <c>2015-05-14</c>. One scanner
/// (<see cref="DateScanner"/>) reads dates for the whole Domain; this is its face for whole values.
/// </summary>
public static class DateText
{
    /// <summary>A regular-expression fragment matching one date in any supported format (no captures), for patterns that must name a date's place.</summary>
    public const string Pattern =
        @"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})(?!\d)|(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})";

    /// <summary>Parses one date; null when the text is not a date in a supported format or not a real day.</summary>
    public static DateOnly? Parse(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim().TrimEnd('.').TrimEnd(',').ToString();
        if (trimmed.Length is 0 or > 40)
        {
            return null;
        }

        if (DateOnly.TryParseExact(trimmed, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return iso;
        }

        var found = DateScanner.Find(trimmed, 0, trimmed.Length);
        return found.Count == 1 && found[0].Start == 0 && found[0].End == trimmed.Length ? found[0].Date : null;
    }

    /// <summary>Finds the first date in <paramref name="text"/>, with where it stands.</summary>
    public static (DateOnly Date, int Index, int Length)? FindFirst(string text, int start = 0, int length = -1)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = length < 0 ? text.Length : Math.Min(text.Length, start + length);
        var found = DateScanner.Find(text, start, end);
        return found.Count == 0 ? null : (found[0].Date, found[0].Start, found[0].End - found[0].Start);
    }
}
