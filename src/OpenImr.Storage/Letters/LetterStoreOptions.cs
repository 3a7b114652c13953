using OpenImr.Domain.Letters;

namespace OpenImr.Storage.Letters;

/// <summary>Settings of a <see cref="LetterStore"/>.</summary>
public sealed class LetterStoreOptions
{
    /// <summary>
    /// Gives each item its service (<c>FAMILY/KIND</c> or <c>FAMILY</c>), stored for the service filter and
    /// statistics. Null (the default) stores no service. A change of service changes the stored letter.
    /// </summary>
    public Func<LetterItem, string?>? ClassifyService { get; init; }

    /// <summary>Letters written per transaction; default 200. An interrupted import keeps every committed batch whole.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>
    /// Search counts matching items up to this many (default 1,000); past it the count stops, and the total
    /// is given as "at least this many". Counting every one of a million matches would cost more than the search.
    /// </summary>
    public int CountLimit { get; init; } = 1000;

    /// <summary>
    /// PostgreSQL only: a text search ranks at most this many matching items and as many matching letters'
    /// summaries (default 20,000), so a term found in most letters answers in bounded time. Past it the hits are
    /// the best of the matches found first, not of all. SQLite ranks every match inside its index and ignores this.
    /// </summary>
    public int RankLimit { get; init; } = 20_000;

    /// <summary>The clock for <c>imported_at</c>; default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
