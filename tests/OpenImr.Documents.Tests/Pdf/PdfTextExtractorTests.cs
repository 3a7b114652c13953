using OpenImr.Documents.Letters;
using OpenImr.Documents.Pdf;

namespace OpenImr.Documents.Tests.Pdf;

public class PdfTextExtractorTests
{
    private static byte[] SeedPdf() => LetterDocuments.Pdf(TestFiles.SeedLetter(TestFiles.Seeds[2]));

    [Fact]
    public void Extract_LetterPdf_KeepsHeaderColumnsOnOneLine()
    {
        var text = PdfTextExtractor.Extract(SeedPdf());

        var lines = text.Split('\n');
        Assert.Contains(lines, line => line.Contains("Case Number:", StringComparison.Ordinal) && line.Contains("CM15-0174261", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Date Assigned:", StringComparison.Ordinal) && line.Contains("Date of Injury:", StringComparison.Ordinal) && line.Contains("05/14/2015", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Trim() == "CLINICAL CASE SUMMARY");
    }

    [Fact]
    public void Extract_LongText_SeparatesPagesWithFormFeedLines()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 120).Select(i => $"Synthetic paragraph {i} about nothing in particular."));
        var pdf = TextPdfWriter.Write(text, _ => false, "synthetic");

        var extracted = PdfTextExtractor.Extract(pdf);

        Assert.Contains("\n\f\n", extracted, StringComparison.Ordinal);
        Assert.Contains("Synthetic paragraph 120 about nothing in particular.", extracted, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TruncatedPdf_ThrowsReadableError()
    {
        var pdf = SeedPdf();

        var error = Assert.Throws<DocumentReadException>(() => PdfTextExtractor.Extract(pdf[..(pdf.Length / 3)]));

        Assert.Contains("damaged or truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PdfHeaderFollowedByJunk_ThrowsReadableError()
    {
        var junk = "%PDF-1.7\n"u8.ToArray().Concat(Enumerable.Range(0, 4000).Select(i => (byte)(i * 31 % 251))).ToArray();

        Assert.Throws<DocumentReadException>(() => PdfTextExtractor.Extract(junk));
    }

    [Fact]
    public void Extract_NotAPdf_ThrowsReadableError()
    {
        var error = Assert.Throws<DocumentReadException>(() => PdfTextExtractor.Extract("plain words"u8.ToArray()));

        Assert.Contains("not a PDF", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%PDF-1.6\n", true)]
    [InlineData("\n\n%PDF-1.4", true)]
    [InlineData("Case Number: CM16", false)]
    public void LooksLikePdf_Header_IsDetected(string head, bool expected)
    {
        Assert.Equal(expected, PdfTextExtractor.LooksLikePdf(System.Text.Encoding.ASCII.GetBytes(head)));
    }
}
