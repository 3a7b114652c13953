using Microsoft.Extensions.Time.Testing;
using OpenImr.Domain.Cases;

namespace OpenImr.Domain.Tests.Cases;

public class CaseClockTests
{
    private static Case Filed(DateOnly served, string servedBy, DateOnly? received = null, string priority = "standard", DateOnly? assigned = null) => new()
    {
        Priority = priority,
        Dates = new CaseDates { UrDenial = served, ApplicationReceived = received, Assigned = assigned },
        Application = new CaseApplication { UrDecisionServed = served, ServedBy = servedBy },
        Requests = [new CaseRequest { Description = "12 physical therapy visits" }],
    };

    private static Deadline Single(IReadOnlyList<Deadline> deadlines, ClockKind clock) => Assert.Single(deadlines, d => d.Clock == clock);

    [Theory]
    [InlineData(30, false)]
    [InlineData(31, true)]
    public void Deadlines_ApplicationFiledOnDay30Or31_IsOnTimeOrLate(int day, bool late)
    {
        var served = new DateOnly(2015, 8, 3);
        var application = Single(CaseClock.Deadlines(Filed(served, "personal", served.AddDays(day))), ClockKind.Application);

        Assert.Equal(new DateOnly(2015, 9, 2), application.Due);
        Assert.Equal(late, CaseClock.IsOverdue(application, new DateOnly(2016, 1, 1)));
    }

    [Theory]
    [InlineData(35, false)]
    [InlineData(36, true)]
    public void Deadlines_ApplicationServedByMailFiledOnDay35Or36_IsOnTimeOrLate(int day, bool late)
    {
        // Source: CCP 1013(a) (5 more days for service by mail)
        var served = new DateOnly(2015, 8, 10);
        var application = Single(CaseClock.Deadlines(Filed(served, "mail", served.AddDays(day))), ClockKind.Application);

        Assert.Equal(["CLK-APP-MAIL"], application.Extensions);
        Assert.Equal(new DateOnly(2015, 9, 14), application.Due);
        Assert.Equal(late, CaseClock.IsOverdue(application, new DateOnly(2016, 1, 1)));
    }

    [Theory]
    [InlineData("2015-07-02", "2015-08-01", "2015-08-03")] // Saturday
    [InlineData("2015-07-03", "2015-08-02", "2015-08-03")] // Sunday
    [InlineData("2015-10-12", "2015-11-11", "2015-11-12")] // Veterans Day
    [InlineData("2015-08-06", "2015-09-05", "2015-09-08")] // Saturday, Sunday, then Labor Day
    public void Deadlines_ApplicationDueOnAWeekendOrHoliday_MovesToTheNextBusinessDay(string served, string calendarDue, string due)
    {
        var application = Single(CaseClock.Deadlines(Filed(Parse(served), "personal")), ClockKind.Application);

        Assert.Equal(Parse(calendarDue), application.CalendarDue);
        Assert.Equal(Parse(due), application.Due);
        Assert.Equal("LC 4610.5(h)(1); 8 CCR 9792.10.1(b)(1)", application.Source);
    }

    [Fact]
    public void Deadlines_NoServiceDate_CountsFromTheUrDecisionWithANote()
    {
        var @case = new Case { Dates = new CaseDates { UrDenial = new DateOnly(2015, 8, 3) } };

        var application = Single(CaseClock.Deadlines(@case), ClockKind.Application);

        Assert.Equal(new DateOnly(2015, 9, 2), application.Due);
        Assert.NotNull(application.Note);
    }

    [Fact]
    public void Deadlines_AssignedStandard_RecordsDue15Days()
    {
        var records = Single(CaseClock.Deadlines(Filed(new DateOnly(2015, 8, 3), "personal", assigned: new DateOnly(2015, 9, 16))), ClockKind.Records);

        Assert.Equal("CLK-REC-15", records.RuleId);
        Assert.Equal(new DateOnly(2015, 10, 1), records.Due);
        Assert.Equal("8 CCR 9792.10.5(a)(1)", records.Source);
    }

    [Fact]
    public void Deadlines_NoticeSentElectronically_RecordsDue12Days()
    {
        var facts = new ClockFacts { NoticeSentElectronically = true };

        var records = Single(CaseClock.Deadlines(Filed(new DateOnly(2015, 8, 3), "personal", assigned: new DateOnly(2015, 9, 16)), facts), ClockKind.Records);

        Assert.Equal("CLK-REC-12-ELEC", records.RuleId);
        Assert.Equal(new DateOnly(2015, 9, 28), records.Due);
    }

    [Fact]
    public void Deadlines_Expedited_Records24HoursAndDetermination3Days()
    {
        var @case = Filed(new DateOnly(2015, 8, 3), "personal", priority: "Expedited", assigned: new DateOnly(2015, 9, 16));
        var facts = new ClockFacts { RecordsComplete = new DateOnly(2015, 9, 17) };

        var deadlines = CaseClock.Deadlines(@case, facts);

        Assert.Equal(new DateOnly(2015, 9, 17), Single(deadlines, ClockKind.Records).Due);
        var determination = Single(deadlines, ClockKind.Determination);
        Assert.Equal("CLK-DET-3-EXP", determination.RuleId);
        Assert.Equal(new DateOnly(2015, 9, 21), determination.Due); // 20 Sep is a Sunday
    }

    [Fact]
    public void Deadlines_RecordsComplete_Determination30DaysMovedOffSaturday()
    {
        var facts = new ClockFacts { RecordsComplete = new DateOnly(2015, 10, 1) };

        var determination = Single(CaseClock.Deadlines(Filed(new DateOnly(2015, 8, 3), "personal"), facts), ClockKind.Determination);

        Assert.Equal("CLK-DET-30", determination.RuleId);
        Assert.Equal(new DateOnly(2015, 10, 31), determination.CalendarDue);
        Assert.Equal(new DateOnly(2015, 11, 2), determination.Due);
        Assert.Equal("LC 4610.6(d)(1)(B)", determination.Source);
    }

    [Fact]
    public void Deadlines_FormularyDispute_FiveWorkingDays()
    {
        var facts = new ClockFacts { RecordsComplete = new DateOnly(2019, 11, 25), FormularyDispute = true };

        var determination = Single(CaseClock.Deadlines(Filed(new DateOnly(2019, 10, 1), "personal"), facts), ClockKind.Determination);

        Assert.Equal("CLK-DET-5WD-FORM", determination.RuleId);
        Assert.Equal(new DateOnly(2019, 12, 4), determination.Due);
    }

    [Fact]
    public void Deadlines_EligibleOnFridayBeforeLaborDay_NoticeDueTuesday()
    {
        var facts = new ClockFacts { EligibleOn = new DateOnly(2015, 9, 4) };

        var notice = Single(CaseClock.Deadlines(Filed(new DateOnly(2015, 8, 3), "personal"), facts), ClockKind.AssignmentNotice);

        Assert.Equal("CLK-NOA-1BD", notice.RuleId);
        Assert.Equal(new DateOnly(2015, 9, 8), notice.Due);
    }

    [Fact]
    public void Deadlines_NothingKnown_IsEmpty() =>
        Assert.Empty(CaseClock.Deadlines(new Case()));

    [Fact]
    public void Deadlines_AllKnown_ReturnsEveryClockInOrderWithRuleAndSource()
    {
        var facts = new ClockFacts { EligibleOn = new DateOnly(2015, 9, 15), RecordsComplete = new DateOnly(2015, 10, 1) };

        var deadlines = CaseClock.Deadlines(Filed(new DateOnly(2015, 8, 27), "mail", new DateOnly(2015, 9, 4), assigned: new DateOnly(2015, 9, 16)), facts);

        Assert.Equal([ClockKind.Application, ClockKind.AssignmentNotice, ClockKind.Records, ClockKind.Determination], deadlines.Select(d => d.Clock));
        Assert.All(deadlines, d => Assert.False(string.IsNullOrEmpty(d.Source)));
    }

    [Fact]
    public void IsOverdue_PendingDeadline_TurnsOverdueTheDayAfterItIsDue()
    {
        var records = Single(CaseClock.Deadlines(Filed(new DateOnly(2015, 8, 3), "personal", assigned: new DateOnly(2015, 9, 16))), ClockKind.Records);

        Assert.False(CaseClock.IsOverdue(records, new DateOnly(2015, 10, 1)));
        Assert.True(CaseClock.IsOverdue(records, new DateOnly(2015, 10, 2)));
        Assert.Equal(0, CaseClock.DaysLeft(records, new DateOnly(2015, 10, 1)));
        Assert.Equal(-1, CaseClock.DaysLeft(records, new DateOnly(2015, 10, 2)));
        Assert.Equal(15, CaseClock.DaysLeft(records, new DateOnly(2015, 9, 16)));
    }

    [Fact]
    public void IsOverdue_DoneOnTime_IsNeverOverdue()
    {
        var application = Single(CaseClock.Deadlines(Filed(new DateOnly(2015, 8, 3), "personal", new DateOnly(2015, 9, 1))), ClockKind.Application);

        Assert.False(CaseClock.IsOverdue(application, new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void BusinessDaysLeft_OverLaborDayWeekend_CountsOnlyBusinessDays()
    {
        var application = Single(CaseClock.Deadlines(Filed(new DateOnly(2015, 8, 6), "personal")), ClockKind.Application);

        Assert.Equal(2, CaseClock.BusinessDaysLeft(application, new DateOnly(2015, 9, 3)));
    }

    [Fact]
    public void Today_FakeTimeProvider_IsTheDateInTheGivenZone()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2015, 9, 3, 3, 0, 0, TimeSpan.Zero));
        var pacific = TimeZoneInfo.CreateCustomTimeZone("PST", TimeSpan.FromHours(-8), "PST", "PST");

        Assert.Equal(new DateOnly(2015, 9, 2), CaseClock.Today(time, pacific));
        Assert.Equal(new DateOnly(2015, 9, 3), CaseClock.Today(time, TimeZoneInfo.Utc));
    }

    private static DateOnly Parse(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(CaseStatus.AwaitingRecords, ClockKind.Records, "2015-10-01")]
    [InlineData(CaseStatus.InReview, ClockKind.Determination, "2015-10-31")]
    [InlineData(CaseStatus.Decided, ClockKind.Determination, "2015-10-31")]
    public void Running_WaitingStatus_NamesTheClockAndItsDue(CaseStatus status, ClockKind expected, string due)
    {
        var running = CaseClock.Running(status, new DateOnly(2015, 10, 1), new DateOnly(2015, 10, 31), new DateOnly(2015, 9, 28));

        Assert.NotNull(running);
        Assert.Equal(expected, running.Clock);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), running.Due);
    }

    [Theory]
    [InlineData(CaseStatus.Received)]
    [InlineData(CaseStatus.Eligible)]
    [InlineData(CaseStatus.LetterIssued)]
    [InlineData(CaseStatus.Closed)]
    public void Running_StatusWithoutAClock_IsNull(CaseStatus status) =>
        Assert.Null(CaseClock.Running(status, new DateOnly(2015, 10, 1), new DateOnly(2015, 10, 31), new DateOnly(2015, 9, 28)));

    [Theory]
    [InlineData(29, 2, false)]
    [InlineData(31, 0, false)]
    [InlineData(32, -1, true)]
    public void Running_AroundTheDueDate_CountsDaysLeftAndOverdueFromTheDayAfter(int dayOfOctober, int daysLeft, bool overdue)
    {
        var asOf = new DateOnly(2015, 10, 1).AddDays(dayOfOctober - 1);

        var running = CaseClock.Running(CaseStatus.InReview, null, new DateOnly(2015, 10, 31), asOf)!;

        Assert.Equal(daysLeft, running.DaysLeft);
        Assert.Equal(overdue, running.Overdue);
    }

    [Theory]
    [InlineData(true, "Tramadol 50 mg #60", "Naproxen 550 mg #60")]
    [InlineData(false, "Tramadol 50 mg #60", "Physical therapy 2 times a week for 4 weeks for the lumbar spine")]
    [InlineData(false)]
    public void IsMedicationDispute_Requests_TrueOnlyWhenEveryRequestIsADrug(bool expected, params string[] requests)
    {
        var @case = new Case { Requests = [.. requests.Select(r => new CaseRequest { Description = r })] };

        Assert.Equal(expected, CaseClock.IsMedicationDispute(@case));
    }
}
