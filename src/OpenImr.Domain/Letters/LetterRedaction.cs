using System.Text.RegularExpressions;

namespace OpenImr.Domain.Letters;

/// <summary>
/// The public version of an issued letter: the worker, the employer and the providers removed, as
/// the Division publishes determinations. Names the case gives (its parties) are removed wherever
/// they appear, and so are names the text itself marks: after a title (Dr., Mr., Ms.), after a label
/// (Patient:, Employee:, Claimant:), and identifying numbers (Social Security, telephone, claim
/// numbers, dates of birth). The case number, dates of service, decisions, guidelines and the
/// clinical reasoning stay.
/// </summary>
public static partial class LetterRedaction
{
    /// <summary>What replaces a removed name or number.</summary>
    public const string Mark = "[redacted]";

    /// <summary>
    /// The letter with <paramref name="names"/> (parties, providers, the worker: any of them may be
    /// null or blank) and the identifiers the text marks replaced by <see cref="Mark"/>.
    /// </summary>
    public static Letter Redact(Letter letter, IEnumerable<string?> names)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(names);
        var known = KnownNames(names);
        return letter with
        {
            Source = null,
            ClinicalSummary = letter.ClinicalSummary is null ? null : RedactKnown(letter.ClinicalSummary, known),
            Items = [.. letter.Items.Select(item => item with
            {
                Request = RedactKnown(item.Request, known),
                Rationale = item.Rationale is null ? null : RedactKnown(item.Rationale, known),
            })],
        };
    }

    /// <summary><paramref name="text"/> with <paramref name="names"/> and the identifiers the text marks replaced.</summary>
    public static string RedactText(string text, IEnumerable<string?> names)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        return RedactKnown(text, KnownNames(names));
    }

    private static string RedactKnown(string text, IReadOnlyList<string> known)
    {
        foreach (var name in known)
        {
            text = Regex.Replace(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name).Replace(@"\ ", @"\s+", StringComparison.Ordinal)}(?![\p{{L}}\p{{N}}])",
                Mark, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        text = SocialSecurityNumber().Replace(text, Mark);
        text = TelephoneNumber().Replace(text, Mark);
        text = LabelledIdentifier().Replace(text, m => $"{m.Groups["label"].Value}{Mark}");
        text = LabelledName().Replace(text, m => $"{m.Groups["label"].Value}{Mark}");
        return TitledName().Replace(text, m => $"{m.Groups["title"].Value} {Mark}");
    }

    /// <summary>
    /// Each name as given and, for a person, the surname alone (so "Dr. Jane Roe, MD" also removes
    /// "Roe"); longest first, so that a full name goes before its parts.
    /// </summary>
    private static List<string> KnownNames(IEnumerable<string?> names)
    {
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in names)
        {
            var name = raw?.Trim().Trim(',', '.', ';');
            if (string.IsNullOrWhiteSpace(name) || name.Length < 3)
            {
                continue;
            }

            known.Add(name);
            var person = PersonName().Match(name);
            if (person.Success)
            {
                var core = person.Groups["name"].Value.Trim();
                known.Add(core);
                var parts = core.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length > 1 && parts[^1].Length >= 3)
                {
                    known.Add(parts[^1]);
                }
            }
        }

        return [.. known.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)];
    }

    // Note that a person is a name given with a title or a medical degree; an employer's name is removed only whole.
    [GeneratedRegex(@"^(?:(?:Dr|Mr|Mrs|Ms|Miss)\.?\s+)?(?<name>[\p{Lu}][\p{L}'\-]+(?:\s+[\p{Lu}]\.?)?(?:\s+[\p{Lu}][\p{L}'\-]+)*)(?:\s*,?\s*(?:MD|DO|DC|PhD|PA-C|NP|PT|M\.D\.|D\.O\.|D\.C\.))*$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonName();

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex SocialSecurityNumber();

    [GeneratedRegex(@"(?<!\d)(?:\(\d{3}\)\s*|\d{3}[-.\s])\d{3}[-.]\d{4}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex TelephoneNumber();

    [GeneratedRegex(@"(?<label>\b(?:DOB|D\.O\.B\.|date of birth|claim (?:number|no\.?|#)|SSN|social security (?:number|no\.?))\s*[:#]?\s*)[\w/\-.]*\d[\w/\-.]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LabelledIdentifier();

    [GeneratedRegex(@"(?<label>\b(?i:patient(?: name)?|employee(?: name)?|claimant(?: name)?|injured worker|applicant)\s*:\s*)[\p{Lu}][\p{L}'\-]+(?:,?\s+[\p{Lu}][\p{L}'\-]*\.?)*", RegexOptions.CultureInvariant)]
    private static partial Regex LabelledName();

    [GeneratedRegex(@"(?<title>\b(?:Dr|Mr|Mrs|Ms|Miss)\.?)\s+(?!\[redacted\])[\p{Lu}][\p{L}'\-]+(?:\s+[\p{Lu}][\p{L}'\-]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex TitledName();
}
