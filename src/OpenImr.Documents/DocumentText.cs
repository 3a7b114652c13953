using System.Text;
using OpenImr.Documents.Pdf;

namespace OpenImr.Documents;

/// <summary>The text of a document file, whatever it is: PDF (by its header) or text in UTF-8, UTF-16 or Latin-1.</summary>
public static class DocumentText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether the bytes are a PDF.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> content) => PdfTextExtractor.LooksLikePdf(content);

    /// <summary>The text of a PDF or text document.</summary>
    /// <exception cref="DocumentReadException">The bytes are a damaged PDF or binary data.</exception>
    public static string FromBytes(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (PdfTextExtractor.LooksLikePdf(content))
        {
            return PdfTextExtractor.Extract(content);
        }

        var text = Decode(content);
        if (LooksBinary(text))
        {
            throw new DocumentReadException("the file is binary, neither text nor a PDF");
        }

        return text;
    }

    private static string Decode(byte[] content)
    {
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        }

        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        }

        if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        }

        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(content);
        }
    }

    private static bool LooksBinary(string text)
    {
        var probe = text.AsSpan(0, Math.Min(text.Length, 8192));
        var suspicious = 0;
        foreach (var c in probe)
        {
            if (c == '\0')
            {
                return true;
            }

            if (c < ' ' && c is not '\n' and not '\r' and not '\t' and not '\f')
            {
                suspicious++;
            }
        }

        return suspicious > probe.Length / 20;
    }
}
