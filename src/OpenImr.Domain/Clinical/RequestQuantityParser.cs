using System.Globalization;

namespace OpenImr.Domain.Clinical;

/// <summary>Reads the quantity of a request wording; see <see cref="RequestQuantity"/>.</summary>
internal static class RequestQuantityParser
{
    private static readonly HashSet<string> SessionUnits = new(StringComparer.Ordinal)
    {
        "session", "sessions", "visit", "visits", "treatment", "treatments",
    };

    public static RequestQuantity Parse(string text, List<Token> tokens, ServiceId service)
    {
        var countsAsSessions = service.Family == ServiceFamilies.PhysicalMedicine
            || (service.Family == ServiceFamilies.Evaluation && service.Kind == "office-visit");
        var isMedication = service.Family == ServiceFamilies.Medication;
        var q = new RequestQuantity();

        if (isMedication)
        {
            q = q with { Strength = Strength(text) };
        }

        var hash = HashCount(text);
        if (hash is { } h)
        {
            q = countsAsSessions ? q with { Sessions = h } : q with { Count = h };
        }

        decimal? explicitSessions = null;
        decimal? parenthetical = null;
        decimal? perWeek = null;
        decimal? perWeekMax = null;
        decimal? weeks = null;
        decimal? timesOnly = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var value = tokens[i].Value;
            if (value is "refill" or "refills")
            {
                if (i > 0 && NumberWords.TryParse(tokens[i - 1].Value, out var refills))
                {
                    q = q with { Refills = refills };
                }
                else if (i > 1 && NumberWords.TryParse(tokens[i - 2].Value, out refills) && tokens[i - 1].Value is "additional" or "more")
                {
                    q = q with { Refills = refills };
                }

                continue;
            }

            if (value is "qty" or "quantity" && i + 1 < tokens.Count)
            {
                var k = i + 1;
                if (tokens[k].Value == Tokenizer.ScopeBreak && k + 1 < tokens.Count)
                {
                    k++;
                }

                if (tokens[k].IsNumber && NumberWords.TryParse(tokens[k].Value, out var qty))
                {
                    q = q with { Count = qty };
                }

                continue;
            }

            // "2x6", "x12"
            if (TimesToken(value, out var left, out var right))
            {
                if (left is { } l)
                {
                    perWeek ??= l;
                    weeks ??= right;
                }
                else
                {
                    timesOnly ??= right;
                }

                continue;
            }

            if (value is "times" or "x" && (i == 0 || !NumberWords.TryParse(tokens[i - 1].Value, out _)) && i + 1 < tokens.Count
                && NumberWords.TryRead(tokens, i + 1, out var times, out var timesLength) && !IsWeekUnit(tokens, i + 1 + timesLength))
            {
                timesOnly ??= times;
                continue;
            }

            if (!NumberWords.TryRead(tokens, i, out var number, out var length))
            {
                continue;
            }

            var j = i + length;

            // A range: "1 to 2", "1-2", "7-10".
            decimal? upper = null;
            if (j + 1 < tokens.Count && tokens[j].Value is "to" or "or" && tokens[j + 1].IsNumber && NumberWords.TryParse(tokens[j + 1].Value, out var u1))
            {
                upper = u1;
                j += 2;
            }
            else if (j < tokens.Count && tokens[j].IsNumber && Between(text, tokens[j - 1], tokens[j]) == "-" && NumberWords.TryParse(tokens[j].Value, out var u2))
            {
                upper = u2;
                j += 1;
            }

            var unit = j < tokens.Count ? tokens[j].Value : "";

            // Frequency: "2 times a week", "twice a week", "3 visits per week", "three times weekly", "2 to 3 times each week".
            var f = j;
            if (f < tokens.Count && tokens[f].Value is "times" or "time" or "x" or "visits" or "visit" or "sessions" or "session" or "days" or "day")
            {
                f++;
            }

            if (f < tokens.Count && tokens[f].Value is "a" or "per" or "each" or "every")
            {
                f++;
            }

            if (f < tokens.Count && tokens[f].Value is "week" or "weekly" or "wk" && (f > j || tokens[i].Value is "twice" or "once" or "thrice"))
            {
                if (perWeek is null)
                {
                    perWeek = number;
                    perWeekMax = upper;
                }

                var d = f + 1;
                while (d < tokens.Count && d <= f + 2 && tokens[d].Value is "for" or "x" or "times" or "over" or "during" or "then")
                {
                    d++;
                }

                if (NumberWords.TryRead(tokens, d, out var w, out var wLength) && d + wLength < tokens.Count && tokens[d + wLength].Value is "week" or "weeks" or "wks")
                {
                    weeks ??= w;
                    j = d + wLength;
                    if (j + 1 < tokens.Count && tokens[j + 1].IsNumber && Between(text, tokens[j], tokens[j + 1]).EndsWith('(')
                        && NumberWords.TryParse(tokens[j + 1].Value, out var p))
                    {
                        parenthetical = p;
                    }
                }

                i = f;
                continue;
            }

            // "2 times 8", "2 x 6": per week and weeks.
            if (unit is "times" or "x" && j + 1 < tokens.Count && NumberWords.TryRead(tokens, j + 1, out var m, out var mLength)
                && !IsWeekUnit(tokens, j + 1 + mLength) && perWeek is null)
            {
                perWeek = number;
                weeks = m;
                i = j + mLength;
                continue;
            }

            // "9 sessions", "Seven aquatic therapy sessions", "eleven sessions", not "2 sessions per week".
            var s = j;
            while (s < tokens.Count && s < j + 4 && !tokens[s].IsNumber && !SessionUnits.Contains(tokens[s].Value) && tokens[s].Value != Tokenizer.ScopeBreak)
            {
                s++;
            }

            if (s < tokens.Count && SessionUnits.Contains(tokens[s].Value) && tokens[i].Value is not ("once" or "twice" or "single")
                && !(s + 1 < tokens.Count && tokens[s + 1].Value is "per" or "a" or "weekly" or "each"))
            {
                explicitSessions = (explicitSessions ?? 0) + number;
                i = s;
                continue;
            }

            switch (unit)
            {
                case "hours" or "hour" or "hrs" when !isMedication:
                    q = HoursPeriod(tokens, j + 1) switch
                    {
                        "day" => q with { HoursPerDay = number },
                        "week" => q with { HoursPerWeek = number },
                        _ => q with { Hours = number },
                    };
                    break;
                case "day" or "days" when !(j + 1 < tokens.Count && tokens[j + 1].Value is "a" or "per"):
                    q = upper is { } du ? q with { DaysMin = number, DaysMax = du } : q with { Days = number };
                    break;
                case "week" or "weeks" when i > 0 && tokens[i - 1].Value == "for":
                    weeks ??= number;
                    break;
                case "month" or "months" when !isMedication:
                    q = q with { Months = number };
                    break;
                default:
                    continue;
            }

            i = j;
        }

        if (perWeekMax is { } max && perWeek is { } min)
        {
            q = q with { PerWeekMin = min, PerWeekMax = max };
            if (weeks is { } wk)
            {
                q = q with { SessionsMin = min * wk, SessionsMax = max * wk };
            }
        }
        else if (perWeek is not null)
        {
            q = q with { PerWeek = perWeek };
        }

        q = q with { Weeks = weeks };
        var sessions = explicitSessions ?? parenthetical;
        if (sessions is null && perWeekMax is null && perWeek is { } pw && weeks is { } wks)
        {
            sessions = pw * wks;
        }

        if (sessions is null && timesOnly is { } t)
        {
            if (countsAsSessions)
            {
                sessions = t;
            }
            else
            {
                q = q with { Count = q.Count ?? t };
            }
        }

        if (sessions is not null)
        {
            q = q with { Sessions = sessions };
        }

        // "3 hours a day, 4 days a week": hours each week.
        if (q.HoursPerWeek is null && q.HoursPerDay is { } hoursPerDay && q.PerWeek is { } daysPerWeek)
        {
            q = q with { HoursPerWeek = hoursPerDay * daysPerWeek };
        }

        // "Two (2) x-rays of the left wrist"; "EMG of both arms, 2".
        if (q.Count is null && q.Sessions is null && tokens.Count > 1 && !isMedication)
        {
            if (tokens[0].Value is not ("single" or "once" or "twice") && NumberWords.TryRead(tokens, 0, out var lead, out var leadLength)
                && leadLength < tokens.Count && !tokens[leadLength].IsNumber && tokens[leadLength].Value is not ("times" or "in")
                && !(tokens[leadLength].Value == "x" && leadLength + 1 < tokens.Count && tokens[leadLength + 1].IsNumber))
            {
                q = q with { Count = lead };
            }
            else if (tokens[^1].IsNumber && Between(text, tokens[^2], tokens[^1]).Contains(',', StringComparison.Ordinal)
                && NumberWords.TryParse(tokens[^1].Value, out var trailing))
            {
                q = q with { Count = trailing };
            }
        }

        return q;
    }

    // The period after "N hours": "per day", "a day", "daily" -> day; "per week", "a week", "each week", "weekly", "/wk" -> week;
    // otherwise null (a total).
    private static string? HoursPeriod(List<Token> tokens, int index)
    {
        if (index < tokens.Count && tokens[index].Value is "per" or "a" or "each" or "every")
        {
            index++;
        }

        return index >= tokens.Count ? null : tokens[index].Value switch
        {
            "day" or "daily" => "day",
            "week" or "weekly" or "wk" => "week",
            _ => null,
        };
    }

    private static bool IsWeekUnit(List<Token> tokens, int index) =>
        index < tokens.Count && tokens[index].Value is "week" or "weeks" or "day" or "days" or "per" or "a" or "weekly" or "month" or "months";

    private static string Between(string text, Token a, Token b) => b.Start > a.End ? text[a.End..b.Start].Trim() : "";

    // "2x6" -> (2, 6); "x12" -> (null, 12).
    private static bool TimesToken(string value, out decimal? left, out decimal right)
    {
        left = null;
        right = 0;
        var x = value.IndexOf('x', StringComparison.Ordinal);
        if (x < 0 || x == value.Length - 1 || value.Length > 9)
        {
            return false;
        }

        var before = value.AsSpan(0, x);
        var after = value.AsSpan(x + 1);
        if (!IsDigits(after) || (before.Length > 0 && !IsDigits(before)))
        {
            return false;
        }

        right = decimal.Parse(after, CultureInfo.InvariantCulture);
        if (before.Length > 0)
        {
            left = decimal.Parse(before, CultureInfo.InvariantCulture);
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> span)
    {
        if (span.IsEmpty)
        {
            return false;
        }

        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static decimal? HashCount(string text)
    {
        var at = text.IndexOf('#', StringComparison.Ordinal);
        while (at >= 0)
        {
            var p = at + 1;
            while (p < text.Length && text[p] == ' ' && p - at < 3)
            {
                p++;
            }

            var start = p;
            while (p < text.Length && p - start < 6 && char.IsAsciiDigit(text[p]))
            {
                p++;
            }

            if (p > start)
            {
                return decimal.Parse(text.AsSpan(start, p - start), CultureInfo.InvariantCulture);
            }

            at = text.IndexOf('#', at + 1);
        }

        return null;
    }

    // The first "10/325mg", "7.5mg", "5%", "2%-10%-0.5%", "300mg/g"; lower case, no spaces.
    private static string? Strength(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or '/' or '#')))
            {
                continue;
            }

            var p = i;
            while (p < text.Length && p - i < 24 && (char.IsAsciiDigit(text[p]) || text[p] is '.' or '/' or '-' or '%'))
            {
                p++;
            }

            var numberEnd = p;
            while (p < text.Length && p - numberEnd < 3 && char.IsAsciiLetter(text[p]))
            {
                p++;
            }

            var unit = text[numberEnd..p].ToLowerInvariant();
            var body = text[i..numberEnd].TrimEnd('/', '-', '.');
            var isWord = p < text.Length && char.IsAsciiLetter(text[p]);
            if (unit is "mg" or "mcg" or "g" or "gm" or "ml" && !isWord)
            {
                return body + unit;
            }

            if (body.Contains('%', StringComparison.Ordinal))
            {
                return body;
            }

            i = Math.Max(i, p - 1);
        }

        return null;
    }
}
