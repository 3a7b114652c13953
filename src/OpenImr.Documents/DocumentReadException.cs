namespace OpenImr.Documents;

/// <summary>A document could not be read; the message says why, in words for the person who supplied it.</summary>
public sealed class DocumentReadException : Exception
{
    public DocumentReadException()
    {
    }

    public DocumentReadException(string message)
        : base(message)
    {
    }

    public DocumentReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
