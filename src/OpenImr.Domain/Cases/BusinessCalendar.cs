using System.Collections.Concurrent;

namespace OpenImr.Domain.Cases;

/// <summary>How a holiday's date is found in a given year.</summary>
public enum HolidayDateKind
{
    /// <summary>A fixed month and day (July 4).</summary>
    Fixed,

    /// <summary>The Nth weekday of a month (third Monday in January); <see cref="HolidayRule.Nth"/> of -1 is the last.</summary>
    NthWeekday,

    /// <summary>The day after the Nth weekday of a month (the day after Thanksgiving).</summary>
    DayAfterNthWeekday,
}

/// <summary>
/// A holiday as dated data: how its date is found, the years it applies to, where it comes from
/// and how sure we are of it (the domain-facts.md tags: V, K-high, K-medium, K-low, I).
/// </summary>
/// <param name="ObservedShift">
/// Whether a fixed-date holiday falling on a weekend is also observed on a weekday (Sunday →
/// Monday, Saturday → the Friday before).
/// </param>
public sealed record HolidayRule(
    string Name,
    HolidayDateKind Kind,
    int Month,
    int Day,
    DayOfWeek Weekday,
    int Nth,
    bool ObservedShift,
    int FromYear,
    int? ToYear,
    string Source,
    string Confidence)
{
    /// <summary>A fixed-date holiday, shifted to a weekday when it falls on a weekend.</summary>
    public static HolidayRule OnDate(string name, int month, int day, int fromYear, string source, string confidence) =>
        new(name, HolidayDateKind.Fixed, month, day, DayOfWeek.Monday, 0, ObservedShift: true, fromYear, null, source, confidence);

    /// <summary>The <paramref name="nth"/> <paramref name="weekday"/> of <paramref name="month"/> (-1: the last).</summary>
    public static HolidayRule OnWeekday(string name, int month, DayOfWeek weekday, int nth, int fromYear, string source, string confidence) =>
        new(name, HolidayDateKind.NthWeekday, month, 0, weekday, nth, ObservedShift: false, fromYear, null, source, confidence);

    /// <summary>Whether the rule applies in <paramref name="year"/>.</summary>
    public bool AppliesIn(int year) => year >= FromYear && (ToYear is null || year <= ToYear);

    /// <summary>The holiday's own date in <paramref name="year"/>, before any observed shift.</summary>
    public DateOnly DateIn(int year) => Kind switch
    {
        HolidayDateKind.Fixed => new DateOnly(year, Month, Day),
        HolidayDateKind.NthWeekday => NthWeekdayOf(year, Month, Weekday, Nth),
        _ => NthWeekdayOf(year, Month, Weekday, Nth).AddDays(1),
    };

    /// <summary>The weekday on which the holiday is observed in <paramref name="year"/>.</summary>
    public DateOnly ObservedIn(int year)
    {
        var date = DateIn(year);
        if (!ObservedShift)
        {
            return date;
        }

        return date.DayOfWeek switch
        {
            DayOfWeek.Sunday => date.AddDays(1),
            DayOfWeek.Saturday => date.AddDays(-1),
            _ => date,
        };
    }

    private static DateOnly NthWeekdayOf(int year, int month, DayOfWeek weekday, int nth)
    {
        if (nth < 0)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
        }

        var first = new DateOnly(year, month, 1);
        return first.AddDays((((int)weekday - (int)first.DayOfWeek + 7) % 7) + (7 * (nth - 1)));
    }
}

/// <summary>A holiday in a given year: its name, its own date and the weekday it is observed on.</summary>
public sealed record Holiday(string Name, DateOnly Date, DateOnly Observed, string Source, string Confidence);

/// <summary>
/// Business days for California deadlines: no weekends and no California state holidays. A
/// deadline that falls on a weekend or a holiday moves to the next business day (CCP 12a).
/// </summary>
/// <remarks>
/// Confidence: K-medium. CCP 12a counts as holidays the judicial holidays of CCP 135, which are
/// the Gov. Code 6700 holidays with exceptions; weekend holidays are observed on a day the
/// Judicial Council designates (taken here as Sunday → Monday, Saturday → Friday).
/// <see cref="CaliforniaHolidays"/> holds the state holidays the project is confident of, plus
/// Juneteenth from 2023 (AB 1655; the Judicial Council's release of 2023-06-15 calls 2023 the
/// first year courts closed for it). Lincoln Day (12 February), Native American Day (from 2015,
/// AB 1973) and Columbus Day are listed in Gov. Code 6700 and may be judicial holidays too, but
/// their status under CCP 135 was not confirmed: they are in <see cref="UnverifiedHolidays"/>
/// for a host that has checked them to add.
/// </remarks>
public sealed class BusinessCalendar
{
    // Source: Gov. Code 6700; CCP 135 (judicial holidays); CCP 12a (deadline on a holiday moves on)
    private const string HolidaySource = "Gov. Code 6700; CCP 135";

    private readonly IReadOnlyList<HolidayRule> _rules;
    private readonly ConcurrentDictionary<int, IReadOnlyList<Holiday>> _byYear = new();

    /// <summary>A calendar with the given holiday rules; weekends are never business days.</summary>
    public BusinessCalendar(IEnumerable<HolidayRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules];
    }

    /// <summary>The California state holidays the project relies on (K-medium).</summary>
    public static IReadOnlyList<HolidayRule> CaliforniaHolidays { get; } =
    [
        HolidayRule.OnDate("New Year's Day", 1, 1, 1900, HolidaySource, "K-high"),
        HolidayRule.OnWeekday("Martin Luther King Jr. Day", 1, DayOfWeek.Monday, 3, 1986, HolidaySource, "K-high"),
        HolidayRule.OnWeekday("Presidents' Day", 2, DayOfWeek.Monday, 3, 1971, HolidaySource, "K-high"),
        HolidayRule.OnDate("Cesar Chavez Day", 3, 31, 2001, HolidaySource, "K-medium"),
        HolidayRule.OnWeekday("Memorial Day", 5, DayOfWeek.Monday, -1, 1971, HolidaySource, "K-high"),
        HolidayRule.OnDate("Juneteenth", 6, 19, 2023, "Gov. Code 6700 (AB 1655, 2022); CCP 135", "V"),
        HolidayRule.OnDate("Independence Day", 7, 4, 1900, HolidaySource, "K-high"),
        HolidayRule.OnWeekday("Labor Day", 9, DayOfWeek.Monday, 1, 1900, HolidaySource, "K-high"),
        HolidayRule.OnDate("Veterans Day", 11, 11, 1900, HolidaySource, "K-high"),
        HolidayRule.OnWeekday("Thanksgiving Day", 11, DayOfWeek.Thursday, 4, 1942, HolidaySource, "K-high"),
        new HolidayRule("Day after Thanksgiving", HolidayDateKind.DayAfterNthWeekday, 11, 0, DayOfWeek.Thursday, 4, ObservedShift: false, 1942, null, HolidaySource, "K-high"),
        HolidayRule.OnDate("Christmas Day", 12, 25, 1900, HolidaySource, "K-high"),
    ];

    /// <summary>
    /// Gov. Code 6700 holidays whose status as judicial holidays (CCP 135), and so under CCP 12a,
    /// was not confirmed: Lincoln Day, Native American Day (fourth Friday in September, from 2015)
    /// and Columbus Day (second Monday in October). Not in <see cref="California"/>.
    /// </summary>
    public static IReadOnlyList<HolidayRule> UnverifiedHolidays { get; } =
    [
        HolidayRule.OnDate("Lincoln Day", 2, 12, 1900, HolidaySource, "K-medium"),
        HolidayRule.OnWeekday("Native American Day", 9, DayOfWeek.Friday, 4, 2015, "Gov. Code 6700 (AB 1973, 2014); CCP 135", "K-low"),
        HolidayRule.OnWeekday("Columbus Day", 10, DayOfWeek.Monday, 2, 1971, HolidaySource, "K-low"),
    ];

    /// <summary>Weekends and <see cref="CaliforniaHolidays"/>.</summary>
    public static BusinessCalendar California { get; } = new(CaliforniaHolidays);

    /// <summary>The holidays of <paramref name="year"/>, by observed date; one observed on 31 December of the year before belongs to the next year.</summary>
    public IReadOnlyList<Holiday> Holidays(int year) =>
        _byYear.GetOrAdd(year, y =>
            [.. _rules.Where(r => r.AppliesIn(y))
                .Select(r => new Holiday(r.Name, r.DateIn(y), r.ObservedIn(y), r.Source, r.Confidence))
                .OrderBy(h => h.Observed)]);

    /// <summary>Whether <paramref name="date"/> is a Saturday or Sunday.</summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>The holiday observed on <paramref name="date"/>, or null.</summary>
    public Holiday? HolidayOn(DateOnly date)
    {
        // Note that New Year's Day on a Saturday is observed on 31 December of the year before.
        foreach (var year in (int[])[date.Year, date.Year + 1])
        {
            if (year > DateOnly.MaxValue.Year)
            {
                continue;
            }

            foreach (var holiday in Holidays(year))
            {
                if (holiday.Observed == date)
                {
                    return holiday;
                }
            }
        }

        return null;
    }

    /// <summary>Whether a California holiday is observed on <paramref name="date"/>.</summary>
    public bool IsHoliday(DateOnly date) => HolidayOn(date) is not null;

    /// <summary>Neither a weekend nor a holiday.</summary>
    public bool IsBusinessDay(DateOnly date) => !IsWeekend(date) && !IsHoliday(date);

    /// <summary><paramref name="date"/> itself if it is a business day, else the next business day (CCP 12a).</summary>
    public DateOnly OnOrNextBusinessDay(DateOnly date)
    {
        // Source: CCP 12a(a)
        while (!IsBusinessDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// The business day <paramref name="days"/> business days after <paramref name="start"/>,
    /// not counting <paramref name="start"/> itself (CCP 12: exclude the first day).
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return OnOrNextBusinessDay(start);
        }

        var date = start;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date))
            {
                days--;
            }
        }

        return date;
    }

    /// <summary>Business days after <paramref name="from"/> up to and including <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -BusinessDaysBetween(to, from);
        }

        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsBusinessDay(date))
            {
                count++;
            }
        }

        return count;
    }
}
