using OpenImr.Domain.Letters;
using OpenImr.Storage.Letters;

namespace OpenImr.Web.Features.Corpus;

/// <summary>What the corpus page asks for, as its address holds it (every value optional, as typed).</summary>
public sealed record CorpusRequest(string? Text, string? Decision, string? Service, string? GuidelineSource, string? GuidelineTitle, string? Year, int? Page, string? Specialty = null);

/// <summary>One page of the corpus search: the hits, the total, the facet counts, or what is wrong with the request.</summary>
public sealed record CorpusPage(LetterQuery Query, LetterSearchResult? Result, LetterFacetCounts? Facets, IReadOnlyList<string> Errors)
{
    /// <summary>The number of matching items, counted exactly by the facets (the search's own total may stop counting early).</summary>
    public int Total => Facets?.Decisions.Sum(d => d.Items) ?? 0;

    /// <summary>The number of pages of hits.</summary>
    public int PageCount => Result is null ? 0 : Math.Max(1, (Total + Query.PageSize - 1) / Query.PageSize);
}

/// <summary>
/// The corpus page's search: the letter library's search (as <c>imr search</c> and GET /api/letters)
/// with facet counts over the same matches.
/// </summary>
public sealed class CorpusSearch(LetterStore store)
{
    /// <summary>Hits per page on the corpus page.</summary>
    public const int PageSize = 10;

    public async Task<CorpusPage> SearchAsync(CorpusRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<string>();
        Decision? decision = null;
        if (!string.IsNullOrWhiteSpace(request.Decision))
        {
            if (Enum.TryParse<Decision>(request.Decision.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                decision = parsed;
            }
            else
            {
                errors.Add($"Decision: '{request.Decision}' is not a decision; choose {string.Join(", ", Enum.GetNames<Decision>())}.");
            }
        }

        int? year = null;
        if (!string.IsNullOrWhiteSpace(request.Year))
        {
            if (int.TryParse(request.Year.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1900 and <= 9998)
            {
                year = parsed;
            }
            else
            {
                errors.Add($"Year: '{request.Year}' is not a year; give four digits, such as 2016.");
            }
        }

        if (request.Page is < 1)
        {
            errors.Add("Page: pages are numbered from 1.");
        }

        if (LetterQuery.TextProblem(request.Text) is { } textProblem)
        {
            errors.Add($"Search: {textProblem}");
        }

        foreach (var (name, value) in new[] { ("Service", request.Service), ("Guideline", request.GuidelineSource), ("Title", request.GuidelineTitle), ("Specialty", request.Specialty) })
        {
            if (LetterQuery.FilterProblem(value) is { } filterProblem)
            {
                errors.Add($"{name}: {filterProblem}");
            }
        }

        var query = new LetterQuery(
            Text: string.IsNullOrWhiteSpace(request.Text) ? null : request.Text.Trim(),
            Decision: decision,
            Service: Blank(request.Service),
            GuidelineSource: Blank(request.GuidelineSource),
            GuidelineTitle: Blank(request.GuidelineTitle),
            Year: year,
            Page: request.Page is >= 1 ? request.Page.Value : 1,
            PageSize: PageSize,
            Specialty: Blank(request.Specialty));
        if (errors.Count > 0)
        {
            return new CorpusPage(query, null, null, errors);
        }

        // Note that the search creates the schema on a new database; the facets then count on it.
        var result = await store.SearchAsync(query, cancellationToken).ConfigureAwait(false);
        var facets = await LetterFacets.CountAsync(store.Target, query, cancellationToken).ConfigureAwait(false);
        return new CorpusPage(query, result, facets, []);
    }

    /// <summary>The stored letter, or null.</summary>
    public Task<Letter?> LetterAsync(string caseNumber, CancellationToken cancellationToken = default) =>
        store.GetAsync(caseNumber, cancellationToken);

    /// <summary>The parts of a snippet: even indexes plain, odd indexes matched words.</summary>
    public static IReadOnlyList<string> SnippetParts(string snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        return snippet.Split(LetterQuery.HighlightStart);
    }

    /// <summary>The body of the letter's HTML rendering, its headings one level under the page's title.</summary>
    public static string LetterBody(Letter letter)
    {
        var html = LetterRenderer.Render(letter, LetterFormat.Html, "IMR");
        var start = html.IndexOf("<body>", StringComparison.Ordinal);
        var end = html.LastIndexOf("</body>", StringComparison.Ordinal);
        var body = start >= 0 && end > start ? html[(start + "<body>".Length)..end] : html;
        return body.Replace("<h3>", "<h2 class=\"mud-typography mud-typography-h6 mt-4\">", StringComparison.Ordinal)
            .Replace("</h3>", "</h2>", StringComparison.Ordinal);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
