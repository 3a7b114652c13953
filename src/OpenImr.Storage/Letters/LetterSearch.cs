using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Serialization;

namespace OpenImr.Storage.Letters;

/// <summary>
/// Reads stored letters back: one by its case number, or the decided items matching a <see cref="LetterQuery"/>,
/// ranked and paged, by SQLite FTS5 or PostgreSQL text search (the SQL is <see cref="LetterSearchSql"/>'s; the
/// facet counts over the same matches are <see cref="LetterFacets"/>').
/// </summary>
internal sealed class LetterSearch
{
    private readonly LetterSchema _schema;
    private readonly LetterStoreOptions _options;

    public LetterSearch(LetterSchema schema, LetterStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        if (options.RankLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RankLimit, "RankLimit must be at least 1.");
        }

        if (options.CountLimit is < 1 or > int.MaxValue - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.CountLimit, "CountLimit must be at least 1 and below int.MaxValue.");
        }

        _schema = schema;
        _options = options;
    }

    private DatabaseTarget Target => _schema.Target;

    /// <inheritdoc cref="LetterStore.GetAsync"/>
    public async Task<Letter?> GetAsync(string caseNumber, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseNumber);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var context = Target.CreateContext();
        var json = await context.Letters.AsNoTracking()
            .Where(l => l.CaseNumber == caseNumber.Trim())
            .Select(l => l.LetterJson)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize<Letter>(json, ImrJson.Compact);
    }

    /// <inheritdoc cref="LetterStore.SearchAsync"/>
    public async Task<LetterSearchResult> SearchAsync(LetterQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Page, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.PageSize, LetterQuery.MaxPageSize, nameof(query));
        if (query.Year is < 1 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Year, "Year must be between 1 and 9998.");
        }

        // Note that hosts check the query first and answer its problem; reaching the database with one is a programmer error.
        if (LetterQuery.TextProblem(query.Text) is { } problem)
        {
            throw new ArgumentException(problem, nameof(query));
        }

        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        // Note that one more than the limit is counted, to tell "exactly the limit" from "more".
        var text = SearchSyntax.Parse(query.Text);
        var (pageSql, countSql, parameters) = LetterSearchSql.Build(Target.Provider, query, text, _options.CountLimit + 1, _options.RankLimit);

        await using var context = Target.CreateContext();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Target.Provider == DatabaseProvider.Postgres)
            {
                await using var settings = LetterSearchSql.Command(connection, LetterSearchSql.PostgresSessionSettings, []);
                await settings.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var hits = new List<LetterHit>();
            // PostgreSQL's text search counts on its page (up to the count limit) unless a ranking stopped at the rank limit.
            long? countedOnPage = null;
            var rankingStopped = false;
            await using (var page = LetterSearchSql.Command(connection, pageSql, parameters))
            {
                await using var reader = await page.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    hits.Add(new LetterHit(
                        reader.GetString(0),
                        reader.GetString(1),
                        Enum.Parse<Decision>(reader.GetString(2)),
                        reader.IsDBNull(3) ? null : reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4)));
                    if (reader.FieldCount > 6)
                    {
                        rankingStopped = reader.GetBoolean(5);
                        countedOnPage = reader.GetInt64(6);
                    }
                }
            }

            var skipped = (query.Page - 1) * query.PageSize;
            var ranksUpToALimit = Target.Provider == DatabaseProvider.Postgres && text is not null;
            int counted;
            if (countedOnPage is { } onPage && !rankingStopped)
            {
                counted = checked((int)onPage);
            }
            else if (hits.Count < query.PageSize && (hits.Count > 0 || skipped == 0) && !rankingStopped && !ranksUpToALimit)
            {
                // A page that is not full is the last one: there is nothing to count.
                return new LetterSearchResult(skipped + hits.Count, TotalIsExact: true, hits);
            }
            else
            {
                // Note that on PostgreSQL this is a page past the last hit, or a ranking that stopped at its limit.
                await using var count = LetterSearchSql.Command(connection, countSql, parameters);
                counted = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            }

            if (counted <= _options.CountLimit)
            {
                return new LetterSearchResult(counted, TotalIsExact: true, hits);
            }

            // A page beyond the limit still shows how many hits there are at least.
            return new LetterSearchResult(Math.Max(_options.CountLimit, skipped + hits.Count), TotalIsExact: false, hits);
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
