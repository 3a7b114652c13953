using System.Text;
using System.Text.RegularExpressions;

namespace OpenImr.Domain.Redaction;

/// <summary>
/// Removes personal data from text meant for the public, as the Division publishes IMR
/// determinations. It removes what the case tells (<see cref="RedactionSubjects"/>: names in any
/// capitalisation, spacing and possessive form, and by their parts capitalised or in capitals, never
/// in lower case, where a part is a word ("grant", "hope"); claim and other numbers in their
/// spellings; addresses; dates of birth) and what the text itself marks, told or not: names after a
/// title (Dr., Mr., Mrs., Ms.) or a label (Patient:, Employee:, Employer:), names before a degree
/// (Jane Roe, MD), numbers after "claim", DOB, SSN and other labels, Social Security and telephone
/// numbers, e-mail addresses, street addresses and post office boxes. Titles, labels and degrees
/// stay ("Dr. [redacted]"); the IMR case number, dates of service, decisions, guidelines and the
/// clinical reasoning stay. Build one per case with <see cref="For"/> and reuse it.
/// </summary>
public sealed partial class Redactor
{
    /// <summary>What replaces a removed name or number.</summary>
    public const string Mark = "[redacted]";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly Regex? _known;

    private Redactor(Regex? known) => _known = known;

    /// <summary>A redactor that removes only what the text itself marks.</summary>
    public static Redactor Unmarked { get; } = new(null);

    /// <summary>A redactor for <paramref name="subjects"/> (and everything the text marks).</summary>
    public static Redactor For(RedactionSubjects subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var alternatives = new List<string>();
        foreach (var person in subjects.People)
        {
            alternatives.AddRange(SubjectPatterns.Person(person));
        }

        foreach (var party in subjects.Parties)
        {
            if (SubjectPatterns.LooksLikePerson(party))
            {
                alternatives.AddRange(SubjectPatterns.Person(party));
            }
            else if (SubjectPatterns.Organisation(party) is { } organisation)
            {
                alternatives.Add(organisation);
            }
        }

        foreach (var number in subjects.Numbers)
        {
            if (SubjectPatterns.Number(number) is { } spelt)
            {
                alternatives.Add(spelt);
            }
        }

        foreach (var address in subjects.Addresses)
        {
            alternatives.AddRange(SubjectPatterns.Address(address));
        }

        alternatives.AddRange(subjects.BirthDates.Distinct().Select(SubjectPatterns.Date));
        alternatives.AddRange(subjects.Emails.Select(e => string.Join(@"\s*", TextFolding.Fold(e).Where(c => !char.IsWhiteSpace(c)).Select(c => Regex.Escape(c.ToString())))));
        alternatives = [.. alternatives.Where(a => a != "(?!)").Distinct(StringComparer.Ordinal)];
        if (alternatives.Count == 0)
        {
            return Unmarked;
        }

        // Note that the alternatives are tried longest first, so that at each position a full name wins over its parts.
        var pattern = $@"(?<![\p{{L}}\p{{N}}])(?:{string.Join("|", alternatives.OrderByDescending(a => a.Length))})(?![\p{{L}}\p{{N}}])";
        return new Redactor(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout));
    }

    /// <summary><paramref name="text"/> with every span of personal data replaced by <see cref="Mark"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Normalize(NormalizationForm.FormC);
        var spans = Find(text);
        if (spans.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var (start, end) in spans)
        {
            builder.Append(text, at, start - at).Append(Mark);
            at = end;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }

    /// <summary>The spans of personal data in <paramref name="text"/> (start, end), in order and not overlapping.</summary>
    public IReadOnlyList<(int Start, int End)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = TextFolding.Fold(text);
        var spans = new List<(int Start, int End)>();
        if (_known is not null)
        {
            Collect(_known, folded, spans);
        }

        foreach (var detector in Detectors)
        {
            Collect(detector, folded, spans);
        }

        return Merge(spans);
    }

    private static readonly Regex[] Detectors =
    [
        Email(), SocialSecurityNumber(), TelephoneNumber(), LabelledIdentifier(), ClaimNumber(), EamsCaseNumber(), BirthDate(),
        StreetAddress(), PostOfficeBox(), CityStateZip(), LabelledName(), TitledName(), NameWithDegree(),
    ];

    /// <summary>Adds each match, or its <c>v</c> group where the pattern has one (the label before it stays).</summary>
    private static void Collect(Regex regex, string text, List<(int Start, int End)> spans)
    {
        foreach (Match match in regex.Matches(text))
        {
            var value = match.Groups["v"] is { Success: true } group ? group : match;
            var (start, end) = (value.Index, value.Index + value.Length);
            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end > start)
            {
                spans.Add((start, end));
            }
        }
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> spans)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var (start, end) in spans.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            if (merged.Count > 0 && start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, end));
            }
            else
            {
                merged.Add((start, end));
            }
        }

        return merged;
    }

    private const string Months = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    private const string AnyDate = $@"(?:\d{{1,2}}[/\-.]\d{{1,2}}[/\-.]\d{{2,4}}|\d{{4}}-\d{{1,2}}-\d{{1,2}}|{Months}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{Months},?\s+\d{{4}})";

    // Note that a name word starts only where a word starts, so a long run of letters is read once, not once per letter.
    private const string PersonWord = @"(?<![\p{L}'\-])\p{Lu}[\p{L}'\-]+";

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\p{N}\-])(?:\d{3}|[Xx*]{3})[\- ](?:\d{2}|[Xx*]{2})[\- ]\d{4}(?![\p{N}\-])", RegexOptions.CultureInvariant)]
    private static partial Regex SocialSecurityNumber();

    [GeneratedRegex(@"(?<![\p{N}\-/])(?:\+?1[\s.\-]?)?(?:\(\d{3}\)\s*|\d{3}[\s.\-])\d{3}[\s.\-]\d{4}(?:\s*(?:x|ext\.?)\s*\d{1,5})?(?![\p{N}\-/])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TelephoneNumber();

    [GeneratedRegex(@"\b(?:SSN|SS\#|social\s+security(?:\s+(?:number|no\.?|\#))?|(?:tele)?phone(?:\s+(?:number|no\.?))?|tel\.?|fax|cell\s+phone|cellular|mobile|MRN|medical\s+record(?:\s+(?:number|no\.?|\#))?|member\s+(?:id|number|no\.?)|policy\s+(?:number|no\.?|\#)|account\s+(?:number|no\.?|\#)|patient\s+(?:id|number|no\.?)|employee\s+(?:id|number|no\.?)|driver'?s\s+licen[sc]e(?:\s+(?:number|no\.?))?|(?:WCAB|EAMS)(?:\s+case)?(?:\s+(?:number|no\.?|\#))?|ADJ(?:\s+(?:number|no\.?|\#))?)\s*[:\#]?\s*(?<v>(?=[\w()+./\-]*\d)[\w()+]+(?:[ ./\-](?=[\w()]*\d)[\w()]+){0,4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledIdentifier();

    // Note that "claim" is followed by a number here, never a word: "filed a claim for low back pain" stays.
    [GeneratedRegex(@"\bclaims?(?:\s+(?:number|no\.?|\#|num\.?|id))?\s*[:\#]?\s*(?<v>(?!\d{1,4}[/\-.]\d{1,2}[/\-.]\d{2,4}(?![\w]))(?!\d{4}-\d{1,2}-\d{1,2}(?![\w]))(?=[\w\-/]*\d)[A-Za-z0-9][\w\-/.]{3,}[A-Za-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClaimNumber();

    [GeneratedRegex(@"\bADJ\s*-?\s*\d{5,9}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EamsCaseNumber();

    [GeneratedRegex($@"\b(?:DOB|D\.O\.B\.?|date\s+of\s+birth|birth\s*date|born(?:\s+on)?)\s*[:\#]?\s*(?<v>{AnyDate})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BirthDate();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\d{1,6}(?:-?[A-Za-z])?\s+(?:(?:N|S|E|W|North|South|East|West)\.?\s+)?(?:(?:\p{Lu}[\p{L}'.\-]*|\d+(?:st|nd|rd|th))\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Terrace|Ter|Trail|Trl|Square|Sq|STREET|ST|AVENUE|AVE|ROAD|RD|BOULEVARD|BLVD|DRIVE|DR|LANE|LN|WAY|COURT|CT|PLACE|PL)(?![\p{L}])\.?(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|APT|SUITE|STE|UNIT|\#)\.?\s*[\w\-]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"\bP\.?\s*O\.?\s*Box\s+\d+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostOfficeBox();

    [GeneratedRegex(@"(?<![\p{L}])\p{Lu}[\p{L}]+(?:\s+\p{Lu}[\p{L}]+){0,2},?\s+(?:CA|Calif\.?|California)\s+9\d{4}(?:-\d{4})?(?![\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex CityStateZip();

    [GeneratedRegex($@"\b(?i:patient(?:'s)?(?:\s+name)?|employee(?:'s)?(?:\s+name)?|claimant(?:'s)?(?:\s+name)?|applicant(?:'s)?(?:\s+name)?|injured\s+worker|worker|(?<!(?:drug|brand|generic|trade|medication|test|study|file|document)\s+)name|employer|insurer|attorney|physician|requesting\s+physician|treating\s+physician|provider|re)\s*:[ \t]*(?<v>(?:Dr|Mr|Mrs|Ms|DR|MR|MRS|MS)?\.?[ \t]*{PersonWord}(?:,?[ \t]+(?:\p{{Lu}}\.|(?:Inc|Co|Corp|Ltd|Jr|Sr|INC|CO|CORP|LTD)\.|{PersonWord}|&))*)", RegexOptions.CultureInvariant)]
    private static partial Regex LabelledName();

    [GeneratedRegex($@"(?:\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof)\.?|\b(?:DR|MR|MRS|MS|MX|PROF)\.)[ \t]+(?<v>{PersonWord}(?:[ \t]+\p{{Lu}}\.)?(?:[ \t]+(?!(?:MD|DO|DC|PT|NP)\b){PersonWord})?)", RegexOptions.CultureInvariant)]
    private static partial Regex TitledName();

    [GeneratedRegex($@"(?<v>{PersonWord}(?:[ \t]+\p{{Lu}}\.)?[ \t]+{PersonWord})(?=,?[ \t]+(?:M\.D\.|MD|D\.O\.|DO|D\.C\.|DC|PA-C|NP|Ph\.D\.|PhD|DPM|DPT|L\.Ac\.|LAc|Psy\.D\.|PsyD|FNP|APRN)(?![\p{{L}}]))", RegexOptions.CultureInvariant)]
    private static partial Regex NameWithDegree();
}
