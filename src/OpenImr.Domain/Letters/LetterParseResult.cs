namespace OpenImr.Domain.Letters;

/// <summary>How much a parse problem matters.</summary>
public enum IssueSeverity
{
    /// <summary>Something the letter states could not be read; the letter is still usable.</summary>
    Warning,

    /// <summary>The input is not a readable letter; no <see cref="Letter"/> is produced.</summary>
    Error,
}

/// <summary>
/// One problem found while reading a letter. Codes are stable: <c>LTR0xx</c> are errors
/// (no letter), <c>LTR1xx</c> are warnings (a field could not be read).
/// </summary>
/// <param name="Line">The 1-based line of the normalised text the problem is at, when known.</param>
public sealed record LetterParseIssue(string Code, IssueSeverity Severity, string Message, int? Line = null);

/// <summary>The letter read (null when an error made that impossible) and every problem found.</summary>
public sealed record LetterParseResult(Letter? Letter, IReadOnlyList<LetterParseIssue> Issues)
{
    public bool Succeeded => Letter is not null;

    /// <summary>The first error's message, for one-line reports.</summary>
    public string? FirstError => Issues.FirstOrDefault(i => i.Severity == IssueSeverity.Error)?.Message;
}

/// <summary>The stable issue codes of <see cref="LetterParser"/>.</summary>
public static class LetterIssueCodes
{
    public const string Empty = "LTR001";
    public const string NotALetter = "LTR002";
    public const string NoIssuesSection = "LTR003";
    public const string NoDecisions = "LTR004";
    public const string Binary = "LTR005";
    public const string UnreadablePdf = "LTR006";
    public const string TooLarge = "LTR007";
    public const string UnreadableDate = "LTR101";
    public const string MissingRationale = "LTR102";
    public const string MissingGuideline = "LTR103";
    public const string MissingCaseNumber = "LTR104";
    public const string MissingSummary = "LTR105";
}
