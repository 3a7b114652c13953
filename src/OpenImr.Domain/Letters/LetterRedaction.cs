using OpenImr.Domain.Redaction;

namespace OpenImr.Domain.Letters;

/// <summary>
/// The public version of an issued letter: the worker, the employer and the providers removed, as
/// the Division publishes determinations. Every free text of the letter (the clinical summary, each
/// request, guideline line and rationale) goes through one <see cref="Redactor"/>; the source file
/// is dropped. The case number, dates, decisions, citations and the reviewer's credentials stay.
/// Every output format (text, Markdown, HTML, PDF) is rendered from the redacted letter.
/// </summary>
public static class LetterRedaction
{
    /// <summary>What replaces a removed name or number.</summary>
    public const string Mark = Redactor.Mark;

    /// <summary>The letter with what <paramref name="subjects"/> tells and what the text marks removed.</summary>
    public static Letter Redact(Letter letter, RedactionSubjects subjects)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(subjects);
        var redactor = Redactor.For(subjects);
        return letter with
        {
            Source = null,
            ClinicalSummary = Redact(redactor, letter.ClinicalSummary),
            Items = [.. letter.Items.Select(item => item with
            {
                Request = redactor.Redact(item.Request),
                ClaimsAdministratorGuideline = Redact(redactor, item.ClaimsAdministratorGuideline),
                ImrGuideline = Redact(redactor, item.ImrGuideline),
                Rationale = Redact(redactor, item.Rationale),
            })],
        };
    }

    /// <summary>The letter with <paramref name="names"/> (parties, providers, the worker: any may be null or blank) and what the text marks removed.</summary>
    public static Letter Redact(Letter letter, IEnumerable<string?> names) => Redact(letter, RedactionSubjects.FromNames(names));

    /// <summary><paramref name="text"/> with <paramref name="names"/> and what the text marks removed.</summary>
    public static string RedactText(string text, IEnumerable<string?> names) => Redactor.For(RedactionSubjects.FromNames(names)).Redact(text);

    private static string? Redact(Redactor redactor, string? text) => text is null ? null : redactor.Redact(text);
}
