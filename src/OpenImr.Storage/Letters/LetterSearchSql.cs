using System.Data.Common;
using System.Globalization;
using System.Text;

namespace OpenImr.Storage.Letters;

/// <summary>
/// The SQL of a search, per provider. The page returns rows (case_number, request, decision, service,
/// snippet, and on PostgreSQL with text whether ranking stopped at its limit and the count) for decided items, ranked best first; the count counts the same rows up to a limit. An item
/// matches when its request and rationale together satisfy the query, or when its letter's clinical summary does.
/// </summary>
/// <remarks>
/// A page should cost about what the bare ranked full-text query costs (the floor measured by
/// <c>bench/OpenImr.Scale</c>, which runs <see cref="Floor"/>). SQLite ranks inside FTS5 and tests the
/// filters on matches in rank order only until the page is full. PostgreSQL cannot rank inside a GIN index,
/// so it ranks the matches (up to a limit), then joins only the best letters to their items. On both the count
/// stops at a limit and snippets are made for the page's rows only.
/// </remarks>
internal static class LetterSearchSql
{
    private const string Columns = "l.case_number, i.request, i.decision, i.service";

    /// <summary>
    /// Run on a PostgreSQL connection before a search. The planner's estimate for ranking thousands of matches passes
    /// <c>jit_above_cost</c>, and compiling the query (about 12 ms at 1,000,000 letters) costs more than it saves; and
    /// parallel workers take longer to start than a count that stops at the count limit takes to run.
    /// </summary>
    internal const string PostgresSessionSettings = "SET jit = off; SET max_parallel_workers_per_gather = 0";

    // MATCH weights of FTS5's columns (request, rationale, summary); PostgreSQL weighs request A, rationale B.
    private const string Fts5Rank = "bm25(10.0, 4.0, 1.0)";

    // Note that a summary is shared by every item of its letter, so it counts for less than the item's own text.
    private const string SummaryWeight = "0.25";

    /// <summary>
    /// The page and a count of at most <paramref name="countLimit"/> rows, sharing <c>Parameters</c>. On PostgreSQL at
    /// most <paramref name="rankLimit"/> items and as many letters are ranked (see <see cref="LetterStoreOptions.RankLimit"/>).
    /// </summary>
    public static (string Page, string Count, List<object> Parameters) Build(DatabaseProvider provider, LetterQuery query, SearchNode? node, int countLimit, int rankLimit)
    {
        var parameters = new List<object>();
        var (filters, needsLetter) = Filters(provider, query, parameters);
        var limit = Add(parameters, query.PageSize);
        var offset = Add(parameters, (query.Page - 1) * query.PageSize);
        var cap = Add(parameters, countLimit);

        if (node is null)
        {
            var from = $"FROM letter_items AS i JOIN letters AS l ON l.id = i.letter_id WHERE i.decision IS NOT NULL{filters}";
            return ($"SELECT {Columns}, NULL AS snippet {from} ORDER BY l.case_number, i.ordinal LIMIT {limit} OFFSET {offset}",
                $"SELECT count(*) FROM (SELECT 1 {from} LIMIT {cap}) AS c", parameters);
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            var match = Add(parameters, Fts5Match(node));
            // Note that CROSS JOIN fixes the join order in SQLite: the index is read first, in rank order, and
            // only as many matches are joined and filtered as the page needs.
            var countJoin = needsLetter ? " CROSS JOIN letters AS l ON l.id = i.letter_id" : "";
            return (
                $"SELECT {Columns}, snippet(letter_item_search, -1, '{LetterQuery.HighlightStart}', '{LetterQuery.HighlightEnd}', '…', 24) AS snippet " +
                "FROM letter_item_search AS s CROSS JOIN letter_items AS i ON i.id = s.rowid CROSS JOIN letters AS l ON l.id = i.letter_id " +
                $"WHERE letter_item_search MATCH {match} AND s.rank MATCH '{Fts5Rank}' AND i.decision IS NOT NULL{filters} " +
                $"ORDER BY s.rank LIMIT {limit} OFFSET {offset}",
                $"SELECT count(*) FROM (SELECT 1 FROM letter_item_search AS s CROSS JOIN letter_items AS i ON i.id = s.rowid{countJoin} " +
                $"WHERE letter_item_search MATCH {match} AND i.decision IS NOT NULL{filters} LIMIT {cap}) AS c",
                parameters);
        }

        var config = PostgresImrDbContext.TextSearchConfig;
        var tsquery = SearchSyntax.ToTsQuery(node, config, parameters);
        var options = Add(parameters,
            $"StartSel=\"{LetterQuery.HighlightStart}\", StopSel=\"{LetterQuery.HighlightEnd}\", MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=\" … \"");
        var top = Add(parameters, query.Page * query.PageSize);
        var rankCap = Add(parameters, rankLimit);
        var ranked = PostgresRanked(tsquery, filters, needsLetter, rankCap, top);
        var letterJoin = needsLetter ? " JOIN letters AS l ON l.id = i.letter_id" : "";
        return (
            $"WITH {ranked}, page AS (SELECT id, letter_id, rank FROM ranked ORDER BY rank DESC, letter_id, id LIMIT {limit} OFFSET {offset}) " +
            $"SELECT {Columns}, CASE WHEN i.search_vector @@ {tsquery} " +
            $"THEN ts_headline('{config}', concat_ws(' … ', i.request, i.rationale), {tsquery}, {options}) " +
            $"ELSE ts_headline('{config}', coalesce(l.clinical_summary, ''), {tsquery}, {options}) END AS snippet, " +
            // Whether a ranking stopped at the rank limit (then a page that is not full need not be the last, and the
            // count below misses the matches past the limit), and the matches counted up to the count limit: the own
            // matches and the items of the matching summaries that are not, both already found by the ranking.
            $"(SELECT count(*) FROM summary) >= {rankCap} OR (SELECT count(*) FROM own) >= {rankCap} AS capped, " +
            $"(SELECT count(*) FROM (SELECT 1 FROM own UNION ALL SELECT 1 FROM summary AS s CROSS JOIN LATERAL (SELECT 1 FROM letter_items AS i{letterJoin} " +
            $"WHERE i.letter_id = s.id AND NOT (i.search_vector @@ {tsquery}) AND i.decision IS NOT NULL{filters}) AS m LIMIT {cap}) AS c) AS total " +
            "FROM page JOIN letter_items AS i ON i.id = page.id JOIN letters AS l ON l.id = i.letter_id ORDER BY page.rank DESC, page.letter_id, page.id",
            // Note that UNION would have to read every match to drop duplicates before a LIMIT could stop it; the
            // second branch leaves out the items the first one counts, so UNION ALL stops at the limit.
            $"SELECT count(*) FROM (SELECT i.id FROM letter_items AS i{letterJoin} " +
            $"WHERE i.search_vector @@ {tsquery} AND i.decision IS NOT NULL{filters} " +
            $"UNION ALL SELECT i.id FROM letters AS l JOIN letter_items AS i ON i.letter_id = l.id " +
            $"WHERE l.search_vector @@ {tsquery} AND NOT (i.search_vector @@ {tsquery}) AND i.decision IS NOT NULL{filters} LIMIT {cap}) AS c",
            parameters);
    }

    /// <summary>
    /// The floor: the bare ranked full-text query over the same text as <see cref="Build"/>, the 20 best item
    /// ids with no filter, join for display, count or snippet. Only the scale harness runs it, to measure the
    /// cost of everything else.
    /// </summary>
    public static (string Sql, List<object> Parameters) Floor(DatabaseProvider provider, string text, int rankLimit, int limit = 20)
    {
        var node = SearchSyntax.Parse(text) ?? throw new ArgumentException("The floor needs a query.", nameof(text));
        var parameters = new List<object>();
        if (provider == DatabaseProvider.Sqlite)
        {
            var match = Add(parameters, Fts5Match(node));
            return ($"SELECT rowid FROM letter_item_search WHERE letter_item_search MATCH {match} AND rank MATCH '{Fts5Rank}' ORDER BY rank LIMIT {Add(parameters, limit)}",
                parameters);
        }

        var tsquery = SearchSyntax.ToTsQuery(node, PostgresImrDbContext.TextSearchConfig, parameters);
        var top = Add(parameters, limit);
        var ranked = PostgresRanked(tsquery, filters: "", needsLetter: false, Add(parameters, rankLimit), top);
        return ($"WITH {ranked} SELECT id FROM ranked ORDER BY rank DESC, letter_id, id LIMIT {top}", parameters);
    }

    /// <summary>
    /// The FTS5 <c>MATCH</c> expression: the request and rationale together satisfy the query, or the summary alone does.
    /// A query without <c>AND</c> (words, phrases and prefixes joined by <c>OR</c>) is satisfied by one column at a time
    /// whatever the grouping, so it is matched over every column at once, which FTS5 evaluates once instead of twice.
    /// </summary>
    internal static string Fts5Match(SearchNode node)
    {
        var fts = SearchSyntax.ToFts5(node);
        return SearchSyntax.JoinsWithAnd(node) ? $"({{request rationale}} : {fts}) OR (summary : {fts})" : fts;
    }

    // The best `top` matching items (id, letter_id, rank) for the page, from two lists that each keep their best `top`:
    // items whose own text matches (their rank plus their letter's summary rank), and items whose own text does not
    // match but whose letter's summary does (the summary's rank), taken letter by letter in rank order only until
    // `top` pass the filters. Every letter whose summary matches is ranked (its vector is kept in the row, see the
    // SearchVectorsForSpeed migration) but only the best few are joined to their items. Each ranking stops at the rank
    // limit, so a term found in most letters costs a bounded time (ranked among the matches found first).
    // Note that an OR across the two tables' vectors could use neither GIN index; each is searched on its own.
    // Note that the second list has no ORDER BY of its own: a LATERAL join is a nested loop, which keeps the order of the
    // sorted letters (and of each letter's items), so the LIMIT stops after the first `top` in (rank, letter, item)
    // order. Sorting the joined rows instead makes the planner join every matching letter whenever it underestimates
    // the matches (phrases: 4,490 letters joined, 80 ms instead of 40 ms at 1,000,000 letters).
    private static string PostgresRanked(string tsquery, string filters, bool needsLetter, string rankLimit, string top)
    {
        var letterJoin = needsLetter ? " JOIN letters AS l ON l.id = i.letter_id" : "";
        return $"summary AS MATERIALIZED (SELECT ml.id, {SummaryWeight} * ts_rank_cd(ml.search_vector, {tsquery}) AS rank " +
            $"FROM letters AS ml WHERE ml.search_vector @@ {tsquery} LIMIT {rankLimit}), " +
            $"own AS MATERIALIZED (SELECT i.id, i.letter_id, ts_rank_cd(i.search_vector, {tsquery}) AS rank FROM letter_items AS i{letterJoin} " +
            $"WHERE i.search_vector @@ {tsquery} AND i.decision IS NOT NULL{filters} LIMIT {rankLimit}), " +
            $"ranked AS ((SELECT own.id, own.letter_id, own.rank + coalesce(summary.rank, 0) AS rank FROM own LEFT JOIN summary ON summary.id = own.letter_id " +
            $"ORDER BY 3 DESC, 2, 1 LIMIT {top}) " +
            $"UNION ALL (SELECT i.id, s.id, s.rank FROM (SELECT id, rank FROM summary ORDER BY rank DESC, id) AS s " +
            $"CROSS JOIN LATERAL (SELECT i.id FROM letter_items AS i{letterJoin} WHERE i.letter_id = s.id AND NOT (i.search_vector @@ {tsquery}) " +
            $"AND i.decision IS NOT NULL{filters} ORDER BY i.id) AS i LIMIT {top}))";
    }

    /// <summary>The <c>AND ...</c> conditions of the query's filters over items <c>i</c> (and letters <c>l</c> when the year or specialty is asked), with their parameters.</summary>
    internal static (string Sql, bool NeedsLetter) Filters(DatabaseProvider provider, LetterQuery query, List<object> parameters)
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

        var needsLetter = false;
        if (query.Year is { } year)
        {
            needsLetter = true;
            sql.Append(CultureInfo.InvariantCulture,
                $" AND l.decision_date >= {Add(parameters, new DateOnly(year, 1, 1))} AND l.decision_date < {Add(parameters, new DateOnly(year + 1, 1, 1))}");
        }

        if (!string.IsNullOrWhiteSpace(query.Specialty))
        {
            needsLetter = true;
            var specialty = Add(parameters, query.Specialty.Trim().ToLowerInvariant());
            // Note that SQLite keeps a letter's specialties as a JSON array, PostgreSQL as text[].
            var values = provider == DatabaseProvider.Sqlite ? "json_each(l.reviewer_specialties) AS rs" : "unnest(l.reviewer_specialties) AS rs(value)";
            sql.Append(CultureInfo.InvariantCulture, $" AND EXISTS (SELECT 1 FROM {values} WHERE lower(rs.value) = {specialty})");
        }

        return (sql.ToString(), needsLetter);
    }

    /// <summary>Adds a parameter and returns its placeholder (<c>@pN</c>).</summary>
    internal static string Add(List<object> parameters, object value)
    {
        parameters.Add(value);
        return "@p" + (parameters.Count - 1).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A command with the SQL and the <c>@pN</c> parameters built by <see cref="Add"/>.</summary>
    internal static DbCommand Command(DbConnection connection, string sql, List<object> parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is built from constants; every user value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
