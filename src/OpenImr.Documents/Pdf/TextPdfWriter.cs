using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace OpenImr.Documents.Pdf;

/// <summary>
/// Lays plain text out on US Letter pages as a real PDF with the standard Helvetica fonts:
/// headings in bold, paragraphs wrapped to the page, column layouts (runs of three or more
/// spaces) kept at their columns. No browser or external program is needed.
/// </summary>
public static class TextPdfWriter
{
    private const double FontSize = 10;
    private const double LineHeight = 13.2;
    private const double Left = 64;
    private const double Right = 612 - 64;
    private const double Top = 792 - 64;
    private const double Bottom = 64;

    /// <summary>Writes <paramref name="text"/> as a PDF; lines for which <paramref name="isHeading"/> holds are bold and centred.</summary>
    public static byte[] Write(string text, Func<string, bool> isHeading, string title)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(isHeading);
        var builder = new PdfDocumentBuilder { DocumentInformation = { Title = title, Producer = "OpenIMR" } };
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.Letter);
        var y = Top;

        void NewLine(double height)
        {
            y -= height;
            if (y < Bottom)
            {
                page = builder.AddPage(PageSize.Letter);
                y = Top;
            }
        }

        foreach (var rawLine in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = WinAnsi(rawLine.TrimEnd());
            if (line.Length == 0)
            {
                NewLine(LineHeight * 0.8);
                continue;
            }

            if (isHeading(line.Trim()))
            {
                var heading = line.Trim();
                var width = Width(page, heading, bold);
                page.AddText(heading, FontSize + 1, new PdfPoint(Math.Max(Left, (Left + Right - width) / 2), y), bold);
                NewLine(LineHeight);
                continue;
            }

            if (line.Contains("   ", StringComparison.Ordinal))
            {
                // A table row: each cell stays at the column its characters start at.
                foreach (var (column, cell) in Cells(line))
                {
                    page.AddText(cell, FontSize, new PdfPoint(Left + (column * 5.2), y), regular);
                }

                NewLine(LineHeight);
                continue;
            }

            foreach (var wrapped in Wrap(page, line, regular))
            {
                page.AddText(wrapped, FontSize, new PdfPoint(Left, y), regular);
                NewLine(LineHeight);
            }
        }

        return builder.Build();
    }

    private static IEnumerable<(int Column, string Cell)> Cells(string line)
    {
        var start = -1;
        for (var i = 0; i <= line.Length; i++)
        {
            var gap = i == line.Length || (line[i] == ' ' && i + 2 < line.Length && line[i + 1] == ' ' && line[i + 2] == ' ');
            if (!gap && start < 0 && line[i] != ' ')
            {
                start = i;
            }
            else if (gap && start >= 0)
            {
                yield return (start, line[start..i].Trim());
                start = -1;
            }
        }
    }

    private static List<string> Wrap(PdfPageBuilder page, string line, PdfDocumentBuilder.AddedFont font)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : $"{current} {word}";
            if (current.Length > 0 && Width(page, candidate, font) > Right - Left && current[^1] != '-')
            {
                lines.Add(current.ToString());
                current.Clear().Append(word);
                continue;
            }

            current.Clear().Append(candidate);
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    private static double Width(PdfPageBuilder page, string text, PdfDocumentBuilder.AddedFont font)
    {
        var letters = page.MeasureText(text, FontSize, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X;
    }

    /// <summary>
    /// The standard fonts as PdfPig writes them cover printable ASCII safely; anything else is folded
    /// to its nearest ASCII ("é" to "e", "×" to "x", "°" to " degrees") rather than failing the letter.
    /// </summary>
    internal static string WinAnsi(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~')
            {
                builder.Append(c);
                continue;
            }

            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u00B4' => "'",
                '\u201C' or '\u201D' or '\u00AB' or '\u00BB' => "\"",
                '\u2013' or '\u2014' or '\u2212' => "-",
                '\u2026' => "...",
                '\u00D7' => "x",
                '\u00B0' => " degrees",
                '\u00B1' => "+/-",
                '\u00B5' => "u",
                '\u00BD' => "1/2",
                '\u00BC' => "1/4",
                '\u2022' or '\u00B7' => "*",
                '\u00A0' or '\t' => " ",
                < ' ' => "",
                _ => Fold(c),
            });
        }

        return builder.ToString();
    }

    // The Latin-1 letters U+00C0..U+00FF without their accents (the build runs with invariant
    // globalization, where Unicode decomposition is not available).
    private const string Latin1Letters = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";

    private static string Fold(char c) =>
        c is >= '\u00C0' and <= '\u00FF' ? Latin1Letters[c - '\u00C0'].ToString() : "?";
}
