using OpenImr.Domain.Formulary;

namespace OpenImr.Domain.Tests.Formulary;

/// <summary>The Drug List rules on a synthetic list (the drug names are invented for the test).</summary>
public class FormularyRulesTests
{
    private static readonly DrugListVersions Lists = new(
    [
        new DrugListVersion("v.98", new DateOnly(2025, 1, 1), "synthetic", [new DrugListEntry("Fictocodone", DrugListStatus.Exempt, null, null, "Opioid", [])]),
        new DrugListVersion("v.99", new DateOnly(2026, 3, 1), "synthetic",
        [
            new DrugListEntry("Synthetamol", DrugListStatus.Exempt, null, null, "Analgesic", []),
            new DrugListEntry("Fictocodone", DrugListStatus.NonExempt, 4, 4, "Opioid", []),
            new DrugListEntry("Placeboprofen", DrugListStatus.NonExempt, null, null, "NSAID", []),
        ]),
    ]);

    private static readonly DateOnly Injury = new(2026, 5, 10);

    [Theory]
    [InlineData(0, FormularyOutcome.SpecialFill)]
    [InlineData(7, FormularyOutcome.SpecialFill)]
    [InlineData(8, FormularyOutcome.NeedsProspectiveReview)]
    public void Assess_NonExemptAtTheInitialVisit_SpecialFillOnlyWithinSevenDaysOfTheInjury(int daysAfterInjury, FormularyOutcome expected)
    {
        var prescription = new Prescription("Fictocodone 5mg #12", Injury.AddDays(daysAfterInjury), Injury, SupplyDays: 4, InitialVisit: true);

        Assert.Equal(expected, FormularyRules.Assess(prescription, Lists).Outcome);
    }

    [Theory]
    [InlineData(4, true, FormularyOutcome.SpecialFill)]
    [InlineData(5, true, FormularyOutcome.NeedsProspectiveReview)]
    [InlineData(4, false, FormularyOutcome.NeedsProspectiveReview)]
    [InlineData(null, true, FormularyOutcome.NeedsProspectiveReview)]
    public void Assess_SpecialFill_NeedsTheInitialVisitAndASupplyWithinTheLimit(int? supply, bool initialVisit, FormularyOutcome expected)
    {
        var prescription = new Prescription("Fictocodone 5mg", Injury.AddDays(2), Injury, SupplyDays: supply, InitialVisit: initialVisit);

        Assert.Equal(expected, FormularyRules.Assess(prescription, Lists).Outcome);
    }

    [Theory]
    [InlineData(-4, FormularyOutcome.PerioperativeFill)]
    [InlineData(4, FormularyOutcome.PerioperativeFill)]
    [InlineData(-5, FormularyOutcome.NeedsProspectiveReview)]
    [InlineData(5, FormularyOutcome.NeedsProspectiveReview)]
    public void Assess_NonExemptAroundSurgery_PerioperativeFillFromFourDaysBeforeToFourAfter(int daysFromSurgery, FormularyOutcome expected)
    {
        var surgery = new DateOnly(2026, 9, 15);
        var prescription = new Prescription("Fictocodone 5mg", surgery.AddDays(daysFromSurgery), Injury, Surgery: surgery, SupplyDays: 4);

        Assert.Equal(expected, FormularyRules.Assess(prescription, Lists).Outcome);
    }

    [Fact]
    public void Assess_ExemptDrug_NoReviewUnlessABrandWhereAGenericExists()
    {
        var date = new DateOnly(2026, 6, 1);

        Assert.Equal(FormularyOutcome.ExemptWithoutReview, FormularyRules.Assess(new Prescription("Synthetamol 500mg #60", date), Lists).Outcome);
        Assert.Equal(FormularyOutcome.NeedsProspectiveReview,
            FormularyRules.Assess(new Prescription("Synthetamol 500mg #60", date, BrandWhereGenericExists: true), Lists).Outcome);
    }

    [Theory]
    [InlineData(7, true, FormularyOutcome.ExemptWithoutReview)]
    [InlineData(30, true, FormularyOutcome.NeedsProspectiveReview)]
    [InlineData(7, false, FormularyOutcome.NeedsProspectiveReview)]
    public void Assess_PhysicianDispensedExempt_OneSevenDaySupplyAtTheInitialVisit(int supply, bool initialVisit, FormularyOutcome expected)
    {
        var prescription = new Prescription("Synthetamol 500mg", Injury.AddDays(1), Injury, SupplyDays: supply, InitialVisit: initialVisit, PhysicianDispensed: true);

        Assert.Equal(expected, FormularyRules.Assess(prescription, Lists).Outcome);
    }

    [Fact]
    public void Assess_UnlistedOrCompounded_NeedsProspectiveReviewSayingWhy()
    {
        var date = new DateOnly(2026, 6, 1);

        var unlisted = FormularyRules.Assess(new Prescription("Imaginarol 10mg", date), Lists);
        var compound = FormularyRules.Assess(new Prescription("Synthetamol cream", date, Compounded: true), Lists);

        Assert.Equal((FormularyOutcome.NeedsProspectiveReview, null), (unlisted.Outcome, unlisted.Entry));
        Assert.Contains("unlisted", unlisted.Reason, StringComparison.Ordinal);
        Assert.Contains("compounded", compound.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2017-12-31", FormularyOutcome.BeforeTheDrugList, null)]
    [InlineData("2024-12-31", FormularyOutcome.NoVersionLoaded, null)]
    [InlineData("2026-02-28", FormularyOutcome.ExemptWithoutReview, "v.98")]
    [InlineData("2026-03-01", FormularyOutcome.NeedsProspectiveReview, "v.99")]
    public void Assess_ByDate_TheVersionInForce(string date, FormularyOutcome expected, string? version)
    {
        var assessment = FormularyRules.Assess(new Prescription("Fictocodone 5mg", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), Lists);

        Assert.Equal((expected, version), (assessment.Outcome, assessment.Version?.Version));
    }
}
