using System.Text;
using UglyToad.PdfPig.Content;

namespace OpenImr.Documents.Pdf;

/// <summary>
/// Extracts the text of a PDF in reading order with its layout kept: lines rebuilt from glyph
/// baselines, column gaps kept as runs of spaces, paragraph gaps as blank lines and pages
/// separated by a form feed (the conventions of poppler's <c>pdftotext -layout</c>).
/// </summary>
public static class PdfTextExtractor
{
    /// <summary>Whether the bytes start like a PDF (<c>%PDF-</c> within the first 1 KiB, as readers allow).</summary>
    public static bool LooksLikePdf(ReadOnlySpan<byte> head)
    {
        var window = head[..Math.Min(head.Length, 1024)];
        return window.IndexOf("%PDF-"u8) >= 0;
    }

    /// <summary>Extracts the text of every page.</summary>
    /// <exception cref="DocumentReadException">The bytes are not a readable PDF, or it holds no text.</exception>
    public static string Extract(byte[] pdf) => PdfLimits.Read(pdf, document =>
    {
        var text = new StringBuilder(capacity: pdf.Length / 4);
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            if (number > 1)
            {
                // A line holding only a form feed marks the page break, as pdftotext does.
                text.Append("\n\f\n");
            }

            AppendPage(document.GetPage(number), text);
        }

        return text.ToString().AsSpan().Trim().IsEmpty
            ? throw new DocumentReadException("the PDF holds no extractable text (a scanned image?); run it through OCR first")
            : text.ToString();
    });

    private static void AppendPage(Page page, StringBuilder text)
    {
        var glyphs = new List<Glyph>();
        foreach (var word in page.GetWords())
        {
            if (string.IsNullOrWhiteSpace(word.Text))
            {
                continue;
            }

            var first = word.Letters[0];
            var size = first.PointSize > 0 ? first.PointSize : Math.Max(word.BoundingBox.Height, 1);
            glyphs.Add(new Glyph(word.Text, word.BoundingBox.Left, word.BoundingBox.Right, first.StartBaseLine.Y, size, word.Letters.Count));
        }

        if (glyphs.Count == 0)
        {
            return;
        }

        // Top of the page first; within a line, left to right.
        glyphs.Sort(static (a, b) => b.Baseline.CompareTo(a.Baseline));
        var lines = new List<List<Glyph>>();
        var current = new List<Glyph> { glyphs[0] };
        var lineBaseline = glyphs[0].Baseline;
        for (var i = 1; i < glyphs.Count; i++)
        {
            var glyph = glyphs[i];
            if (Math.Abs(lineBaseline - glyph.Baseline) <= Math.Max(1.5, glyph.Size * 0.3))
            {
                current.Add(glyph);
                continue;
            }

            lines.Add(current);
            current = [glyph];
            lineBaseline = glyph.Baseline;
        }

        lines.Add(current);

        var lineSpacing = TypicalLineSpacing(lines);
        double? previousBaseline = null;
        foreach (var line in lines)
        {
            line.Sort(static (a, b) => a.Left.CompareTo(b.Left));
            var baseline = line[0].Baseline;
            if (previousBaseline is { } previous)
            {
                text.Append('\n');
                if (previous - baseline > lineSpacing * 1.45)
                {
                    text.Append('\n');
                }
            }

            AppendLine(line, text);
            previousBaseline = baseline;
        }
    }

    private static void AppendLine(List<Glyph> line, StringBuilder text)
    {
        double width = 0, characters = 0;
        foreach (var glyph in line)
        {
            width += glyph.Right - glyph.Left;
            characters += glyph.Characters;
        }

        var charWidth = Math.Max(width / Math.Max(characters, 1), 1.0);
        var indent = (int)Math.Round((line[0].Left - 72) / (charWidth * 1.1));
        if (indent > 0)
        {
            text.Append(' ', Math.Min(indent, 60));
        }

        text.Append(line[0].Value);
        for (var i = 1; i < line.Count; i++)
        {
            var gap = line[i].Left - line[i - 1].Right;
            if (gap > charWidth * 2.5)
            {
                text.Append(' ', Math.Clamp((int)Math.Round(gap / charWidth), 2, 60));
            }
            else
            {
                text.Append(' ');
            }

            text.Append(line[i].Value);
        }
    }

    private static double TypicalLineSpacing(List<List<Glyph>> lines)
    {
        if (lines.Count < 2)
        {
            return 14;
        }

        var gaps = new List<double>(lines.Count - 1);
        for (var i = 1; i < lines.Count; i++)
        {
            gaps.Add(lines[i - 1][0].Baseline - lines[i][0].Baseline);
        }

        gaps.Sort();
        return Math.Max(gaps[gaps.Count / 3], 6);
    }

    private readonly record struct Glyph(string Value, double Left, double Right, double Baseline, double Size, int Characters);
}
