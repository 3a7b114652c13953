using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Serialization;

namespace OpenImr.Storage.Letters;

/// <summary>
/// Writes letters keyed by case number, a transaction per <see cref="LetterStoreOptions.BatchSize"/> letters:
/// unchanged ones are left alone, changed ones updated with their items and search index, new ones bulk-inserted.
/// </summary>
internal sealed class LetterImporter
{
    private readonly LetterSchema _schema;
    private readonly LetterStoreOptions _options;

    public LetterImporter(LetterSchema schema, LetterStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(options);
        if (options.BatchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be at least 1.");
        }

        _schema = schema;
        _options = options;
    }

    private DatabaseTarget Target => _schema.Target;

    /// <inheritdoc cref="LetterStore.UpsertAsync(IEnumerable{Letter}, IProgress{UpsertResult}?, CancellationToken)"/>
    public async Task<UpsertResult> UpsertAsync(IEnumerable<Letter> letters, IProgress<UpsertResult>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);

        var total = UpsertResult.None;
        foreach (var batch in letters.Chunk(_options.BatchSize))
        {
            total = total.Add(await UpsertBatchAsync(batch, cancellationToken).ConfigureAwait(false));
            progress?.Report(total);
        }

        return total;
    }

    /// <inheritdoc cref="LetterStore.UpsertAsync(IAsyncEnumerable{Letter}, IProgress{UpsertResult}?, CancellationToken)"/>
    public async Task<UpsertResult> UpsertAsync(IAsyncEnumerable<Letter> letters, IProgress<UpsertResult>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(letters);
        // Note that the schema is made ready before the first letter arrives, as for a list: while the first batch is read.
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);

        var total = UpsertResult.None;
        await foreach (var batch in letters.Chunk(_options.BatchSize).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            total = total.Add(await UpsertBatchAsync(batch, cancellationToken).ConfigureAwait(false));
            progress?.Report(total);
        }

        return total;
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
}
