using OpenImr.Domain.Formulary;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace OpenImr.Documents.Pdf;

/// <summary>
/// A PDF's words grouped into lines with their x positions, for tables whose columns matter (the MTUS Drug List):
/// words whose baselines lie within a few points are one line, left to right.
/// </summary>
public static class PdfWordLines
{
    /// <summary>At most this many pages are read.</summary>
    public const int MaxPages = 1_000;

    private const double SameLine = 2.5;

    /// <summary>Every line of every page, in reading order.</summary>
    /// <exception cref="DocumentReadException">Not a readable PDF, too many pages, or no text.</exception>
    public static IReadOnlyList<PositionedLine> Read(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (!PdfTextExtractor.LooksLikePdf(pdf))
        {
            throw new DocumentReadException("not a PDF (no %PDF- header)");
        }

        PdfLimits.Check(pdf);
        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true });
            if (document.NumberOfPages > MaxPages)
            {
                throw new DocumentReadException($"the PDF has {document.NumberOfPages} pages, above the {MaxPages} this reader takes");
            }

            var lines = new List<PositionedLine>();
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                var words = document.GetPage(number).GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text))
                    .OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left).ToList();
                var current = new List<(double Y, double X, string Text)>();
                foreach (var word in words)
                {
                    if (current.Count > 0 && Math.Abs(current[0].Y - word.BoundingBox.Bottom) > SameLine)
                    {
                        lines.Add(new PositionedLine(number, [.. current.OrderBy(w => w.X).Select(w => (w.X, w.Text))]));
                        current.Clear();
                    }

                    current.Add((word.BoundingBox.Bottom, word.BoundingBox.Left, word.Text));
                }

                if (current.Count > 0)
                {
                    lines.Add(new PositionedLine(number, [.. current.OrderBy(w => w.X).Select(w => (w.X, w.Text))]));
                }
            }

            return lines.Count == 0 ? throw new DocumentReadException("the PDF holds no extractable text (a scanned image?); run it through OCR first") : lines;
        }
        catch (DocumentReadException)
        {
            throw;
        }
        catch (PdfDocumentEncryptedException)
        {
            throw new DocumentReadException("the PDF is encrypted with a password; supply an unprotected copy");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // PdfPig reports damage through several exception types; a damaged file is bad input, said in our words.
            throw new DocumentReadException("the PDF is damaged and its text cannot be read; get a fresh copy of the file", exception);
        }
    }
}
