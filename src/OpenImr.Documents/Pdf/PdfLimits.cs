using System.IO.Compression;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace OpenImr.Documents.Pdf;

/// <summary>
/// Bounds checked before a PDF is handed to the parser, so that no file costs minutes or gigabytes: every
/// Flate-compressed stream is inflated into a counter (nothing kept), and the file is refused, with the limit
/// named, when one stream or all of them together inflate past the limit, or when it has too many pages.
/// </summary>
public static class PdfLimits
{
    /// <summary>Refused when one stream inflates past this (a letter's page content is a few kilobytes).</summary>
    public const long MaxStreamBytes = 16L * 1024 * 1024;

    /// <summary>Refused when all streams together inflate past this.</summary>
    public const long MaxInflatedBytes = 128L * 1024 * 1024;

    /// <summary>Refused when the file declares more pages than this.</summary>
    public const int MaxPages = 2_000;

    private static ReadOnlySpan<byte> StreamKeyword => "stream"u8;

    private static ReadOnlySpan<byte> EndStreamKeyword => "endstream"u8;

    /// <summary>Throws <see cref="DocumentReadException"/> naming the limit when <paramref name="pdf"/> passes one.</summary>
    public static void Check(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        long total = 0;
        var pages = 0;
        var buffer = new byte[81920];
        var at = 0;
        while (at < pdf.Length)
        {
            var found = pdf.AsSpan(at).IndexOf(StreamKeyword);
            if (found < 0)
            {
                pages += CountPages(pdf.AsSpan(at));
                break;
            }

            var keyword = at + found;
            pages += CountPages(pdf.AsSpan(at, found));
            var isEnd = keyword >= 3 && pdf.AsSpan(keyword - 3, 3).SequenceEqual("end"u8);
            var start = keyword + StreamKeyword.Length;
            if (isEnd || start >= pdf.Length || (pdf[start] != '\r' && pdf[start] != '\n'))
            {
                at = start;
                continue;
            }

            start += pdf[start] == '\r' && start + 1 < pdf.Length && pdf[start + 1] == '\n' ? 2 : 1;
            var end = pdf.AsSpan(start).IndexOf(EndStreamKeyword);
            end = end < 0 ? pdf.Length : start + end;
            var inflated = Inflated(pdf, start, end - start, buffer);
            if (inflated > MaxStreamBytes)
            {
                throw new DocumentReadException($"PDF-LIMIT: a stream of the PDF inflates past {MaxStreamBytes / (1024 * 1024)} MB; the file is not a letter, or is built to exhaust the reader");
            }

            total += inflated;
            if (total > MaxInflatedBytes)
            {
                throw new DocumentReadException($"PDF-LIMIT: the PDF inflates past {MaxInflatedBytes / (1024 * 1024)} MB in all; the file is not a letter, or is built to exhaust the reader");
            }

            if (pages > MaxPages)
            {
                break;
            }

            at = end + EndStreamKeyword.Length;
        }

        if (pages > MaxPages)
        {
            throw new DocumentReadException($"PDF-LIMIT: the PDF declares more than {MaxPages} pages; split it, or check that it is the right file");
        }
    }

    /// <summary>
    /// Opens <paramref name="pdf"/> within the limits and hands it to <paramref name="read"/>; every way the file can fail
    /// (not a PDF, past a limit, encrypted, damaged) is a <see cref="DocumentReadException"/> in our words.
    /// </summary>
    public static T Read<T>(byte[] pdf, Func<PdfDocument, T> read)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(read);
        if (!PdfTextExtractor.LooksLikePdf(pdf))
        {
            throw new DocumentReadException("not a PDF (no %PDF- header)");
        }

        Check(pdf);
        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true });
            if (document.NumberOfPages > MaxPages)
            {
                throw new DocumentReadException($"PDF-LIMIT: the PDF has {document.NumberOfPages} pages, above the {MaxPages} a document may have; split it, or check that it is the right file");
            }

            return read(document);
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
            // PdfPig reports damage through several exception types; the library's own message names its internals,
            // so the user reads what is wrong and what to do.
            throw new DocumentReadException("the PDF is damaged or truncated and its text cannot be read; get a fresh copy of the file", exception);
        }
    }

    /// <summary>The bytes a stream inflates to, if it is zlib data; 0 for any other stream (it is its own size, already counted).</summary>
    private static long Inflated(byte[] pdf, int start, int length, byte[] buffer)
    {
        if (length < 2 || (pdf[start] & 0x0F) != 8 || ((pdf[start] << 8) | pdf[start + 1]) % 31 != 0)
        {
            return 0;
        }

        long count = 0;
        try
        {
            using var inflater = new ZLibStream(new MemoryStream(pdf, start, length, writable: false), CompressionMode.Decompress);
            int read;
            while ((read = inflater.Read(buffer, 0, buffer.Length)) > 0)
            {
                count += read;
                if (count > MaxStreamBytes)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A damaged stream: the parser decides what to make of it.
        }

        return count;
    }

    /// <summary>Page objects in plain (not compressed) bytes: "/Type /Page" not followed by "s".</summary>
    private static int CountPages(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        for (var i = bytes.IndexOf("/Type"u8); i >= 0 && i < bytes.Length;)
        {
            var j = i + 5;
            while (j < bytes.Length && bytes[j] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t')
            {
                j++;
            }

            if (bytes[j..].StartsWith("/Page"u8) && (j + 5 >= bytes.Length || bytes[j + 5] != 's'))
            {
                count++;
            }

            var next = bytes[(i + 5)..].IndexOf("/Type"u8);
            i = next < 0 ? -1 : i + 5 + next;
        }

        return count;
    }
}
