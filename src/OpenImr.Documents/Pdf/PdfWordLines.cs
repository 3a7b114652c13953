using OpenImr.Domain.Formulary;

namespace OpenImr.Documents.Pdf;

/// <summary>
/// A PDF's words grouped into lines with their x positions, for tables whose columns matter (the MTUS Drug List):
/// words whose baselines lie within a few points are one line, left to right.
/// </summary>
public static class PdfWordLines
{
    private const double SameLine = 2.5;

    /// <summary>Every line of every page, in reading order.</summary>
    /// <exception cref="DocumentReadException">Not a readable PDF, past a <see cref="PdfLimits"/> limit, or no text.</exception>
    public static IReadOnlyList<PositionedLine> Read(byte[] pdf) => PdfLimits.Read(pdf, document =>
    {
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
                    lines.Add(Line(number, current));
                    current.Clear();
                }

                current.Add((word.BoundingBox.Bottom, word.BoundingBox.Left, word.Text));
            }

            if (current.Count > 0)
            {
                lines.Add(Line(number, current));
            }
        }

        return lines.Count == 0
            ? throw new DocumentReadException("the PDF holds no extractable text (a scanned image?); run it through OCR first")
            : (IReadOnlyList<PositionedLine>)lines;
    });

    private static PositionedLine Line(int page, List<(double Y, double X, string Text)> words) =>
        new(page, [.. words.OrderBy(w => w.X).Select(w => (w.X, w.Text))]);
}
