using CsCheck;
using OpenImr.Domain.Cases;

namespace OpenImr.Domain.Tests.Cases;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.California;

    [Fact]
    public void Holidays_2024_AreTheCaliforniaStateHolidaysOnTheirObservedDates()
    {
        var observed = Calendar.Holidays(2024).Select(h => (h.Name, h.Observed)).ToList();

        Assert.Equal(
            [
                ("New Year's Day", new DateOnly(2024, 1, 1)),
                ("Martin Luther King Jr. Day", new DateOnly(2024, 1, 15)),
                ("Presidents' Day", new DateOnly(2024, 2, 19)),
                ("Cesar Chavez Day", new DateOnly(2024, 4, 1)),
                ("Memorial Day", new DateOnly(2024, 5, 27)),
                ("Juneteenth", new DateOnly(2024, 6, 19)),
                ("Independence Day", new DateOnly(2024, 7, 4)),
                ("Labor Day", new DateOnly(2024, 9, 2)),
                ("Veterans Day", new DateOnly(2024, 11, 11)),
                ("Thanksgiving Day", new DateOnly(2024, 11, 28)),
                ("Day after Thanksgiving", new DateOnly(2024, 11, 29)),
                ("Christmas Day", new DateOnly(2024, 12, 25)),
            ],
            observed);
    }

    [Theory]
    [InlineData("2024-04-01", true)] // Cesar Chavez Day on a Sunday, observed Monday
    [InlineData("2026-07-03", true)] // Independence Day on a Saturday, observed Friday
    [InlineData("2022-12-26", true)] // Christmas on a Sunday, observed Monday
    [InlineData("2021-12-31", true)] // New Year's Day 2022 on a Saturday, observed the Friday before
    [InlineData("2015-11-11", true)]
    [InlineData("2015-11-27", true)]
    [InlineData("2015-11-25", false)]
    [InlineData("2024-06-19", true)]
    [InlineData("2022-06-20", false)] // Juneteenth is a holiday from 2023
    [InlineData("2027-06-18", true)] // Juneteenth on a Saturday, observed Friday
    [InlineData("2015-02-12", false)] // Lincoln Day is not in the default set (CCP 135 status unconfirmed)
    public void IsHoliday_ObservedDates_MatchTheCalendar(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void IsBusinessDay_WeekendAndHoliday_AreNot()
    {
        Assert.False(Calendar.IsBusinessDay(new DateOnly(2015, 8, 1)));
        Assert.False(Calendar.IsBusinessDay(new DateOnly(2015, 8, 2)));
        Assert.False(Calendar.IsBusinessDay(new DateOnly(2015, 9, 7)));
        Assert.True(Calendar.IsBusinessDay(new DateOnly(2015, 9, 8)));
    }

    [Fact]
    public void OnOrNextBusinessDay_SaturdayBeforeLaborDay_MovesToTuesday() =>
        Assert.Equal(new DateOnly(2015, 9, 8), Calendar.OnOrNextBusinessDay(new DateOnly(2015, 9, 5)));

    [Fact]
    public void AddBusinessDays_AcrossThanksgiving_SkipsTheHolidaysAndWeekend() =>
        Assert.Equal(new DateOnly(2019, 12, 4), Calendar.AddBusinessDays(new DateOnly(2019, 11, 25), 5));

    [Fact]
    public void AddBusinessDays_Zero_IsTheDayItselfOrTheNextBusinessDay()
    {
        Assert.Equal(new DateOnly(2015, 9, 8), Calendar.AddBusinessDays(new DateOnly(2015, 9, 8), 0));
        Assert.Equal(new DateOnly(2015, 9, 8), Calendar.AddBusinessDays(new DateOnly(2015, 9, 5), 0));
    }

    [Fact]
    public void BusinessDaysBetween_Reversed_IsNegative()
    {
        Assert.Equal(5, Calendar.BusinessDaysBetween(new DateOnly(2019, 11, 25), new DateOnly(2019, 12, 4)));
        Assert.Equal(-5, Calendar.BusinessDaysBetween(new DateOnly(2019, 12, 4), new DateOnly(2019, 11, 25)));
    }

    [Fact]
    public void Constructor_WithUnverifiedHolidays_AddsLincolnNativeAmericanAndColumbusDays()
    {
        var calendar = new BusinessCalendar(BusinessCalendar.CaliforniaHolidays.Concat(BusinessCalendar.UnverifiedHolidays));

        Assert.True(calendar.IsHoliday(new DateOnly(2015, 2, 12)));
        Assert.True(calendar.IsHoliday(new DateOnly(2015, 9, 25)));
        Assert.False(calendar.IsHoliday(new DateOnly(2014, 9, 26)));
        Assert.True(calendar.IsHoliday(new DateOnly(2015, 10, 12)));
        Assert.Equal(15, calendar.Holidays(2024).Count);
    }

    [Fact]
    public void HolidayRules_EveryRule_CitesASourceAndConfidence() =>
        Assert.All(BusinessCalendar.CaliforniaHolidays.Concat(BusinessCalendar.UnverifiedHolidays), r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
            Assert.Contains(r.Confidence, (string[])["V", "K-high", "K-medium", "K-low", "I"]);
        });

    [Fact]
    public void OnOrNextBusinessDay_AnyDate_IsABusinessDayNeverEarlierAndSkipsOnlyNonBusinessDays() =>
        Gen.Int[0, 365 * 30].Select(n => new DateOnly(2013, 1, 1).AddDays(n)).Sample(date =>
        {
            var due = Calendar.OnOrNextBusinessDay(date);
            Assert.True(due >= date);
            Assert.False(BusinessCalendar.IsWeekend(due));
            Assert.False(Calendar.IsHoliday(due));
            for (var day = date; day < due; day = day.AddDays(1))
            {
                Assert.False(Calendar.IsBusinessDay(day));
            }
        });

    [Fact]
    public void Holidays_AnyYear_ElevenOrTwelveFrom2023ObservedOnWeekdays() =>
        Gen.Int[2013, 2060].Sample(year =>
        {
            var holidays = Calendar.Holidays(year);
            Assert.Equal(year >= 2023 ? 12 : 11, holidays.Count);
            Assert.All(holidays, h => Assert.False(BusinessCalendar.IsWeekend(h.Observed)));
        });
}
