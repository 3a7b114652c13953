namespace OpenImr.Domain.Clinical;

/// <summary>
/// Finds calendar dates in text with a hand-written scanner: 1/16/2012, 08/01/13, 11-01-2016,
/// 10-13-16, May 14, 2015, Sept. 3 2016. Two-digit years are 20yy (19yy above 50).
/// </summary>
internal static class DateScanner
{
    private static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];

    /// <summary>Dates in text[start..end): (start, end exclusive, date).</summary>
    public static List<(int Start, int End, DateOnly Date)> Find(string text, int start, int end)
    {
        var result = new List<(int, int, DateOnly)>();
        var i = start;
        while (i < end)
        {
            var c = text[i];
            var atWordStart = i == start || !char.IsLetterOrDigit(text[i - 1]);
            if (atWordStart && char.IsAsciiDigit(c) && TryNumeric(text, i, end, out var length, out var date))
            {
                result.Add((i, i + length, date));
                i += length;
            }
            else if (atWordStart && char.IsAsciiLetterUpper(c) && TryWritten(text, i, end, out length, out date))
            {
                result.Add((i, i + length, date));
                i += length;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    private static bool TryNumeric(string text, int i, int end, out int length, out DateOnly date)
    {
        length = 0;
        date = default;
        var p = i;
        if (!ReadInt(text, ref p, end, 2, out var month) || p >= end || text[p] is not ('/' or '-'))
        {
            return false;
        }

        var separator = text[p];
        p++;
        if (!ReadInt(text, ref p, end, 2, out var day) || p >= end || text[p] != separator)
        {
            return false;
        }

        p++;

        // "10/14/\n2016": a hard wrap after the separator leaves one space in normalised text.
        if (p + 1 < end && text[p] == ' ' && char.IsAsciiDigit(text[p + 1]))
        {
            p++;
        }

        var yearStart = p;
        if (!ReadInt(text, ref p, end, 4, out var year))
        {
            return false;
        }

        var digits = p - yearStart;
        if (digits == 2)
        {
            year += year > 50 ? 1900 : 2000;
        }
        else if (digits != 4)
        {
            return false;
        }

        if (p < end && (char.IsAsciiDigit(text[p]) || text[p] == separator))
        {
            return false;
        }

        if (!Valid(year, month, day, out date))
        {
            return false;
        }

        length = p - i;
        return true;
    }

    private static bool TryWritten(string text, int i, int end, out int length, out DateOnly date)
    {
        length = 0;
        date = default;
        var p = i;
        while (p < end && p - i < 10 && char.IsAsciiLetter(text[p]))
        {
            p++;
        }

        var word = text.AsSpan(i, p - i);
        if (word.Length < 3)
        {
            return false;
        }

        var month = 0;
        for (var m = 0; m < Months.Length; m++)
        {
            if (Months[m].AsSpan().StartsWith(word, StringComparison.OrdinalIgnoreCase) && (word.Length >= 3))
            {
                month = m + 1;
                break;
            }
        }

        if (month == 0 || (word.Length < Months[month - 1].Length && word.Length > 4))
        {
            return false;
        }

        if (p < end && text[p] == '.')
        {
            p++;
        }

        SkipSpaces(text, ref p, end);
        if (!ReadInt(text, ref p, end, 2, out var day))
        {
            return false;
        }

        if (p + 1 < end && text.AsSpan(p, 2) is "st" or "nd" or "rd" or "th")
        {
            p += 2;
        }

        if (p < end && text[p] == ',')
        {
            p++;
        }

        SkipSpaces(text, ref p, end);
        var yearStart = p;
        if (!ReadInt(text, ref p, end, 4, out var year) || p - yearStart != 4 || (p < end && char.IsAsciiDigit(text[p])))
        {
            return false;
        }

        if (!Valid(year, month, day, out date))
        {
            return false;
        }

        length = p - i;
        return true;
    }

    private static void SkipSpaces(string text, ref int p, int end)
    {
        var limit = p + 3;
        while (p < end && p < limit && text[p] == ' ')
        {
            p++;
        }
    }

    private static bool ReadInt(string text, ref int p, int end, int maxDigits, out int value)
    {
        value = 0;
        var start = p;
        while (p < end && p - start < maxDigits && char.IsAsciiDigit(text[p]))
        {
            value = (value * 10) + (text[p] - '0');
            p++;
        }

        return p > start;
    }

    private static bool Valid(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }
}
