using System.Globalization;
using System.Text;

namespace OpenImr.Storage.Letters;

/// <summary>
/// The SQL of a search, per provider. Both return rows (case_number, request, decision, service,
/// snippet) for decided items, ranked best first, and a count over the same rows. An item matches
/// when its request and rationale together satisfy the query, or when its letter's clinical summary does.
/// </summary>
internal static class LetterSearchSql
{
    private const string Columns = "l.case_number, i.request, i.decision, i.service";

    public static (string Page, string Count, List<object> Parameters) Build(DatabaseProvider provider, LetterQuery query, SearchNode? node)
    {
        var parameters = new List<object>();
        var filters = Filters(query, parameters);
        var limit = Add(parameters, query.PageSize);
        var offset = Add(parameters, (query.Page - 1) * query.PageSize);

        if (node is null)
        {
            var from = $"FROM letter_items AS i JOIN letters AS l ON l.id = i.letter_id WHERE i.decision IS NOT NULL{filters}";
            return ($"SELECT {Columns}, NULL AS snippet {from} ORDER BY l.case_number, i.ordinal LIMIT {limit} OFFSET {offset}",
                $"SELECT count(*) {from}", parameters);
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            var fts = SearchSyntax.ToFts5(node);
            var match = Add(parameters, $"({{request rationale}} : {fts}) OR (summary : {fts})");
            var from = "FROM letter_item_search AS s JOIN letter_items AS i ON i.id = s.rowid JOIN letters AS l ON l.id = i.letter_id " +
                $"WHERE letter_item_search MATCH {match} AND i.decision IS NOT NULL{filters}";
            // Note that SQLite evaluates every result column before it sorts, so a snippet in the ranking
            // query would be made for every match; the page is ranked first, and only its rows get snippets.
            var top = $"SELECT s.rowid AS id, bm25(letter_item_search, 10.0, 4.0, 1.0) AS rank, l.case_number AS case_number, i.ordinal AS ordinal {from} " +
                $"ORDER BY rank, l.case_number, i.ordinal LIMIT {limit} OFFSET {offset}";
            return (
                $"SELECT {Columns}, snippet(letter_item_search, -1, '{LetterQuery.HighlightStart}', '{LetterQuery.HighlightEnd}', '…', 24) AS snippet " +
                $"FROM ({top}) AS t JOIN letter_item_search AS s ON s.rowid = t.id JOIN letter_items AS i ON i.id = t.id JOIN letters AS l ON l.id = i.letter_id " +
                $"WHERE letter_item_search MATCH {match} ORDER BY t.rank, t.case_number, t.ordinal",
                $"SELECT count(*) {from}",
                parameters);
        }

        var config = PostgresImrDbContext.TextSearchConfig;
        var tsquery = SearchSyntax.ToTsQuery(node, config, parameters);
        var options = Add(parameters,
            $"StartSel=\"{LetterQuery.HighlightStart}\", StopSel=\"{LetterQuery.HighlightEnd}\", MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=\" … \"");
        // Note that an OR across the two tables' vectors cannot use either GIN index (every row is joined and
        // tested); the matching items are found through each index separately and united.
        var matching = $"SELECT m.id FROM letter_items AS m WHERE m.search_vector @@ {tsquery} " +
            $"UNION SELECT m.id FROM letters AS ml JOIN letter_items AS m ON m.letter_id = ml.id WHERE ml.search_vector @@ {tsquery}";
        var pgFrom = $"FROM letter_items AS i JOIN letters AS l ON l.id = i.letter_id CROSS JOIN (SELECT {tsquery} AS query) AS q " +
            $"WHERE i.id IN ({matching}) AND i.decision IS NOT NULL{filters}";
        return (
            $"SELECT {Columns}, CASE WHEN i.search_vector @@ q.query " +
            $"THEN ts_headline('{config}', concat_ws(' … ', i.request, i.rationale), q.query, {options}) " +
            $"ELSE ts_headline('{config}', coalesce(l.clinical_summary, ''), q.query, {options}) END AS snippet " +
            $"{pgFrom} ORDER BY ts_rank_cd(i.search_vector, q.query) + 0.25 * ts_rank_cd(l.search_vector, q.query) DESC, " +
            $"l.case_number, i.ordinal LIMIT {limit} OFFSET {offset}",
            $"SELECT count(*) {pgFrom}",
            parameters);
    }

    private static string Filters(LetterQuery query, List<object> parameters)
    {
        var sql = new StringBuilder();
        if (query.Decision is { } decision)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND i.decision = {Add(parameters, decision.ToString())}");
        }

        if (!string.IsNullOrWhiteSpace(query.Service))
        {
            var service = query.Service.Trim().ToLowerInvariant();
            sql.Append(CultureInfo.InvariantCulture,
                $" AND (lower(i.service) = {Add(parameters, service)} OR substr(lower(i.service), 1, {Add(parameters, service.Length + 1)}) = {Add(parameters, service + "/")})");
        }

        if (!string.IsNullOrWhiteSpace(query.GuidelineSource))
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND lower(i.guideline_source) = {Add(parameters, query.GuidelineSource.Trim().ToLowerInvariant())}");
        }

        if (!string.IsNullOrWhiteSpace(query.GuidelineTitle))
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND lower(i.guideline_title) = {Add(parameters, query.GuidelineTitle.Trim().ToLowerInvariant())}");
        }

        if (query.Year is { } year)
        {
            sql.Append(CultureInfo.InvariantCulture,
                $" AND l.decision_date >= {Add(parameters, new DateOnly(year, 1, 1))} AND l.decision_date < {Add(parameters, new DateOnly(year + 1, 1, 1))}");
        }

        return sql.ToString();
    }

    private static string Add(List<object> parameters, object value)
    {
        parameters.Add(value);
        return "@p" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture);
    }
}
