using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Serialization;

namespace OpenImr.Storage.Letters;

/// <summary>
/// Published letters in the database: idempotent import, retrieval by case number, full-text
/// search and outcome statistics. The schema is created or migrated on first use. Safe to share:
/// every call uses its own context.
/// </summary>
public sealed class LetterStore
{
    private readonly LetterStoreOptions _options;
    private readonly Lock _gate = new();
    private Task? _schema;
    private VersionedStats? _stats;

    public LetterStore(DatabaseTarget target, LetterStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
        _options = options ?? new LetterStoreOptions();
        if (_options.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.BatchSize, "BatchSize must be at least 1.");
        }

        if (_options.RankLimit < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.RankLimit, "RankLimit must be at least 1.");
        }

        if (_options.CountLimit is < 1 or > int.MaxValue - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.CountLimit, "CountLimit must be at least 1 and below int.MaxValue.");
        }
    }

    /// <summary>The database.</summary>
    public DatabaseTarget Target { get; }

    /// <inheritdoc cref="UpsertAsync(IEnumerable{Letter}, IProgress{UpsertResult}?, CancellationToken)"/>
    public Task<UpsertResult> UpsertAsync(IEnumerable<Letter> letters, CancellationToken cancellationToken = default) =>
        UpsertAsync(letters, progress: null, cancellationToken);

    /// <summary>
    /// Stores letters keyed by case number: a new case number is inserted; a stored one with the same
    /// content hash is left alone (unchanged); one whose content changed is updated, items and search
    /// index included. Letters are written in transactions of <see cref="LetterStoreOptions.BatchSize"/>,
    /// so an interrupted import keeps whole batches only and running it again completes it without
    /// duplicates. A letter without a case number cannot be keyed and is skipped.
    /// </summary>
    /// <param name="progress">Told the running totals after each committed batch.</param>
    public async Task<UpsertResult> UpsertAsync(IEnumerable<Letter> letters, IProgress<UpsertResult>? progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letters);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);

        var total = UpsertResult.None;
        foreach (var batch in letters.Chunk(_options.BatchSize))
        {
            total = total.Add(await UpsertBatchAsync(batch, cancellationToken).ConfigureAwait(false));
            progress?.Report(total);
        }

        return total;
    }

    /// <summary>The stored letter with this case number, exactly as imported, or null.</summary>
    public async Task<Letter?> GetAsync(string caseNumber, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseNumber);
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var context = Target.CreateContext();
        var json = await context.Letters.AsNoTracking()
            .Where(l => l.CaseNumber == caseNumber.Trim())
            .Select(l => l.LetterJson)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize<Letter>(json, ImrJson.Compact);
    }

    /// <summary>
    /// Decided items matching <paramref name="query"/>, best match first, one page at a time, with the
    /// number of matching items: exact up to <see cref="LetterStoreOptions.CountLimit"/>, beyond it a lower
    /// bound (<see cref="LetterSearchResult.TotalIsExact"/> false). Without text, items come in case-number
    /// and item order; with text, equally ranked items come in a fixed order, so pages never overlap.
    /// </summary>
    public async Task<LetterSearchResult> SearchAsync(LetterQuery query, CancellationToken cancellationToken = default)
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

        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
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
                await using var settings = Command(connection, LetterSearchSql.PostgresSessionSettings, []);
                await settings.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var hits = new List<LetterHit>();
            // PostgreSQL's text search counts on its page (up to the count limit) unless a ranking stopped at the rank limit.
            long? countedOnPage = null;
            var rankingStopped = false;
            await using (var page = Command(connection, pageSql, parameters))
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
                await using var count = Command(connection, countSql, parameters);
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

    /// <summary>Counts of letters, items and outcomes, overall and by service family, guideline, reviewer specialty, year and month.</summary>
    /// <remarks>
    /// The statistics are kept with the library's version (<see cref="LibraryVersionAsync"/>) and computed again only
    /// when a letter was added, changed or removed since: at 1,000,000 letters they take seconds to count.
    /// </remarks>
    public async Task<LetterStats> StatsAsync(CancellationToken cancellationToken = default)
    {
        var version = await LibraryVersionAsync(cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _stats) is { } known && known.Version == version)
        {
            return known.Stats;
        }

        // Note that a letter written while counting makes the version move again, so the next call counts anew.
        var stats = await CountStatsAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _stats, new VersionedStats(version, stats));
        return stats;
    }

    /// <summary>
    /// The library's version: a number that moves whenever a letter is added, changed or removed (database triggers,
    /// so every writer counts), to tell whether anything computed over the letters is still current.
    /// </summary>
    public async Task<long> LibraryVersionAsync(CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var context = Target.CreateContext();
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = Command(connection, "SELECT version FROM letter_library WHERE id = 1", []);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private async Task<LetterStats> CountStatsAsync(CancellationToken cancellationToken)
    {
        await using var context = Target.CreateContext();
        var letters = await context.Letters.CountAsync(cancellationToken).ConfigureAwait(false);

        // Note that one pass groups the items by every key of every breakdown at once, and the breakdowns are folded
        // from its rows here: at 1,000,000 letters that is one scan and 161,000 groups instead of a scan per breakdown
        // and a row per letter for the specialties (imr stats: 33.6 s before).
        var groups = new List<(DateOnly? Date, string? Service, string? Source, string? Title, IReadOnlyList<string> Specialties, int Items, int Upheld, int Overturned)>();
        var sqlite = Target.Provider == DatabaseProvider.Sqlite;
        var specialtySets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = Command(connection,
                "SELECT l.decision_date, i.service, i.guideline_source, i.guideline_title, l.reviewer_specialties, count(*), " +
                $"sum(CASE WHEN i.decision = '{nameof(Decision.Upheld)}' THEN 1 ELSE 0 END), sum(CASE WHEN i.decision = '{nameof(Decision.Overturned)}' THEN 1 ELSE 0 END) " +
                // Note that CROSS JOIN keeps SQLite scanning the items and finding each letter by its key: after ANALYZE it
                // chose to walk the letters by date and look each one's items up instead, 16.7 s against 5 to 7 s here.
                $"FROM letter_items AS i {(sqlite ? "CROSS JOIN" : "JOIN")} letters AS l ON l.id = i.letter_id " +
                "GROUP BY l.decision_date, i.service, i.guideline_source, i.guideline_title, l.reviewer_specialties", []);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                DateOnly? date = reader.IsDBNull(0) ? null
                    : sqlite ? DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                    : reader.GetFieldValue<DateOnly>(0);
                IReadOnlyList<string> specialties = reader.IsDBNull(4) ? []
                    : sqlite ? SpecialtiesOf(reader.GetString(4), specialtySets)
                    : reader.GetFieldValue<string[]>(4);
                groups.Add((date, Text(reader, 1), Text(reader, 2), Text(reader, 3), specialties,
                    Number(reader, 5), Number(reader, 6), Number(reader, 7)));
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        List<Row<T>> Rows<T>(Func<(DateOnly? Date, string? Service, string? Source, string? Title, IReadOnlyList<string> Specialties, int Items, int Upheld, int Overturned), T> key) =>
            groups.ConvertAll(g => new Row<T>(key(g), g.Items, g.Upheld, g.Overturned));

        var byService = Rows(g => g.Service);
        var byGuideline = Rows(g => (g.Source, g.Title));
        var byDate = Rows(g => g.Date);
        var bySpecialty = groups.SelectMany(g => g.Specialties.Select(s => new Row<string?>(s, g.Items, g.Upheld, g.Overturned))).ToList();

        return new LetterStats(
            letters,
            byService.Sum(r => r.Items),
            byService.Sum(r => r.Upheld),
            byService.Sum(r => r.Overturned),
            Fold(byService, service => service?.Split('/')[0]),
            Fold(byGuideline, g => g.Source is null ? null : g.Title is null ? g.Source : $"{g.Source}: {g.Title}"),
            Fold(byGuideline, g => g.Source),
            Fold(bySpecialty, s => s),
            Fold(byDate, d => d?.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture)),
            Fold(byDate, d => d?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));

        static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

        static int Number(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    // SQLite keeps a letter's specialties as a JSON array; the few distinct sets are read once each.
    private static IReadOnlyList<string> SpecialtiesOf(string json, Dictionary<string, IReadOnlyList<string>> known)
    {
        if (!known.TryGetValue(json, out var specialties))
        {
            specialties = JsonSerializer.Deserialize<List<string>>(json) ?? [];
            known.Add(json, specialties);
        }

        return specialties;
    }

    private static List<StatsBucket> Fold<TKey>(List<Row<TKey>> rows, Func<TKey, string?> key) =>
        [.. rows.GroupBy(r => key(r.Key))
            .Select(g => new StatsBucket(g.Key, g.Sum(r => r.Items), g.Sum(r => r.Upheld), g.Sum(r => r.Overturned)))
            .OrderByDescending(b => b.Items)
            .ThenBy(b => b.Key, StringComparer.Ordinal)];

    private Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Note that a failed or cancelled migration is tried again by the next call.
            if (_schema is null || _schema.IsFaulted || _schema.IsCanceled)
            {
                _schema = Target.MigrateAsync(cancellationToken);
            }

            return _schema;
        }
    }

    private async Task<UpsertResult> UpsertBatchAsync(Letter[] batch, CancellationToken cancellationToken)
    {
        await using var context = Target.CreateContext();
        var strategy = context.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            context.ChangeTracker.Clear();
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

            // Note that serializing and hashing are the writer's largest own cost; they run on every core.
            var prepared = batch.AsParallel().AsOrdered()
                .Select(letter => (Letter: letter, CaseNumber: letter.CaseNumber?.Trim(), Content: Prepare(letter)))
                .ToList();
            var keys = prepared.Select(p => p.CaseNumber).OfType<string>().Where(k => k.Length > 0).Distinct().ToList();

            // Note that a re-import is mostly unchanged letters: compare hashes first, and load
            // letters with their items only where the content differs.
            var hashes = await context.Letters.AsNoTracking()
                .Where(l => keys.Contains(l.CaseNumber))
                .Select(l => new { l.CaseNumber, l.ContentHash })
                .ToDictionaryAsync(l => l.CaseNumber, l => l.ContentHash, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
            var differing = prepared
                .Where(p => p.CaseNumber is not null && hashes.TryGetValue(p.CaseNumber, out var h) && h != p.Content.Hash)
                .Select(p => p.CaseNumber!)
                .Distinct()
                .ToList();
            var stored = differing.Count == 0
                ? new Dictionary<string, StoredLetter>(StringComparer.Ordinal)
                : await context.Letters.Include(l => l.Items)
                    .Where(l => differing.Contains(l.CaseNumber))
                    .ToDictionaryAsync(l => l.CaseNumber, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

            int inserted = 0, updated = 0, unchanged = 0, skipped = 0;
            // New case numbers, in batch order; a case seen twice in the batch is one insert of its later version.
            var fresh = new Dictionary<string, NewLetter>(StringComparer.Ordinal);
            var changedIds = new List<int>();
            var now = _options.TimeProvider.GetUtcNow();
            foreach (var (letter, caseNumber, (json, items, hash)) in prepared)
            {
                if (string.IsNullOrEmpty(caseNumber))
                {
                    skipped++;
                    continue;
                }

                if (fresh.TryGetValue(caseNumber, out var earlier))
                {
                    if (earlier.Entity.ContentHash == hash)
                    {
                        unchanged++;
                    }
                    else
                    {
                        fresh[caseNumber] = New(caseNumber, letter, json, items, hash, now);
                    }

                    continue;
                }

                if (!hashes.ContainsKey(caseNumber))
                {
                    fresh.Add(caseNumber, New(caseNumber, letter, json, items, hash, now));
                    inserted++;
                    continue;
                }

                // Not loaded: no version of it in this batch differs from the stored one.
                if (!stored.TryGetValue(caseNumber, out var existing) || existing.ContentHash == hash)
                {
                    unchanged++;
                    continue;
                }

                updated++;
                if (!changedIds.Contains(existing.Id))
                {
                    changedIds.Add(existing.Id);
                }

                Fill(existing, letter, json, hash, now);
                existing.Items.Clear();
                existing.Items.AddRange(items);
            }

            if (Target.Provider == DatabaseProvider.Sqlite && changedIds.Count > 0)
            {
                // External-content FTS5: 'delete' must be given the values that were indexed, so it runs
                // while the rows still hold them.
                await context.Database.ExecuteSqlRawAsync(
                    "INSERT INTO letter_item_search(letter_item_search, rowid, request, rationale, summary) " +
                    "SELECT 'delete', id, request, rationale, summary FROM letter_item_search_source " +
                    "WHERE letter_id IN (SELECT value FROM json_each({0}))",
                    [JsonSerializer.Serialize(changedIds)], cancellationToken).ConfigureAwait(false);
            }

            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            if (Target.Provider == DatabaseProvider.Sqlite && changedIds.Count > 0)
            {
                await context.Database.ExecuteSqlRawAsync(
                    "INSERT INTO letter_item_search(rowid, request, rationale, summary) " +
                    "SELECT id, request, rationale, summary FROM letter_item_search_source " +
                    "WHERE letter_id IN (SELECT value FROM json_each({0}))",
                    [JsonSerializer.Serialize(changedIds)], cancellationToken).ConfigureAwait(false);
            }

            if (fresh.Count > 0)
            {
                // New letters bypass the change tracker: prepared inserts on SQLite, binary COPY on PostgreSQL.
                await LetterBulkWriter.InsertAsync(
                    Target.Provider, context.Database.GetDbConnection(), transaction.GetDbTransaction(), [.. fresh.Values], cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new UpsertResult(inserted, updated, unchanged, skipped);
        }).ConfigureAwait(false);
    }

    private (string Json, List<StoredLetterItem> Items, string Hash) Prepare(Letter letter)
    {
        var json = JsonSerializer.Serialize(letter, ImrJson.Compact);
        var items = letter.Items.Select((item, ordinal) => new StoredLetterItem
        {
            Ordinal = ordinal,
            Request = item.Request,
            Decision = item.Decision?.ToString(),
            Service = _options.ClassifyService?.Invoke(item),
            GuidelineSource = item.Citations.Count > 0 ? item.Citations[0].Source : null,
            GuidelineTitle = item.Citations.Count > 0 ? item.Citations[0].Title : null,
            Rationale = item.Rationale,
        }).ToList();

        // Note that the services are part of the content: classifying anew updates the letter.
        var hashed = new StringBuilder(json);
        foreach (var item in items)
        {
            hashed.Append('\n').Append(item.Service);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashed.ToString())));
        return (json, items, hash);
    }

    private static NewLetter New(string caseNumber, Letter letter, string json, List<StoredLetterItem> items, string hash, DateTimeOffset now)
    {
        var entity = new StoredLetter { CaseNumber = caseNumber, Format = letter.Format, ContentHash = hash, LetterJson = json };
        Fill(entity, letter, json, hash, now);
        return new NewLetter(entity, items);
    }

    private static void Fill(StoredLetter entity, Letter letter, string json, string hash, DateTimeOffset now)
    {
        entity.Source = letter.Source;
        entity.Format = letter.Format;
        entity.AssignedDate = letter.Dates.Assigned;
        entity.InjuryDate = letter.Dates.Injury;
        entity.DecisionDate = letter.Dates.Decision;
        entity.UrDenialDate = letter.Dates.UrDenial;
        entity.ApplicationReceivedDate = letter.Dates.ApplicationReceived;
        entity.Priority = letter.Priority;
        entity.ReviewerLicensure = [.. letter.Reviewer.Licensure];
        entity.ReviewerSpecialties = [.. letter.Reviewer.Specialties];
        entity.PatientAge = letter.Patient.Age;
        entity.PatientSex = letter.Patient.Sex;
        entity.ClinicalSummary = letter.ClinicalSummary;
        entity.ContentHash = hash;
        entity.LetterJson = json;
        entity.ImportedAt = now;
    }

    /// <summary>A command with the SQL and the <c>@pN</c> parameters built by <see cref="LetterSearchSql.Add"/>.</summary>
    internal static DbCommand Command(DbConnection connection, string sql, List<object> parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is built from constants; every user value is a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private sealed record Row<TKey>(TKey Key, int Items, int Upheld, int Overturned);

    private sealed record VersionedStats(long Version, LetterStats Stats);
}
