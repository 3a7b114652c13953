using Microsoft.EntityFrameworkCore;
using OpenImr.Storage;
using OpenImr.Storage.Letters;

namespace OpenImr.Web.Features.Analytics;

/// <summary>How long a step takes, in calendar days, over the cases that have both ends.</summary>
public sealed record Turnaround(string Measure, int Cases, double? MedianDays, double? MeanDays, int? LongestDays);

/// <summary>How often one service was disputed, and how it went.</summary>
public sealed record DisputedService(string Service, int Items, int Upheld, int Overturned);

/// <summary>Everything the analytics page shows.</summary>
public sealed record AnalyticsReport(LetterStats Letters, IReadOnlyList<DisputedService> MostDisputed, IReadOnlyList<Turnaround> Turnarounds);

/// <summary>
/// The analytics page's numbers: outcomes of the stored letters (the letter library's statistics,
/// as <c>imr stats</c> and GET /api/stats), the most disputed services, and turnaround times from
/// the service's own cases and the stored letters' dates.
/// </summary>
public sealed class CorpusAnalytics(LetterStore store, DatabaseTarget database)
{
    /// <summary>How many services the most-disputed list shows.</summary>
    public const int DisputedServicesShown = 10;

    // The parts that come from the stored letters, with the library version they were counted at.
    private LetterParts? _fromLetters;

    public async Task<AnalyticsReport> ReportAsync(CancellationToken cancellationToken = default)
    {
        // Note that the statistics call creates the schema on a new database before the queries below.
        var version = await store.LibraryVersionAsync(cancellationToken).ConfigureAwait(false);
        var stats = await store.StatsAsync(cancellationToken).ConfigureAwait(false);
        await using var db = database.CreateContext();
        if (Volatile.Read(ref _fromLetters) is not { } fromLetters || fromLetters.Version != version)
        {
            fromLetters = await FromLettersAsync(db, version, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _fromLetters, fromLetters);
        }

        // Note that SQLite cannot aggregate DateTimeOffset in SQL: the decision times are read per case.
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.Determinations.Any())
            .Select(c => new { c.AssignedDate, c.RecordsCompleteAt, Decided = c.Determinations.Select(d => d.DecidedAt).ToList() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var decidedCases = cases.Select(c => (c.AssignedDate, c.RecordsCompleteAt, Decided: c.Decided.Max())).ToList();
        return new AnalyticsReport(stats, fromLetters.Disputed,
        [
            Measure("Service cases: assignment to decision",
                decidedCases.Where(c => c.AssignedDate is not null).Select(c => Days(c.AssignedDate!.Value, DateOnly.FromDateTime(c.Decided.UtcDateTime)))),
            Measure("Service cases: records complete to decision",
                decidedCases.Where(c => c.RecordsCompleteAt is not null).Select(c => (c.Decided - c.RecordsCompleteAt!.Value).TotalDays)),
            fromLetters.Letters,
        ]);
    }

    private static async Task<LetterParts> FromLettersAsync(
        ImrDbContext db, long version, CancellationToken cancellationToken)
    {
        const string upheld = "Upheld";
        const string overturned = "Overturned";
        var disputed = await db.LetterItems.AsNoTracking()
            .Where(i => i.Service != null)
            .GroupBy(i => i.Service!)
            .Select(g => new { Service = g.Key, Items = g.Count(), Upheld = g.Count(i => i.Decision == upheld), Overturned = g.Count(i => i.Decision == overturned) })
            .OrderByDescending(s => s.Items).ThenBy(s => s.Service)
            .Take(DisputedServicesShown)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var letterDates = await db.Letters.AsNoTracking()
            .Where(l => l.AssignedDate != null && l.DecisionDate != null)
            .Select(l => new { l.AssignedDate, l.DecisionDate })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new LetterParts(version,
            [.. disputed.Select(s => new DisputedService(s.Service, s.Items, s.Upheld, s.Overturned))],
            Measure("Stored letters: assignment to decision", letterDates.Select(l => Days(l.AssignedDate!.Value, l.DecisionDate!.Value))));
    }

    private sealed record LetterParts(long Version, List<DisputedService> Disputed, Turnaround Letters);

    private static double Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>Median, mean and longest of the day counts, rounded to a tenth of a day.</summary>
    public static Turnaround Measure(string name, IEnumerable<double> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        // Note that a decision dated before its start is a data error, left out rather than counted as negative days.
        var sorted = days.Where(d => d >= 0).Order().ToList();
        if (sorted.Count == 0)
        {
            return new Turnaround(name, 0, null, null, null);
        }

        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Turnaround(name, sorted.Count, Math.Round(median, 1), Math.Round(sorted.Average(), 1), (int)Math.Ceiling(sorted[^1]));
    }
}
