using CsCheck;
using OpenImr.Domain.Cases;

namespace OpenImr.Domain.Tests.Cases;

public class ClockRulesTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.California;

    [Fact]
    public void Default_EveryRule_HasAnIdSourceConfidenceAndProcessRule()
    {
        var rules = ClockRules.Default.Rules;

        Assert.Equal(rules.Count, rules.Select(r => r.Id).Distinct().Count());
        Assert.All(rules, r =>
        {
            Assert.StartsWith("CLK-", r.Id, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(r.Source));
            Assert.Contains(r.Confidence, (string[])["V", "K-high", "K-medium", "K-low", "I"]);
            Assert.StartsWith("PROC-", r.Process, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Compute_Application_Is30DaysAfterService()
    {
        var computed = ClockRules.Default.Compute(ClockKind.Application, new DateOnly(2015, 8, 3), ClockCondition.None, Calendar)!;

        Assert.Equal("CLK-APP-30", computed.Rule.Id);
        Assert.Empty(computed.Extensions);
        Assert.Equal(new DateOnly(2015, 9, 2), computed.Due);
    }

    [Fact]
    public void Compute_ApplicationServedByMail_AddsFiveDays()
    {
        var computed = ClockRules.Default.Compute(ClockKind.Application, new DateOnly(2015, 8, 10), ClockCondition.ServedByMail, Calendar)!;

        Assert.Equal("CLK-APP-MAIL", Assert.Single(computed.Extensions).Id);
        Assert.Equal(new DateOnly(2015, 9, 14), computed.Due);
    }

    [Fact]
    public void Compute_RecordsExpeditedAndElectronic_TakesTheEarliest()
    {
        var computed = ClockRules.Default.Compute(ClockKind.Records, new DateOnly(2015, 9, 16),
            ClockCondition.Expedited | ClockCondition.NoticeElectronic, Calendar)!;

        Assert.Equal("CLK-REC-24H-EXP", computed.Rule.Id);
        Assert.Equal(new DateOnly(2015, 9, 17), computed.Due);
    }

    [Fact]
    public void Compute_ExpeditedRecordsOnAFriday_DoNotMoveOffTheWeekend() =>
        Assert.Equal(new DateOnly(2015, 9, 5),
            ClockRules.Default.Compute(ClockKind.Records, new DateOnly(2015, 9, 4), ClockCondition.Expedited, Calendar)!.Due);

    [Fact]
    public void Compute_FormularyBefore2018_FallsBackTo30Days()
    {
        var computed = ClockRules.Default.Compute(ClockKind.Determination, new DateOnly(2015, 10, 1), ClockCondition.FormularyDispute, Calendar)!;

        Assert.Equal("CLK-DET-30", computed.Rule.Id);
    }

    [Fact]
    public void Compute_NoRuleInEffect_ReturnsNull() =>
        Assert.Null(ClockRules.Default.Compute(ClockKind.Application, new DateOnly(2012, 6, 1), ClockCondition.None, Calendar));

    [Fact]
    public void Compute_CustomRuleSetWithEffectiveDates_PicksTheRuleInForceAtTheStart()
    {
        var rules = new ClockRules(
        [
            new("OLD", ClockKind.Records, ClockCondition.None, 10, ClockUnit.CalendarDays, false, new DateOnly(2013, 1, 1), new DateOnly(2014, 1, 31), "LC 4610.5(l)", "V", "PROC-11", "old"),
            new("NEW", ClockKind.Records, ClockCondition.None, 15, ClockUnit.CalendarDays, false, new DateOnly(2014, 2, 1), null, "8 CCR 9792.10.5(a)(1)", "V", "PROC-11", "new"),
        ]);

        Assert.Equal("OLD", rules.Compute(ClockKind.Records, new DateOnly(2013, 9, 2), ClockCondition.None, Calendar)!.Rule.Id);
        Assert.Equal("NEW", rules.Compute(ClockKind.Records, new DateOnly(2014, 9, 2), ClockCondition.None, Calendar)!.Rule.Id);
    }

    [Fact]
    public void Compute_AnyCalendarDayClock_DueIsABusinessDayNeverBeforeTheCalendarDeadline() =>
        Gen.Select(Gen.Int[0, 365 * 20], Gen.Enum<ClockKind>(), Gen.Int[0, 15]).Sample((offset, clock, flags) =>
        {
            var start = new DateOnly(2013, 1, 1).AddDays(offset);
            var computed = ClockRules.Default.Compute(clock, start, (ClockCondition)flags, Calendar);
            Assert.NotNull(computed);
            Assert.True(computed.Due >= computed.CalendarDue);
            Assert.True(computed.Due > start);
            if (computed.Rule.Unit != ClockUnit.Hours)
            {
                Assert.True(Calendar.IsBusinessDay(computed.Due));
            }
        });
}
