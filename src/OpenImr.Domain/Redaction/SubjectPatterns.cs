using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenImr.Domain.Redaction;

/// <summary>
/// Regular expression fragments (over <see cref="TextFolding">folded</see> text, matched ignoring
/// case) for what a case tells: a person's name in its spellings and by its parts, an organisation
/// with any company suffix, a number with or without separators, an address, a date in its spellings.
/// </summary>
internal static partial class SubjectPatterns
{
    /// <summary>Names shorter than this are found only whole: a given name alone of three letters is too often a word.</summary>
    public const int MinGivenNameAlone = 4;

    /// <summary>Numbers with fewer letters and digits than this are not looked for: they would match too much.</summary>
    public const int MinNumberLength = 4;

    /// <summary>Numbers of digits only are looked for from this many digits: a shorter one may be a year or a dose.</summary>
    public const int MinDigitsOnlyLength = 6;

    private const string Space = @"\s+";

    private static readonly string[] Titles = ["dr", "mr", "mrs", "ms", "miss", "mx", "prof"];

    private static readonly string[] Degrees =
        ["md", "m.d.", "do", "d.o.", "dc", "d.c.", "pa-c", "pa", "np", "phd", "ph.d.", "dpm", "dpt", "pt", "lac", "l.ac.", "psyd", "fnp", "rn", "esq", "jr", "sr", "ii", "iii"];

    private static readonly string[] CompanySuffixes =
        ["incorporated", "inc", "llc", "l.l.c.", "llp", "l.l.p.", "lp", "l.p.", "corporation", "corp", "company", "co", "ltd", "limited", "pc", "p.c.", "plc", "pllc"];

    /// <summary>The alternatives that find <paramref name="name"/>, a person's name as given ("Dr. Jane Q. Roe, MD", "Roe, Jane").</summary>
    public static IEnumerable<string> Person(string name)
    {
        var tokens = PersonTokens(name);
        if (tokens.Count == 0)
        {
            yield break;
        }

        var initials = tokens.Where(IsInitial).ToList();
        var words = tokens.Where(t => !IsInitial(t)).ToList();
        if (words.Count == 0)
        {
            yield break;
        }

        var surname = words[^1];
        var given = words.Take(words.Count - 1).ToList();
        var surnamePattern = Word(surname);
        if (given.Count > 0)
        {
            // "Jane Q. Roe", "Jane Quinn Roe", "Jane Roe", and "Roe, Jane Q.", in any capitalisation and spacing.
            var middle = string.Join("|", [.. given.Skip(1).Select(Word), @"\p{L}\.?"]);
            yield return $@"{Word(given[0])}(?:\s+(?:{middle})){{0,3}}{Space}{surnamePattern}";
            yield return $@"{surnamePattern}\s*,\s*{Word(given[0])}(?:\s+(?:{middle})){{0,3}}";
            yield return $@"{Regex.Escape(given[0][..1])}\.?\s*(?:\p{{L}}\.\s*)?{surnamePattern}";
        }
        else if (initials.Count > 0)
        {
            yield return $@"{string.Concat(initials.Select(i => $@"{Regex.Escape(i[..1])}\.?\s*"))}{surnamePattern}";
        }

        // The surname alone, each part of a double surname alone, and each given name long enough to be safe.
        yield return Alone(surname, minimum: 2);
        var segments = surname.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 1)
        {
            foreach (var segment in segments)
            {
                yield return Alone(segment, minimum: 3);
            }
        }

        foreach (var part in given)
        {
            if (part.Length >= MinGivenNameAlone)
            {
                yield return Alone(part, minimum: MinGivenNameAlone);
            }
        }
    }

    /// <summary>The alternative that finds <paramref name="name"/> as an organisation: whole, with or without "The", with any company suffix.</summary>
    public static string? Organisation(string name)
    {
        var tokens = Tokens(name).ToList();
        while (tokens.Count > 1 && CompanySuffixes.Contains(tokens[^1].TrimEnd('.').ToLowerInvariant()))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        if (tokens.Count > 1 && tokens[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            tokens.RemoveAt(0);
        }

        if (tokens.Count == 0 || string.Concat(tokens).Length < 3)
        {
            return null;
        }

        var core = string.Join(@"[\s,]+", tokens.Select(t => t is "&" || t.Equals("and", StringComparison.OrdinalIgnoreCase) ? "(?:&|and)" : Word(t)));
        var suffix = string.Join("|", CompanySuffixes.OrderByDescending(s => s.Length).Select(Dotted));
        return $@"(?:the\s+)?{core}(?:\s*,?\s*(?:{suffix})(?![\p{{L}}\p{{N}}]))?";
    }

    /// <summary>
    /// Whether <paramref name="name"/> reads as a person's name rather than a firm's: two to four words
    /// without company words, or any name given with a title or a degree ("Dr Roe", "Roe, MD").
    /// </summary>
    public static bool LooksLikePerson(string name)
    {
        var words = PersonTokens(name).Where(t => !IsInitial(t)).ToList();
        if (words.Count == 0 || !words.All(w => char.IsLetter(w[0])) || Tokens(name).Any(t => CompanySuffixes.Contains(t.TrimEnd('.').ToLowerInvariant()) || OrganisationWords().IsMatch(t)))
        {
            return false;
        }

        var folded = TextFolding.Fold(name).Trim();
        var titled = Titles.Contains(Tokens(folded).First().TrimEnd('.').ToLowerInvariant()) || DegreeTail().IsMatch(folded);
        return titled ? words.Count <= 4 : words.Count is >= 2 and <= 4;
    }

    /// <summary>The alternative that finds <paramref name="number"/> with or without spaces, hyphens, dots, slashes or brackets between its characters.</summary>
    public static string? Number(string number)
    {
        var characters = TextFolding.Fold(number).Where(char.IsLetterOrDigit).ToList();
        return characters.Count < (characters.All(char.IsDigit) ? MinDigitsOnlyLength : MinNumberLength)
            ? null
            : string.Join(@"[\s\-./()#]{0,3}", characters.Select(c => Regex.Escape(c.ToString())));
    }

    /// <summary>The alternatives that find <paramref name="address"/>: whole, and its street line alone, with abbreviations either way.</summary>
    public static IEnumerable<string> Address(string address)
    {
        var lines = TextFolding.Fold(address).Split([',', '\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            yield break;
        }

        var patterns = lines.Select(AddressLine).ToList();
        yield return string.Join(@"[\s,]+", patterns);
        foreach (var (line, pattern) in lines.Zip(patterns))
        {
            // Note that the street line identifies; a city or a state alone does not.
            if (line.Any(char.IsDigit) && line.Any(char.IsLetter) && line.Length >= 6)
            {
                yield return pattern;
            }
        }
    }

    /// <summary>The alternative that finds <paramref name="date"/> as 1/2/1960, 01-02-60, 1960-01-02, January 2, 1960, Jan. 2nd 1960 or 2 Jan 1960.</summary>
    public static string Date(DateOnly date)
    {
        var month = date.Month.ToString(CultureInfo.InvariantCulture);
        var day = date.Day.ToString(CultureInfo.InvariantCulture);
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        var shortYear = (date.Year % 100).ToString("00", CultureInfo.InvariantCulture);
        var name = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month);
        var monthName = $@"(?:{name}|{name[..3]}{(date.Month == 9 ? "t?" : "")}\.?)";
        var ordinal = "(?:st|nd|rd|th)?";
        return $@"(?:0?{month}[/\-.]0?{day}[/\-.](?:{year}|{shortYear})|{year}[/\-.]0?{month}[/\-.]0?{day}|{monthName}\s+0?{day}{ordinal},?\s+{year}|0?{day}{ordinal}\s+(?:of\s+)?{monthName},?\s+{year})";
    }

    private static string AddressLine(string line) =>
        string.Join(@"[\s,.]+", Tokens(line).Select(token => StreetWord(token.TrimEnd('.'))));

    private static string StreetWord(string token) => token.ToLowerInvariant() switch
    {
        "street" or "st" => "(?:street|st)",
        "avenue" or "ave" or "av" => "(?:avenue|ave|av)",
        "road" or "rd" => "(?:road|rd)",
        "boulevard" or "blvd" => "(?:boulevard|blvd)",
        "drive" or "dr" => "(?:drive|dr)",
        "lane" or "ln" => "(?:lane|ln)",
        "court" or "ct" => "(?:court|ct)",
        "place" or "pl" => "(?:place|pl)",
        "circle" or "cir" => "(?:circle|cir)",
        "parkway" or "pkwy" => "(?:parkway|pkwy)",
        "highway" or "hwy" => "(?:highway|hwy)",
        "terrace" or "ter" => "(?:terrace|ter)",
        "suite" or "ste" => "(?:suite|ste|#)",
        "apartment" or "apt" or "unit" or "#" => "(?:apartment|apt|unit|#)",
        "north" or "n" => "(?:north|n)",
        "south" or "s" => "(?:south|s)",
        "east" or "e" => "(?:east|e)",
        "west" or "w" => "(?:west|w)",
        "california" or "ca" => "(?:california|ca|calif)",
        _ => Regex.Escape(token),
    };

    /// <summary>
    /// One part of a name alone: as the case writes it, capitalised or in capitals, never in lower case,
    /// where most names are also a word ("grant", "walker", "hope"). The whole name is found in any case.
    /// </summary>
    private static string Alone(string part, int minimum)
    {
        if (part.Length < minimum)
        {
            return "(?!)";
        }

        var title = string.Join("-", part.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant()));
        var forms = new[] { part, title, part.ToUpperInvariant() }.Distinct(StringComparer.Ordinal).Select(Word);
        return $"(?-i:{string.Join("|", forms)})";
    }

    /// <summary>A name word: an apostrophe may be missing, a hyphen may be a space or nothing, a dot may be missing.</summary>
    private static string Word(string word)
    {
        var builder = new StringBuilder();
        foreach (var c in word)
        {
            builder.Append(c switch
            {
                '\'' => "'?",
                '-' => @"(?:\s*-\s*|\s+)?",
                '.' => @"\.?",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return builder.ToString();
    }

    private static string Dotted(string suffix) => Regex.Escape(suffix).Replace(@"\.", @"\.?", StringComparison.Ordinal) + @"\.?";

    /// <summary>The words of a person's name without titles and degrees, given name first ("Roe, Jane" reads as "Jane Roe").</summary>
    private static List<string> PersonTokens(string name)
    {
        var folded = TextFolding.Fold(name).Trim();
        var degreeless = DegreeTail().Replace(folded, "");
        var comma = degreeless.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            degreeless = $"{degreeless[(comma + 1)..]} {degreeless[..comma]}";
        }

        var tokens = Tokens(degreeless).ToList();
        while (tokens.Count > 1 && Titles.Contains(tokens[0].TrimEnd('.').ToLowerInvariant()))
        {
            tokens.RemoveAt(0);
        }

        tokens.RemoveAll(t => Degrees.Contains(t.ToLowerInvariant()) || Degrees.Contains(t.ToLowerInvariant() + "."));
        return tokens;
    }

    private static bool IsInitial(string token) => token.TrimEnd('.').Length == 1;

    private static IEnumerable<string> Tokens(string text) =>
        TextFolding.Fold(text).Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim('"', '(', ')', ';', ':'))
            .Where(t => t.Length > 0);

    [GeneratedRegex(@"(?:\s*,?\s*(?:M\.?D|D\.?O|D\.?C|PA-C|NP|Ph\.?D|DPM|DPT|PT|L\.?Ac|Psy\.?D|FNP|RN|Esq|Jr|Sr|II|III)\.?)+\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DegreeTail();

    [GeneratedRegex(@"^(?:law|offices?|group|associates|insurance|services|administrators?|clinic|hospital|medical|center|centre|health|fund|county|city|state|district|school|university|foods|freight|logistics|systems|partners|firm|department|authority|management|solutions|company|industries|enterprises|holdings|trust|bank)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrganisationWords();
}
