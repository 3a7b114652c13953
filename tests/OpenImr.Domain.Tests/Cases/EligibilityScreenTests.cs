using CsCheck;
using OpenImr.Domain.Cases;

namespace OpenImr.Domain.Tests.Cases;

public class EligibilityScreenTests
{
    private static readonly DateOnly AsOf = new(2015, 9, 10);

    private static readonly Case Valid = new()
    {
        CaseNumber = "CM15-0000001",
        Dates = new CaseDates { Injury = new DateOnly(2015, 5, 14), UrDenial = new DateOnly(2015, 8, 3), ApplicationReceived = new DateOnly(2015, 9, 2) },
        Application = new CaseApplication
        {
            Signed = true,
            UrDecisionServed = new DateOnly(2015, 8, 3),
            ServedBy = "personal",
            UrDecisionAttached = true,
            ConditionalNonCertification = false,
        },
        Requests = [new CaseRequest { Description = "12 physical therapy visits" }],
        Documents = [new CaseDocument { Type = "progress-report", Text = "..." }],
    };

    private static Case WithApplication(Func<CaseApplication, CaseApplication> change) => Valid with { Application = change(Valid.Application!) };

    private static Case Received(DateOnly received) => Valid with { Dates = Valid.Dates! with { ApplicationReceived = received } };

    private static IEnumerable<string> Codes(EligibilityResult result) => result.Reasons.Select(r => r.Code);

    [Fact]
    public void Screen_CompleteTimelyApplication_IsEligible()
    {
        var result = EligibilityScreen.Screen(Valid, AsOf);

        Assert.True(result.Eligible);
        Assert.Empty(result.Reasons);
        Assert.False(result.NeedsInformation);
    }

    [Fact]
    public void Screen_ReceivedOnDay30_IsEligible() =>
        Assert.True(EligibilityScreen.Screen(Received(new DateOnly(2015, 9, 2)), AsOf).Eligible);

    [Fact]
    public void Screen_ReceivedOnDay31_IsLate()
    {
        var result = EligibilityScreen.Screen(Received(new DateOnly(2015, 9, 3)), AsOf);

        var reason = Assert.Single(result.Reasons);
        Assert.False(result.Eligible);
        Assert.Equal(EligibilityCodes.Late, reason.Code);
        Assert.Contains("LC 4610.5(h)(1)", reason.Source, StringComparison.Ordinal);
        Assert.Contains("31 days", reason.Message, StringComparison.Ordinal);
        Assert.Equal("dates.applicationReceived", reason.Field);
    }

    [Theory]
    [InlineData(35, true)]
    [InlineData(36, false)]
    public void Screen_ServedByMail_FiveMoreDays(int day, bool eligible)
    {
        var served = new DateOnly(2015, 8, 10);
        var @case = Valid with
        {
            Dates = Valid.Dates! with { UrDenial = served, ApplicationReceived = served.AddDays(day) },
            Application = Valid.Application! with { UrDecisionServed = served, ServedBy = "mail" },
        };

        Assert.Equal(eligible, EligibilityScreen.Screen(@case, AsOf).Eligible);
    }

    [Fact]
    public void Screen_DueOnSaturdayBeforeLaborDay_ReceivedTuesdayIsOnTime()
    {
        var served = new DateOnly(2015, 8, 6);
        var @case = Valid with
        {
            Dates = Valid.Dates! with { UrDenial = served, ApplicationReceived = new DateOnly(2015, 9, 8) },
            Application = Valid.Application! with { UrDecisionServed = served },
        };

        Assert.True(EligibilityScreen.Screen(@case, AsOf).Eligible);
        Assert.Equal(EligibilityCodes.Late, Assert.Single(EligibilityScreen.Screen(@case with { Dates = @case.Dates! with { ApplicationReceived = new DateOnly(2015, 9, 9) } }, AsOf).Reasons).Code);
    }

    [Fact]
    public void Screen_NoReceivedDate_TakesTheScreeningDate()
    {
        var @case = Valid with { Dates = Valid.Dates! with { ApplicationReceived = null } };

        Assert.True(EligibilityScreen.Screen(@case, new DateOnly(2015, 9, 2)).Eligible);
        Assert.Equal(EligibilityCodes.Late, Assert.Single(EligibilityScreen.Screen(@case, new DateOnly(2015, 9, 3)).Reasons).Code);
    }

    [Fact]
    public void Screen_Day33WithoutMannerOfService_NeedsInformationNotLate()
    {
        var result = EligibilityScreen.Screen(WithApplication(a => a with { ServedBy = null }) with { Dates = Valid.Dates! with { ApplicationReceived = new DateOnly(2015, 9, 5) } }, AsOf);

        var reason = Assert.Single(result.Reasons);
        Assert.Equal(EligibilityCodes.MissingInformation, reason.Code);
        Assert.Equal("application.servedBy", reason.Field);
        Assert.True(result.NeedsInformation);
    }

    [Fact]
    public void Screen_Day40WithoutMannerOfService_IsLate() =>
        Assert.Equal(EligibilityCodes.Late,
            Assert.Single(EligibilityScreen.Screen(WithApplication(a => a with { ServedBy = null }) with { Dates = Valid.Dates! with { ApplicationReceived = new DateOnly(2015, 9, 12) } }, AsOf).Reasons).Code);

    [Fact]
    public void Screen_NoServiceDateButOnTimeFromTheDecision_IsEligible() =>
        Assert.True(EligibilityScreen.Screen(WithApplication(a => a with { UrDecisionServed = null }), AsOf).Eligible);

    [Fact]
    public void Screen_NoServiceDateAndLateFromTheDecision_NeedsTheServiceDate()
    {
        var @case = WithApplication(a => a with { UrDecisionServed = null }) with { Dates = Valid.Dates! with { ApplicationReceived = new DateOnly(2015, 9, 20) } };

        var reason = Assert.Single(EligibilityScreen.Screen(@case, AsOf).Reasons);

        Assert.Equal(EligibilityCodes.MissingInformation, reason.Code);
        Assert.Equal("application.urDecisionServed", reason.Field);
    }

    [Fact]
    public void Screen_Unsigned_IsIneligible()
    {
        var reason = Assert.Single(EligibilityScreen.Screen(WithApplication(a => a with { Signed = false }), AsOf).Reasons);

        Assert.Equal(EligibilityCodes.Unsigned, reason.Code);
        Assert.Equal("8 CCR 9792.10.1(b)(1)", reason.Source);
    }

    [Fact]
    public void Screen_UrDecisionNotAttached_IsIneligible() =>
        Assert.Equal([EligibilityCodes.UrDecisionNotAttached], Codes(EligibilityScreen.Screen(WithApplication(a => a with { UrDecisionAttached = false }), AsOf)));

    [Fact]
    public void Screen_ConditionalNonCertification_IsIneligible() =>
        Assert.Equal([EligibilityCodes.ConditionalNonCertification], Codes(EligibilityScreen.Screen(WithApplication(a => a with { ConditionalNonCertification = true }), AsOf)));

    [Fact]
    public void Screen_NoRequestOrOnlyBlankOnes_NoDisputedTreatment()
    {
        Assert.Equal([EligibilityCodes.NoDisputedTreatment], Codes(EligibilityScreen.Screen(Valid with { Requests = [] }, AsOf)));
        Assert.Equal([EligibilityCodes.NoDisputedTreatment], Codes(EligibilityScreen.Screen(Valid with { Requests = [new CaseRequest { Description = "  " }] }, AsOf)));
    }

    [Fact]
    public void Screen_InjuryBefore2013AndDecisionBeforeJuly2013_OutOfScope()
    {
        var @case = Valid with
        {
            Dates = new CaseDates { Injury = new DateOnly(2012, 12, 31), UrDenial = new DateOnly(2013, 6, 30), ApplicationReceived = new DateOnly(2013, 7, 10) },
            Application = Valid.Application! with { UrDecisionServed = new DateOnly(2013, 6, 30) },
        };

        var reason = Assert.Single(EligibilityScreen.Screen(@case, AsOf).Reasons);

        Assert.Equal(EligibilityCodes.OutOfScope, reason.Code);
        Assert.Equal("LC 4610.5(a)", reason.Source);
    }

    [Theory]
    [InlineData("2013-01-01", "2013-06-30")]
    [InlineData("2012-12-31", "2013-07-01")]
    public void Screen_InjuryFrom2013OrDecisionFromJuly2013_InScope(string injury, string decision)
    {
        var ur = DateOnly.Parse(decision, System.Globalization.CultureInfo.InvariantCulture);
        var @case = Valid with
        {
            Dates = new CaseDates { Injury = DateOnly.Parse(injury, System.Globalization.CultureInfo.InvariantCulture), UrDenial = ur, ApplicationReceived = ur.AddDays(10) },
            Application = Valid.Application! with { UrDecisionServed = ur },
        };

        Assert.True(EligibilityScreen.Screen(@case, AsOf).Eligible);
    }

    [Fact]
    public void Screen_OldDecisionAndNoInjuryDate_NeedsTheInjuryDate()
    {
        var @case = Valid with
        {
            Dates = new CaseDates { UrDenial = new DateOnly(2013, 3, 1), ApplicationReceived = new DateOnly(2013, 3, 10) },
            Application = Valid.Application! with { UrDecisionServed = new DateOnly(2013, 3, 1) },
        };

        var reason = Assert.Single(EligibilityScreen.Screen(@case, AsOf).Reasons);

        Assert.Equal(EligibilityCodes.MissingInformation, reason.Code);
        Assert.Equal("dates.injury", reason.Field);
    }

    [Fact]
    public void Screen_NoApplicationDetails_ListsEveryMissingField()
    {
        var result = EligibilityScreen.Screen(Valid with { Application = null, Dates = Valid.Dates! with { UrDenial = null } }, AsOf);

        Assert.True(result.NeedsInformation);
        Assert.Equal(
            ["application.urDecisionServed", "application.signed", "application.urDecisionAttached", "application.conditionalNonCertification"],
            result.Reasons.Select(r => r.Field));
    }

    [Fact]
    public void Screen_SeveralDefects_CollectsEveryReason()
    {
        var @case = Received(new DateOnly(2015, 10, 15)) with
        {
            Application = Valid.Application! with { Signed = false, UrDecisionAttached = false, ConditionalNonCertification = true },
            Requests = [],
        };

        var result = EligibilityScreen.Screen(@case, AsOf);

        Assert.False(result.Eligible);
        Assert.False(result.NeedsInformation);
        Assert.Equal(
            [EligibilityCodes.Late, EligibilityCodes.Unsigned, EligibilityCodes.UrDecisionNotAttached, EligibilityCodes.ConditionalNonCertification, EligibilityCodes.NoDisputedTreatment],
            Codes(result));
        Assert.All(result.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    [Fact]
    public void Screen_AnyServiceAndReceipt_LateExactlyWhenAfterTheBusinessDayDeadline() =>
        Gen.Select(Gen.Int[0, 365 * 12], Gen.Int[0, 60], Gen.Bool).Sample((offset, day, mail) =>
        {
            var served = new DateOnly(2014, 1, 1).AddDays(offset);
            var received = served.AddDays(day);
            var @case = Valid with
            {
                Dates = Valid.Dates! with { UrDenial = served, ApplicationReceived = received },
                Application = Valid.Application! with { UrDecisionServed = served, ServedBy = mail ? "mail" : "personal" },
            };
            var due = BusinessCalendar.California.OnOrNextBusinessDay(served.AddDays(mail ? 35 : 30));

            var result = EligibilityScreen.Screen(@case, received);

            Assert.Equal(received > due, result.Reasons.Any(r => r.Code == EligibilityCodes.Late));
            Assert.Equal(received <= due, result.Eligible);
        });
}
