using OpenImr.Domain.Letters;

namespace OpenImr.Storage.Letters;

/// <summary>
/// A search over stored letters. <see cref="Text"/> is matched against each item's request and
/// rationale, and against its letter's clinical summary: words (all required), <c>"exact phrases"</c>,
/// prefixes (<c>physio*</c>), <c>OR</c>, <c>AND</c> and parentheses. Matching is stemmed English
/// (both providers use the Porter stemmer) and case-insensitive. The filters narrow the items hit.
/// </summary>
/// <param name="Text">The full-text query; null or blank lists every decided item that passes the filters.</param>
/// <param name="Decision">Only items with this decision.</param>
/// <param name="Service">Only items whose service is this (<c>imaging/mri</c>) or lies in this family (<c>imaging</c>).</param>
/// <param name="GuidelineSource">Only items whose first citation has this source (<c>MTUS</c>, <c>ODG</c>, ...), case-insensitive.</param>
/// <param name="GuidelineTitle">Only items whose first citation has this title, case-insensitive.</param>
/// <param name="Year">Only items of letters decided in this year.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Hits per page, 1 to <see cref="MaxPageSize"/>.</param>
/// <param name="Specialty">Only items of letters whose reviewer has this specialty (<c>Orthopedic Surgery</c>), case-insensitive.</param>
public sealed record LetterQuery(
    string? Text = null,
    Decision? Decision = null,
    string? Service = null,
    string? GuidelineSource = null,
    string? GuidelineTitle = null,
    int? Year = null,
    int Page = 1,
    int PageSize = LetterQuery.DefaultPageSize,
    string? Specialty = null)
{
    /// <summary>The page size when none is given.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The largest page served.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The longest query text, in characters.</summary>
    public const int MaxTextLength = 512;

    /// <summary>The most words and phrases in a query.</summary>
    public const int MaxTerms = 32;

    /// <summary>The deepest nesting of parentheses in a query.</summary>
    public const int MaxDepth = 8;

    /// <summary>
    /// What is wrong with <paramref name="text"/> as a query, or null when it can be searched: control
    /// characters (NUL and the like; tabs and line breaks are spaces), more than <see cref="MaxTextLength"/>
    /// characters, more than <see cref="MaxTerms"/> words and phrases, or parentheses nested deeper than
    /// <see cref="MaxDepth"/>. Each bound keeps one query from costing the database seconds.
    /// </summary>
    public static string? TextProblem(string? text) => SearchSyntax.Problem(text);

    /// <summary>What is wrong with a filter value (<paramref name="value"/>), or null: control characters or more than <see cref="MaxTextLength"/> characters.</summary>
    public static string? FilterProblem(string? value) =>
        value is null ? null
        : value.Length > MaxTextLength ? $"The value has {value.Length} characters; at most {MaxTextLength} are searched."
        : SearchSyntax.HasControlCharacter(value) ? "The value holds a control character (such as NUL); remove it."
        : null;

    /// <summary>Put before each matched word in <see cref="LetterHit.Snippet"/> (Markdown bold).</summary>
    public const string HighlightStart = "**";

    /// <summary>Put after each matched word in <see cref="LetterHit.Snippet"/>.</summary>
    public const string HighlightEnd = "**";
}

/// <summary>One page of hits and the number of matching items.</summary>
/// <param name="Total">The number of matching items when <paramref name="TotalIsExact"/>; otherwise a lower bound (there are at least this many).</param>
/// <param name="TotalIsExact">False when counting stopped at <see cref="LetterStoreOptions.CountLimit"/>.</param>
/// <param name="Hits">The page.</param>
public sealed record LetterSearchResult(int Total, bool TotalIsExact, IReadOnlyList<LetterHit> Hits);

/// <summary>
/// A decided item that matches a search. <see cref="Snippet"/> is a short passage of the matching
/// text with matched words between <see cref="LetterQuery.HighlightStart"/> and
/// <see cref="LetterQuery.HighlightEnd"/>, or null for a search without text.
/// </summary>
public sealed record LetterHit(string CaseNumber, string Request, Decision Decision, string? Service, string? Snippet);

/// <summary>How an upsert went: letters added, changed, already stored as they are, and skipped for lack of a case number.</summary>
public sealed record UpsertResult(int Inserted, int Updated, int Unchanged, int Skipped)
{
    /// <summary>No letters.</summary>
    public static UpsertResult None { get; } = new(0, 0, 0, 0);

    /// <summary>Every letter seen.</summary>
    public int Total => Inserted + Updated + Unchanged + Skipped;

    internal UpsertResult Add(UpsertResult other) =>
        new(Inserted + other.Inserted, Updated + other.Updated, Unchanged + other.Unchanged, Skipped + other.Skipped);
}

/// <summary>Outcome statistics over stored letters; rates are over upheld plus overturned items.</summary>
/// <param name="ByService">By service family (the part of the service before <c>/</c>); null key: not classified.</param>
/// <param name="ByGuideline">By first citation, keyed <c>SOURCE: Title</c> (or just <c>SOURCE</c>); null key: none cited.</param>
/// <param name="ByGuidelineSource">By the first citation's source.</param>
/// <param name="BySpecialty">By reviewer specialty; an item counts once under each specialty of its reviewer.</param>
/// <param name="ByYear">By year of the decision date (<c>yyyy</c>); null key: undated.</param>
/// <param name="ByMonth">By month of the decision date (<c>yyyy-MM</c>); null key: undated.</param>
public sealed record LetterStats(
    int Letters,
    int Items,
    int Upheld,
    int Overturned,
    IReadOnlyList<StatsBucket> ByService,
    IReadOnlyList<StatsBucket> ByGuideline,
    IReadOnlyList<StatsBucket> ByGuidelineSource,
    IReadOnlyList<StatsBucket> BySpecialty,
    IReadOnlyList<StatsBucket> ByYear,
    IReadOnlyList<StatsBucket> ByMonth)
{
    /// <summary>Overturned over decided (upheld + overturned) items; null when none is decided.</summary>
    public double? OverturnRate => StatsBucket.Rate(Upheld, Overturned);
}

/// <summary>Counts of items under one key of a breakdown.</summary>
public sealed record StatsBucket(string? Key, int Items, int Upheld, int Overturned)
{
    /// <summary>Overturned over decided (upheld + overturned) items; null when none is decided.</summary>
    public double? OverturnRate => Rate(Upheld, Overturned);

    internal static double? Rate(int upheld, int overturned) =>
        upheld + overturned == 0 ? null : Math.Round((double)overturned / (upheld + overturned), 4);
}
