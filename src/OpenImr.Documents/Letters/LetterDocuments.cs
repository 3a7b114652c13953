using OpenImr.Documents.Pdf;
using OpenImr.Domain.Letters;

namespace OpenImr.Documents.Letters;

/// <summary>A letter in every output format: text, Markdown and HTML from the Domain's renderer, PDF laid out here.</summary>
public static class LetterDocuments
{
    private static readonly string[] Headings =
    [
        "HOW THE IMR FINAL DETERMINATION WAS MADE",
        "CLINICAL CASE SUMMARY",
        "IMR ISSUES, DECISIONS AND RATIONALES",
    ];

    public static byte[] Pdf(Letter letter, string organisation = "MAXIMUS")
    {
        ArgumentNullException.ThrowIfNull(letter);
        var text = LetterRenderer.Render(letter, LetterFormat.Text, organisation);
        return TextPdfWriter.Write(text, line => Headings.Contains(line, StringComparer.Ordinal), $"Final Determination Letter {letter.CaseNumber}".Trim());
    }
}
