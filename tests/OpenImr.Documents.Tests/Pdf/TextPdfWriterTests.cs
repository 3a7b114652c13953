using OpenImr.Documents.Pdf;

namespace OpenImr.Documents.Tests.Pdf;

public class TextPdfWriterTests
{
    [Fact]
    public void Write_CharactersOutsideTheStandardFonts_FoldsThemInsteadOfFailing()
    {
        const string text = "Synthetic: 2 × 6 sessions, café, 90° flexion, ±5, “quoted” — done, 漢字.";

        var pdf = TextPdfWriter.Write(text, _ => false, "synthetic");

        var extracted = PdfTextExtractor.Extract(pdf);
        Assert.Contains("2 x 6 sessions, cafe, 90 degrees flexion, +/-5, \"quoted\" - done, ??.", extracted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("é", "e")]
    [InlineData("×", "x")]
    [InlineData("plain", "plain")]
    public void WinAnsi_Character_FoldsToAscii(string input, string expected)
    {
        Assert.Equal(expected, TextPdfWriter.WinAnsi(input));
    }
}
