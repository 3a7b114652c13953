using System.IO.Compression;
using System.Text;
using OpenImr.Documents.Letters;
using OpenImr.Documents.Pdf;

namespace OpenImr.Documents.Tests.Pdf;

public class PdfLimitsTests
{
    /// <summary>A small file whose one Flate stream inflates to <paramref name="inflatedBytes"/> zero bytes (a decompression bomb).</summary>
    private static byte[] Bomb(long inflatedBytes)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (long written = 0; written < inflatedBytes; written += zeros.Length)
            {
                zlib.Write(zeros, 0, (int)Math.Min(zeros.Length, inflatedBytes - written));
            }
        }

        using var pdf = new MemoryStream();
        pdf.Write(Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj\n<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n"));
        pdf.Write(compressed.ToArray());
        pdf.Write("\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8);
        return pdf.ToArray();
    }

    [Fact]
    public void Check_StreamInflatingPastTheLimit_RefusedNamingTheLimit()
    {
        var bomb = Bomb(PdfLimits.MaxStreamBytes + (1 << 20));
        Assert.True(bomb.Length < 1 << 20);

        var error = Assert.Throws<DocumentReadException>(() => PdfLimits.Check(bomb));

        Assert.StartsWith("PDF-LIMIT:", error.Message, StringComparison.Ordinal);
        Assert.Contains("16 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SmallStream_Passes() => PdfLimits.Check(Bomb(1 << 20));

    [Fact]
    public void Check_ALetterAsThePdfWriterWritesIt_Passes() =>
        PdfLimits.Check(LetterDocuments.Pdf(TestFiles.SeedLetter(TestFiles.Seeds[0])));

    [Fact]
    public void Read_BombAsALetterFile_IsThatFilesProblemInOurWords()
    {
        var result = LetterFileReader.Read(Bomb(PdfLimits.MaxStreamBytes * 2), "bomb.pdf");

        Assert.Null(result.Letter);
        Assert.Contains("PDF-LIMIT", result.FirstError, StringComparison.Ordinal);
    }
}
