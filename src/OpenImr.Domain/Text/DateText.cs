using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenImr.Domain.Text;

/// <summary>
/// Reads the date formats the letters and records use: <c>1/16/2012</c>, <c>08/01/13</c>,
/// <c>11-01-2016</c>, <c>10-13-16</c>, <c>May 14, 2015</c>, <c>2015-05-14</c>.
/// </summary>
public static partial class DateText
{
    /// <summary>Two-digit years below this pivot are 20yy, others 19yy.</summary>
    private const int TwoDigitYearPivot = 50;

    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ];

    /// <summary>A regular-expression fragment matching one date in any supported format (no captures).</summary>
    public const string Pattern =
        @"(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/-]\d{1,2}[/-](?:\d{4}|\d{2})(?!\d)|(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})";

    /// <summary>Parses one date; null when the text is not a date in a supported format or not a real day.</summary>
    public static DateOnly? Parse(ReadOnlySpan<char> text)
    {
        text = text.Trim().TrimEnd('.').TrimEnd(',');
        if (text.IsEmpty || text.Length > 40)
        {
            return null;
        }

        var match = FullDate().Match(text.ToString());
        if (!match.Success)
        {
            return null;
        }

        int year, month, day;
        if (match.Groups["iy"].Success)
        {
            year = int.Parse(match.Groups["iy"].ValueSpan, CultureInfo.InvariantCulture);
            month = int.Parse(match.Groups["im"].ValueSpan, CultureInfo.InvariantCulture);
            day = int.Parse(match.Groups["id"].ValueSpan, CultureInfo.InvariantCulture);
        }
        else if (match.Groups["ny"].Success)
        {
            month = int.Parse(match.Groups["nm"].ValueSpan, CultureInfo.InvariantCulture);
            day = int.Parse(match.Groups["nd"].ValueSpan, CultureInfo.InvariantCulture);
            year = ExpandYear(match.Groups["ny"].ValueSpan);
        }
        else
        {
            month = MonthNumber(match.Groups["tm"].Value);
            day = int.Parse(match.Groups["td"].ValueSpan, CultureInfo.InvariantCulture);
            year = int.Parse(match.Groups["ty"].ValueSpan, CultureInfo.InvariantCulture);
        }

        if (month is < 1 or > 12 || day < 1 || year is < 1900 or > 2199 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    /// <summary>Finds the first date in <paramref name="text"/>, with where it stands.</summary>
    public static (DateOnly Date, int Index, int Length)? FindFirst(string text, int start = 0, int length = -1)
    {
        var end = length < 0 ? text.Length : Math.Min(text.Length, start + length);
        foreach (Match match in AnyDate().Matches(text[..end], start))
        {
            if (Parse(match.ValueSpan) is { } date)
            {
                return (date, match.Index, match.Length);
            }
        }

        return null;
    }

    private static int ExpandYear(ReadOnlySpan<char> digits)
    {
        var value = int.Parse(digits, CultureInfo.InvariantCulture);
        if (digits.Length == 4)
        {
            return value;
        }

        return value < TwoDigitYearPivot ? 2000 + value : 1900 + value;
    }

    private static int MonthNumber(string name)
    {
        var lower = name.ToLowerInvariant().TrimEnd('.');
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(lower, StringComparison.Ordinal) && lower.Length >= 3)
            {
                return i + 1;
            }
        }

        return 0;
    }

    [GeneratedRegex(@"^(?:(?<iy>\d{4})-(?<im>\d{1,2})-(?<id>\d{1,2})|(?<nm>\d{1,2})[/-](?<nd>\d{1,2})[/-](?<ny>\d{4}|\d{2})|(?<tm>[A-Za-z]{3,9})\.?\s+(?<td>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<ty>\d{4}))$", RegexOptions.CultureInvariant)]
    private static partial Regex FullDate();

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AnyDate();
}
