using System.Globalization;
using System.Net;
using System.Text;

namespace OpenImr.Domain.Letters;

/// <summary>The renderings of a letter.</summary>
public enum LetterFormat
{
    Text,
    Markdown,
    Html,
}

/// <summary>
/// Renders a <see cref="Letter"/> in the published layout: the header table; HOW THE IMR FINAL
/// DETERMINATION WAS MADE with the reviewer's credentials; CLINICAL CASE SUMMARY; IMR ISSUES,
/// DECISIONS AND RATIONALES. The standing sentences are the project's own words.
/// <see cref="LetterParser"/> reads every rendering back into the same letter.
/// </summary>
public static class LetterRenderer
{
    /// <summary>The project's own statement of how the determination was made.</summary>
    public const string HowMadeStatement =
        "The complete case file went to an independent expert reviewer with no affiliation with the employer, the employee, the " +
        "providers or the claims administrator. The reviewer has practised clinically for more than five years, currently practises " +
        "at least 24 hours a week, and was chosen for clinical experience and expertise in the same or a similar specialty as the " +
        "condition and the disputed items. The reviewer applies the laws and regulations that govern Independent Medical Review, " +
        "including the hierarchy of medical evidence.";

    /// <summary>The project's own opening of the clinical case summary; <see cref="LetterParser"/> removes it again.</summary>
    public const string SummaryOpening = "The expert reviewer wrote this summary after reviewing the case file and all of the medical records:";

    /// <summary>The project's own opening of the decisions section.</summary>
    public const string IssuesOpening = "The disputed items and services were decided as follows:";

    private const int Width = 96;

    /// <param name="organisation">The review organisation named in the guideline label ("MAXIMUS guideline:").</param>
    public static string Render(Letter letter, LetterFormat format, string organisation = "MAXIMUS")
    {
        ArgumentNullException.ThrowIfNull(letter);
        var writer = new Writer(format);
        writer.Header(letter);
        writer.Heading("HOW THE IMR FINAL DETERMINATION WAS MADE");
        writer.Paragraph(HowMadeStatement);
        if (letter.Reviewer.Licensure.Count > 0 || letter.Reviewer.Specialties.Count > 0)
        {
            writer.Lines(
                "The Expert Reviewer has the following credentials:",
                Label("State(s) of Licensure:", string.Join(", ", letter.Reviewer.Licensure.Select(UsStates.Name)), format),
                Label("Certification(s)/Specialty:", string.Join(", ", letter.Reviewer.Specialties), format));
        }

        writer.Heading("CLINICAL CASE SUMMARY");
        writer.Paragraph(SummaryOpening);
        foreach (var paragraph in Paragraphs(letter.ClinicalSummary))
        {
            writer.Paragraph(paragraph);
        }

        writer.Heading("IMR ISSUES, DECISIONS AND RATIONALES");
        writer.Paragraph(IssuesOpening);
        foreach (var item in letter.Items)
        {
            writer.Labelled($"{item.Request}:", DecisionWord(item.Decision));
            if (item.ClaimsAdministratorGuideline is { } claims)
            {
                writer.Labelled("Claims Administrator guideline:", claims);
            }

            if (item.ImrGuideline is { } imr)
            {
                writer.Labelled($"{organisation} guideline:", imr);
            }

            var rationale = Paragraphs(item.Rationale);
            for (var p = 0; p < rationale.Length; p++)
            {
                if (p == 0)
                {
                    writer.Labelled("Decision rationale:", rationale[p]);
                }
                else
                {
                    writer.Paragraph(rationale[p]);
                }
            }
        }

        return writer.Finish();
    }

    /// <summary>The word a letter uses for a decision.</summary>
    public static string DecisionWord(Decision? decision) => decision switch
    {
        Decision.Upheld => "Upheld",
        Decision.Overturned => "Overturned",
        _ => "No recommendation",
    };

    private static string Label(string label, string value, LetterFormat format) =>
        format == LetterFormat.Markdown ? $"{label} {value}  " : $"{label} {value}";

    private static string[] Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Date(DateOnly? date) => date?.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture) ?? "";

    private sealed class Writer(LetterFormat format)
    {
        private readonly StringBuilder _text = new();

        public void Header(Letter letter)
        {
            var priority = letter.Priority is null ? "" : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(letter.Priority);
            (string, string)[][] rows =
            [
                [("Case Number:", letter.CaseNumber ?? "")],
                [("Date Assigned:", Date(letter.Dates.Assigned)), ("Date of Injury:", Date(letter.Dates.Injury))],
                [("Decision Date:", Date(letter.Dates.Decision)), ("UR Denial Date:", Date(letter.Dates.UrDenial))],
                [("Priority:", priority), ("Application Received:", Date(letter.Dates.ApplicationReceived))],
            ];
            switch (format)
            {
                case LetterFormat.Html:
                    _text.AppendLine("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Final Determination Letter</title></head>\n<body>\n<table>");
                    foreach (var row in rows)
                    {
                        _text.Append("<tr>");
                        foreach (var (label, value) in row)
                        {
                            _text.Append(CultureInfo.InvariantCulture, $"<td><b>{label}</b></td><td>{WebUtility.HtmlEncode(value)}</td>");
                        }

                        _text.AppendLine("</tr>");
                    }

                    _text.AppendLine("</table>");
                    break;
                case LetterFormat.Markdown:
                    foreach (var row in rows)
                    {
                        _text.AppendLine(string.Join("\t", row.Select(cell => $"<b>{cell.Item1}</b>\t{cell.Item2}")));
                    }

                    _text.AppendLine();
                    break;
                default:
                    foreach (var row in rows)
                    {
                        _text.AppendLine(string.Join("    ", row.Select(cell => $"{cell.Item1,-22}{cell.Item2,-12}")).TrimEnd());
                    }

                    _text.AppendLine();
                    break;
            }
        }

        public void Heading(string heading)
        {
            switch (format)
            {
                case LetterFormat.Html:
                    _text.AppendLine(CultureInfo.InvariantCulture, $"<h3>{WebUtility.HtmlEncode(heading)}</h3>");
                    break;
                case LetterFormat.Markdown:
                    _text.AppendLine(CultureInfo.InvariantCulture, $"### {heading}").AppendLine();
                    break;
                default:
                    _text.AppendLine(heading);
                    break;
            }
        }

        public void Paragraph(string text)
        {
            switch (format)
            {
                case LetterFormat.Html:
                    _text.AppendLine(CultureInfo.InvariantCulture, $"<p>{WebUtility.HtmlEncode(text)}</p>");
                    break;
                case LetterFormat.Markdown:
                    _text.AppendLine(text).AppendLine();
                    break;
                default:
                    Wrap(text);
                    _text.AppendLine();
                    break;
            }
        }

        public void Labelled(string label, string text)
        {
            switch (format)
            {
                case LetterFormat.Html:
                    _text.AppendLine(CultureInfo.InvariantCulture, $"<p><b>{WebUtility.HtmlEncode(label)}</b> {WebUtility.HtmlEncode(text)}</p>");
                    break;
                case LetterFormat.Markdown:
                    _text.AppendLine(CultureInfo.InvariantCulture, $"**{label}** {text}").AppendLine();
                    break;
                default:
                    Wrap($"{label} {text}");
                    _text.AppendLine();
                    break;
            }
        }

        public void Lines(params string[] lines)
        {
            switch (format)
            {
                case LetterFormat.Html:
                    _text.AppendLine(CultureInfo.InvariantCulture, $"<p>{string.Join("<br>\n", lines.Select(WebUtility.HtmlEncode))}</p>");
                    break;
                default:
                    foreach (var line in lines)
                    {
                        _text.AppendLine(line);
                    }

                    _text.AppendLine();
                    break;
            }
        }

        public string Finish()
        {
            if (format == LetterFormat.Html)
            {
                _text.AppendLine("</body>\n</html>");
            }

            return _text.ToString();
        }

        private void Wrap(string text)
        {
            var line = new StringBuilder();
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // A line never ends in a hyphen, so that re-joining hard wraps cannot glue two words.
                if (line.Length > 0 && line.Length + 1 + word.Length > Width && line[^1] != '-')
                {
                    _text.AppendLine(line.ToString());
                    line.Clear();
                }

                if (line.Length > 0)
                {
                    line.Append(' ');
                }

                line.Append(word);
            }

            if (line.Length > 0)
            {
                _text.AppendLine(line.ToString());
            }
        }
    }
}
