using OpenImr.Domain.Clinical;
using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Review;
using static OpenImr.Domain.Tests.Review.ReviewFixtures;

namespace OpenImr.Domain.Tests.Review;

public class QuantityAssessorTests
{
    // Every figure a request can state, so that any unit's reading finds a number.
    private static readonly RequestQuantity EveryFigure = new()
    {
        Sessions = 4,
        PerWeek = 2,
        Weeks = 2,
        Hours = 8,
        HoursPerDay = 3,
        HoursPerWeek = 6,
        Days = 14,
        Months = 1,
        Count = 2,
        Refills = 0,
    };

    private static ParsedRequest Request(RequestQuantity quantity, string service = "physical-therapy") => new()
    {
        Description = "synthetic request",
        Portion = "synthetic request",
        Service = new ServiceId(ServiceFamilies.PhysicalMedicine, service),
        Quantity = quantity,
    };

    private static QuantityAssessor.Checked Single(QuantityRule rule, ReviewContext context) =>
        Assert.Single(QuantityAssessor.Assess(Topic([rule]), context));

    public static TheoryData<string> AcceptedUnits() => [.. GuidelineVocabulary.QuantityUnits.Order(StringComparer.Ordinal)];

    // The one list of units is the reader's; a unit it accepts that the assessor cannot read would drop its rule silently.
    [Theory]
    [MemberData(nameof(AcceptedUnits))]
    public void Assess_EveryUnitTheReaderAccepts_IsReadFromTheRequest(string unit)
    {
        var check = Single(Limit(unit, 1000), Context(Request(EveryFigure)));

        Assert.Equal(CriterionStatus.Met, check.Assessment.Status);
        Assert.Matches($"^[0-9]+ {unit} requested is within 1000 {unit}$", check.Assessment.Finding);
    }

    [Fact]
    public void Assess_HoursPerWeekOverTheLimit_NotMet()
    {
        var check = Single(Limit("hours-per-week", 35), Context("Home health aide 8 hours a day, 5 days a week for 2 weeks"));

        Assert.Equal(CriterionStatus.NotMet, check.Assessment.Status);
        Assert.Equal("40 hours-per-week requested exceeds 35 hours-per-week", check.Assessment.Finding);
        Assert.Equal("qty.hours-per-week", check.Assessment.Id);
    }

    [Fact]
    public void Assess_HoursPerWeekStated_ReadAsStated()
    {
        var check = Single(Limit("hours-per-week", 35), Context("Home health aide 20 hours per week for 6 weeks"));

        Assert.Equal(CriterionStatus.Met, check.Assessment.Status);
        Assert.Equal("20 hours-per-week requested is within 35 hours-per-week", check.Assessment.Finding);
    }

    [Fact]
    public void Assess_HoursPerWeekNotStated_NothingHeldAgainstTheRequest() =>
        Assert.Empty(QuantityAssessor.Assess(Topic([Limit("hours-per-week", 35)]), Context("Home health aide for 6 weeks")));

    [Fact]
    public void Assess_CumulativeVisitsWithCareGiven_CountsTheCompletedVisits()
    {
        var given = Fact(FactKinds.TreatmentPhysicalTherapy, number: 6, quote: "had six visits of therapy so far");

        var check = Single(Limit("visits", 10, cumulative: true, overWeeks: 8), Context("Physical therapy 6 visits", [given]));

        Assert.Equal(CriterionStatus.NotMet, check.Assessment.Status);
        Assert.Equal("6 visits requested on top of 6 completed (12 in all) exceeds 10 visits over 8 weeks", check.Assessment.Finding);
        Assert.Equal("had six visits of therapy so far", Assert.Single(check.Assessment.Evidence).Quote);
    }

    [Fact]
    public void Assess_CareGivenInAnUnstatedNumber_NotDocumented()
    {
        var given = Fact(FactKinds.TreatmentPhysicalTherapy, quote: "has been attending therapy");

        var check = Single(Limit("visits", 10, cumulative: true), Context("Physical therapy 4 visits", [given]));

        Assert.Equal(CriterionStatus.NotDocumented, check.Assessment.Status);
        Assert.Equal("the records show physical therapy given before but not how many visits, so 4 more cannot be shown to stay within 10 visits",
            check.Assessment.Finding);
    }

    [Fact]
    public void Assess_VisitsUtilizationReviewAuthorized_CountLikeVisitsGiven()
    {
        var granted = Fact(FactKinds.TreatmentPhysicalTherapy, FactStatus.NotAboutPatient, number: 8, quote: "the reviewer authorized 8 visits");

        var check = Single(Limit("visits", 10, cumulative: true), Context("Physical therapy 4 visits", [granted]));

        Assert.Equal(CriterionStatus.NotMet, check.Assessment.Status);
        Assert.Equal("4 visits requested on top of 8 completed (12 in all) exceeds 10 visits", check.Assessment.Finding);
    }

    [Fact]
    public void Assess_NotCumulative_IgnoresCareGiven()
    {
        var given = Fact(FactKinds.TreatmentPhysicalTherapy, number: 30);

        var check = Single(Limit("visits", 10), Context("Physical therapy 4 visits", [given]));

        Assert.Equal("4 visits requested is within 10 visits", check.Assessment.Finding);
    }

    [Fact]
    public void Assess_InitialFractionWithoutCareGiven_LimitsTheInitialCourse()
    {
        var check = Single(Limit("visits", 12, cumulative: true, initialFraction: 0.5m), Context("Physical therapy 8 visits"));

        Assert.Equal(CriterionStatus.NotMet, check.Assessment.Status);
        Assert.Equal("8 visits requested exceeds 6 visits in the initial course", check.Assessment.Finding);
    }

    [Fact]
    public void Assess_TotalNotStated_NotDocumented()
    {
        var check = Single(Limit("visits", 10), Context("Physical therapy for the lumbar spine"));

        Assert.Equal(CriterionStatus.NotDocumented, check.Assessment.Status);
        Assert.Equal("the request does not state how many visits, so it cannot be shown to stay within 10 visits", check.Assessment.Finding);
    }

    [Fact]
    public void Assess_FrequencyNotStated_NothingHeldAgainstTheRequest() =>
        Assert.Empty(QuantityAssessor.Assess(Topic([Limit("per-week", 3)]), Context("Physical therapy 6 visits")));

    [Fact]
    public void Assess_WeeksFromDays_RoundsUp()
    {
        var check = Single(Limit("weeks", 1), Context(Request(new RequestQuantity { Days = 10 })));

        Assert.Equal("2 weeks requested exceeds 1 weeks", check.Assessment.Finding);
    }

    [Fact]
    public void Assess_RuleForANamedCondition_ReplacesTheGeneralRuleOfTheSameUnit()
    {
        var specific = Limit("visits", 24, when: new FactRule(FactKinds.DiagnosisCrps, FactExpectation.Affirmed, null, null)) with { Id = "qty.crps" };
        var general = Limit("visits", 10) with { Id = "qty.general" };
        var context = Context("Physical therapy 12 visits", [Fact(FactKinds.DiagnosisCrps)]);

        var checks = QuantityAssessor.Assess(Topic([specific, general]), context).ToList();

        Assert.Equal("qty.crps", Assert.Single(checks).Assessment.Id);
        Assert.Equal(CriterionStatus.Met, checks[0].Assessment.Status);
    }

    [Fact]
    public void Assess_NamedConditionAbsent_GeneralRuleApplies()
    {
        var specific = Limit("visits", 24, when: new FactRule(FactKinds.DiagnosisCrps, FactExpectation.Affirmed, null, null)) with { Id = "qty.crps" };
        var general = Limit("visits", 10) with { Id = "qty.general" };

        var checks = QuantityAssessor.Assess(Topic([specific, general]), Context("Physical therapy 12 visits")).ToList();

        Assert.Equal("qty.general", Assert.Single(checks).Assessment.Id);
        Assert.Equal(CriterionStatus.NotMet, checks[0].Assessment.Status);
    }

    [Fact]
    public void Assess_ExemptWhenMet_RuleSkipped()
    {
        var cap = Limit("visits", 4, exemptWhen: new FactRule(FactKinds.DiagnosisPostoperative, FactExpectation.Affirmed, null, null));

        Assert.Empty(QuantityAssessor.Assess(Topic([cap]), Context("Physical therapy 12 visits", [Fact(FactKinds.DiagnosisPostoperative)])));
    }

    [Fact]
    public void Assess_RuleWithoutMax_Skipped() =>
        Assert.Empty(QuantityAssessor.Assess(Topic([Limit("visits", 1) with { Max = null }]), Context("Physical therapy 12 visits")));

    [Theory]
    [InlineData("six visits were authorized", true)]
    [InlineData("the request was modified to four visits", true)]
    [InlineData("two visits were certified", true)]
    [InlineData("the visits were non-certified", false)]
    [InlineData("the visits were not certified", false)]
    [InlineData("a request for authorization of six visits", false)]
    [InlineData("six visits were requested", false)]
    public void GrantedInPart_Wording_ReadsAGrant(string quote, bool granted) =>
        Assert.Equal(granted, QuantityAssessor.GrantedInPart(quote));
}
