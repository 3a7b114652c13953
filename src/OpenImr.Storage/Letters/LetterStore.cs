using OpenImr.Domain.Letters;

namespace OpenImr.Storage.Letters;

/// <summary>
/// Published letters in the database: idempotent import, retrieval by case number, full-text
/// search and outcome statistics. The schema is created or migrated on first use. Safe to share:
/// every call uses its own context.
/// </summary>
/// <remarks>
/// Note that this is a facade over <see cref="LetterImporter"/>, <see cref="LetterSearch"/> and
/// <see cref="LetterStatistics"/>, which do the work. It stays because its callers (the web host's
/// endpoints, pages and demo seeder, the CLI's corpus commands, the scale bench) take one registered
/// store, and because the three parts share what one store must share: one schema migration per
/// database and one statistics cache per registered store.
/// </remarks>
public sealed class LetterStore
{
    private readonly LetterImporter _importer;
    private readonly LetterSearch _search;
    private readonly LetterStatistics _statistics;

    public LetterStore(DatabaseTarget target, LetterStoreOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        Target = target;
        options ??= new LetterStoreOptions();
        var schema = new LetterSchema(target);
        // Note that each part checks its own options, in this order: BatchSize, RankLimit, CountLimit.
        _importer = new LetterImporter(schema, options);
        _search = new LetterSearch(schema, options);
        _statistics = new LetterStatistics(schema);
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
    public Task<UpsertResult> UpsertAsync(IEnumerable<Letter> letters, IProgress<UpsertResult>? progress, CancellationToken cancellationToken = default) =>
        _importer.UpsertAsync(letters, progress, cancellationToken);

    /// <summary>
    /// Stores letters as they arrive (from a channel, say), exactly as
    /// <see cref="UpsertAsync(IEnumerable{Letter}, IProgress{UpsertResult}?, CancellationToken)"/> stores a list:
    /// the schema is made ready first, and each batch is written once it is full or the letters end.
    /// </summary>
    /// <param name="progress">Told the running totals after each committed batch.</param>
    public Task<UpsertResult> UpsertAsync(IAsyncEnumerable<Letter> letters, IProgress<UpsertResult>? progress, CancellationToken cancellationToken = default) =>
        _importer.UpsertAsync(letters, progress, cancellationToken);

    /// <summary>The stored letter with this case number, exactly as imported, or null.</summary>
    public Task<Letter?> GetAsync(string caseNumber, CancellationToken cancellationToken = default) =>
        _search.GetAsync(caseNumber, cancellationToken);

    /// <summary>
    /// Decided items matching <paramref name="query"/>, best match first, one page at a time, with the
    /// number of matching items: exact up to <see cref="LetterStoreOptions.CountLimit"/>, beyond it a lower
    /// bound (<see cref="LetterSearchResult.TotalIsExact"/> false). Without text, items come in case-number
    /// and item order; with text, equally ranked items come in a fixed order, so pages never overlap.
    /// </summary>
    public Task<LetterSearchResult> SearchAsync(LetterQuery query, CancellationToken cancellationToken = default) =>
        _search.SearchAsync(query, cancellationToken);

    /// <summary>Counts of letters, items and outcomes, overall and by service family, guideline, reviewer specialty, year and month.</summary>
    /// <remarks>
    /// The statistics are kept with the library's version (<see cref="LibraryVersionAsync"/>) and computed again only
    /// when a letter was added, changed or removed since: at 1,000,000 letters they take seconds to count.
    /// </remarks>
    public Task<LetterStats> StatsAsync(CancellationToken cancellationToken = default) =>
        _statistics.StatsAsync(cancellationToken);

    /// <summary>
    /// The library's version: a number that moves whenever a letter is added, changed or removed (database triggers,
    /// so every writer counts), to tell whether anything computed over the letters is still current.
    /// </summary>
    public Task<long> LibraryVersionAsync(CancellationToken cancellationToken = default) =>
        _statistics.LibraryVersionAsync(cancellationToken);
}
