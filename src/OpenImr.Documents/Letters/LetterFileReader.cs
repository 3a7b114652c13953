using OpenImr.Domain.Letters;

namespace OpenImr.Documents.Letters;

/// <summary>
/// Turns the bytes of a letter file (PDF, plain text, Markdown or HTML, told apart by content)
/// into a <see cref="Letter"/>.
/// </summary>
public static class LetterFileReader
{
    /// <summary>Reads and parses one letter from its bytes.</summary>
    /// <param name="source">The name carried into <see cref="Letter.Source"/> (usually the file name).</param>
    public static LetterParseResult Read(byte[] content, string source)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length == 0)
        {
            return Failed(LetterIssueCodes.Empty, "the file is empty");
        }

        string text;
        try
        {
            text = DocumentText.FromBytes(content);
        }
        catch (DocumentReadException exception)
        {
            // A PDF whose text cannot be read (damaged, encrypted, scanned) may well be a letter: that is a problem with
            // the file, never a note to skip.
            var code = DocumentText.IsPdf(content) ? LetterIssueCodes.UnreadablePdf
                : exception.Message.StartsWith("the file is binary", StringComparison.Ordinal) ? LetterIssueCodes.Binary : LetterIssueCodes.NotALetter;
            return Failed(code, exception.Message);
        }

        return LetterParser.Parse(text, source);
    }

    private static LetterParseResult Failed(string code, string message) =>
        new(null, [new LetterParseIssue(code, IssueSeverity.Error, message)]);
}
