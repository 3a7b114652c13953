using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace OpenImr.Storage.Letters;

/// <summary>How many matching items fall under one value of a facet.</summary>
/// <param name="Value">The value to filter on (a decision, a service family, a guideline source, a year, a specialty); null: none recorded.</param>
/// <param name="Title">The guideline title, for the guideline facet; null elsewhere.</param>
/// <param name="Items">Matching decided items with this value.</param>
public sealed record FacetCount(string? Value, string? Title, int Items);

/// <summary>
/// Counts of the items a search matches, by decision, service family, guideline, reviewer specialty
/// and year of decision, each most frequent first. An item counts once under each specialty of its reviewer.
/// </summary>
public sealed record LetterFacetCounts(
    IReadOnlyList<FacetCount> Decisions,
    IReadOnlyList<FacetCount> ServiceFamilies,
    IReadOnlyList<FacetCount> Guidelines,
    IReadOnlyList<FacetCount> Specialties,
    IReadOnlyList<FacetCount> Years);

/// <summary>
/// Facet counts for a <see cref="LetterQuery"/>: the same matching items as <see cref="LetterStore.SearchAsync"/>
/// (full text, decision, service, guideline, year and specialty filters), grouped in the database.
/// </summary>
public static class LetterFacets
{
    /// <summary>Counts the decided items matching <paramref name="query"/> (its page is ignored) under each facet value. The schema must exist (a <see cref="LetterStore"/> call creates it).</summary>
    public static async Task<LetterFacetCounts> CountAsync(DatabaseTarget target, LetterQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<object>();
        var sqlite = target.Provider == DatabaseProvider.Sqlite;
        var where = $"i.decision IS NOT NULL{LetterSearchSql.Filters(target.Provider, query, parameters).Sql}{Match(target.Provider, query.Text, parameters)}";
        var from = $"FROM letter_items AS i JOIN letters AS l ON l.id = i.letter_id";
        var year = sqlite ? "substr(l.decision_date, 1, 4)" : "CAST(CAST(extract(year FROM l.decision_date) AS integer) AS text)";
        var specialty = sqlite ? ", json_each(l.reviewer_specialties) AS s" : " CROSS JOIN LATERAL unnest(l.reviewer_specialties) AS s(value)";

        await using var context = target.CreateContext();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            async Task<List<(string? Key, string? Title, int Items)>> GroupAsync(string key, string title, string join)
            {
                var rows = new List<(string?, string?, int)>();
                await using var command = LetterSearchSql.Command(connection, $"SELECT {key}, {title}, count(*) {from}{join} WHERE {where} GROUP BY {key}{(title == "NULL" ? "" : ", " + title)}", parameters);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1),
                        Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
                }

                return rows;
            }

            var decisions = await GroupAsync("i.decision", "NULL", "").ConfigureAwait(false);
            var services = await GroupAsync("i.service", "NULL", "").ConfigureAwait(false);
            var guidelines = await GroupAsync("i.guideline_source", "i.guideline_title", "").ConfigureAwait(false);
            var specialties = await GroupAsync("s.value", "NULL", specialty).ConfigureAwait(false);
            var years = await GroupAsync(year, "NULL", "").ConfigureAwait(false);
            return new LetterFacetCounts(
                Fold(decisions, r => r.Key),
                Fold(services, r => r.Key?.Split('/')[0]),
                Order(guidelines.Select(r => new FacetCount(r.Key, r.Title, r.Items))),
                Fold(specialties, r => r.Key),
                Fold(years, r => r.Key));
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static List<FacetCount> Fold(List<(string? Key, string? Title, int Items)> rows, Func<(string? Key, string? Title, int Items), string?> key) =>
        Order(rows.GroupBy(key).Select(g => new FacetCount(g.Key, null, g.Sum(r => r.Items))));

    private static List<FacetCount> Order(IEnumerable<FacetCount> counts) =>
        [.. counts.OrderByDescending(c => c.Items).ThenBy(c => c.Value, StringComparer.Ordinal).ThenBy(c => c.Title, StringComparer.Ordinal)];

    private static string Match(DatabaseProvider provider, string? text, List<object> parameters)
    {
        if (SearchSyntax.Parse(text) is not { } node)
        {
            return "";
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            var match = LetterSearchSql.Add(parameters, LetterSearchSql.Fts5Match(node));
            return $" AND i.id IN (SELECT rowid FROM letter_item_search WHERE letter_item_search MATCH {match})";
        }

        var tsquery = SearchSyntax.ToTsQuery(node, PostgresImrDbContext.TextSearchConfig, parameters);
        return $" AND i.id IN (SELECT m.id FROM letter_items AS m WHERE m.search_vector @@ {tsquery} " +
            $"UNION SELECT m.id FROM letters AS ml JOIN letter_items AS m ON m.letter_id = ml.id WHERE ml.search_vector @@ {tsquery})";
    }
}
