namespace OpenImr.Domain.Letters;

/// <summary>
/// A Final Determination Letter as published: header, reviewer credentials, the reviewer's
/// clinical summary and one decided item per disputed request. A value the letter does not
/// state is <see langword="null"/>, never an empty string or a guess.
/// </summary>
/// <param name="Source">The file or name the letter was read from, if any.</param>
/// <param name="Format">The layout recognised; see <see cref="LetterFormats"/>.</param>
public sealed record Letter(
    string? Source,
    string Format,
    string? CaseNumber,
    LetterDates Dates,
    string? Priority,
    ReviewerCredentials Reviewer,
    PatientDescription Patient,
    string? ClinicalSummary,
    IReadOnlyList<LetterItem> Items);

/// <summary>The dates in a letter's header (and the date of injury from the summary where the header lacks it).</summary>
public sealed record LetterDates(
    DateOnly? Assigned,
    DateOnly? Injury,
    DateOnly? Decision,
    DateOnly? UrDenial,
    DateOnly? ApplicationReceived)
{
    public static LetterDates None { get; } = new(null, null, null, null, null);
}

/// <summary>The expert reviewer's credentials: two-letter licence states and specialties as listed.</summary>
public sealed record ReviewerCredentials(IReadOnlyList<string> Licensure, IReadOnlyList<string> Specialties)
{
    public static ReviewerCredentials None { get; } = new([], []);
}

/// <summary>Age and sex as the letter states them; <c>Sex</c> is <c>male</c>, <c>female</c> or null.</summary>
public sealed record PatientDescription(int? Age, string? Sex)
{
    public static PatientDescription Unknown { get; } = new(null, null);
}

/// <summary>One disputed item and the reviewer's decision on it.</summary>
/// <param name="Request">The request as the letter words it; where part was authorised before review, the remaining portion decided.</param>
public sealed record LetterItem(
    string Request,
    Decision? Decision,
    string? ClaimsAdministratorGuideline,
    string? ImrGuideline,
    IReadOnlyList<GuidelineCitation> Citations,
    string? Rationale);

/// <summary>
/// A guideline named in a letter. <c>Source</c> is <c>MTUS</c>, <c>ODG</c>, <c>ACOEM</c> or <c>Other</c>.
/// </summary>
public sealed record GuidelineCitation(string Source, string? Title, string? Edition, string? Pages, string? Section);

/// <summary>The outcome of an IMR item.</summary>
public enum Decision
{
    /// <summary>The UR denial stands: the treatment is not medically necessary.</summary>
    Upheld,

    /// <summary>The UR denial is reversed: the treatment is medically necessary.</summary>
    Overturned,

    /// <summary>The engine does not recommend; a physician must decide.</summary>
    NoRecommendation,
}

/// <summary>Names of the letter layouts the parser recognises.</summary>
public static class LetterFormats
{
    /// <summary>The 2014-2017 MAXIMUS layout (header table; HOW THE IMR FINAL DETERMINATION WAS MADE; ...).</summary>
    public const string Current = "current";

    /// <summary>The same sections rendered as Markdown/HTML (<c>&lt;b&gt;Case Number:&lt;/b&gt;</c>, <c>###</c> headings).</summary>
    public const string Markdown = "markdown";

    /// <summary>The 2013 "Notice of Independent Medical Review Determination" layout.</summary>
    public const string Notice = "notice";
}
