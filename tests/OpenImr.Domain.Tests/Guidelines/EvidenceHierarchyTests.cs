using OpenImr.Domain.Guidelines;

namespace OpenImr.Domain.Tests.Guidelines;

public class EvidenceHierarchyTests
{
    private static readonly DateOnly In2015 = new(2015, 8, 27);
    private static readonly DateOnly In2016 = new(2016, 12, 1);
    private static readonly EvidenceHierarchy Hierarchy = GuidelineLibrary.LoadEmbedded().Hierarchy;

    [Fact]
    public void Select_PhysicalTherapyIn2015_PicksCpmtg2009Pages98To99()
    {
        var selection = Hierarchy.Select("physical-medicine/physical-therapy", "lumbar", In2015);

        Assert.Equal("mtus-cpmtg-2009", selection.Guideline?.Id);
        Assert.Equal("98-99", selection.Topic?.Pages);
        Assert.Equal("Physical Medicine", selection.Topic?.Section);
        Assert.False(selection.MtusSilent);
        Assert.Contains("p.98-99", selection.Reason);
        Assert.Contains("addresses physical-medicine/physical-therapy", selection.Reason);
    }

    [Fact]
    public void Select_WorkConditioningIn2015_PicksPages125To126()
    {
        var selection = Hierarchy.Select("physical-medicine/work-conditioning", null, In2015);

        Assert.Equal("125-126", selection.Topic?.Pages);
        Assert.Equal("Work conditioning, work hardening", selection.Topic?.Section);
        var citation = selection.Citation!;
        Assert.Equal(("MTUS", "Chronic Pain Medical Treatment Guidelines", "2009"), (citation.Source, citation.Title, citation.Edition));
    }

    [Fact]
    public void Select_FunctionalRestorationIn2015_PicksPages30To34And49()
    {
        var selection = Hierarchy.Select("physical-medicine/functional-restoration", null, In2015);

        Assert.Equal("30-34, 49", selection.Topic?.Pages);
        Assert.Equal("mtus-cpmtg-2009", selection.Guideline?.Id);
    }

    [Theory]
    [InlineData(2015)]
    [InlineData(2016)]
    public void Select_Acupuncture_PicksMtusAcupunctureGuidelines(int year)
    {
        var selection = Hierarchy.Select("physical-medicine/acupuncture", "lumbar", new DateOnly(year, 12, 1));

        Assert.Equal("Acupuncture Medical Treatment Guidelines", selection.Guideline?.Title);
        Assert.Equal("2007", selection.Edition);
    }

    [Fact]
    public void Select_LumbarMri_PicksLowBackComplaintsSpecialStudies()
    {
        var selection = Hierarchy.Select("imaging/mri", "lumbar", In2016);

        Assert.Equal("Low Back Complaints", selection.Guideline?.Title);
        Assert.Equal("Special Studies", selection.Topic?.Section);
        Assert.Equal("303-305", selection.Topic?.Pages);
    }

    [Fact]
    public void Select_CervicalMri_PicksNeckAndUpperBackComplaints()
    {
        var selection = Hierarchy.Select("imaging/mri", "cervical", In2016);

        Assert.Equal("Neck and Upper Back Complaints", selection.Guideline?.Title);
        Assert.Equal("177-179", selection.Topic?.Pages);
    }

    [Fact]
    public void Select_HeadCt_PicksOdgBecauseMtusIsSilent()
    {
        var selection = Hierarchy.Select("imaging/ct", "head", In2016);

        Assert.Equal(GuidelineSource.Odg, selection.Guideline?.Source);
        Assert.Equal("Head", selection.Guideline?.Title);
        Assert.True(selection.MtusSilent);
        Assert.Contains("MTUS in force on 2016-12-01 is silent on imaging/ct (head)", selection.Reason);
        Assert.Contains("9792.21.1", selection.Reason);
    }

    [Theory]
    [InlineData("equipment/heat-therapy", null)]
    [InlineData("physical-medicine/modality", "infrared")]
    public void Select_InfraredHeat_PicksOdgHeatTherapy(string service, string? qualifier)
    {
        var selection = Hierarchy.Select(service, "lumbar", In2015, qualifier is null ? [] : [qualifier]);

        Assert.Equal("odg-low-back", selection.Guideline?.Id);
        Assert.Equal("heat-therapy", selection.Topic?.Id);
        Assert.True(selection.MtusSilent);
        Assert.Contains("9792.25(b) (2009)", selection.Reason);
    }

    [Fact]
    public void Select_PhysicalTherapyIn2016_PicksCpmtg2016SectionWithoutPages()
    {
        var selection = Hierarchy.Select("physical-medicine/physical-therapy", "cervical", In2016);

        Assert.Equal("mtus-cpmtg-2016", selection.Guideline?.Id);
        Assert.Equal("Physical medicine treatment", selection.Topic?.Section);
        Assert.Null(selection.Topic?.Pages);
    }

    [Theory]
    [InlineData("2016-07-27", "mtus-cpmtg-2009")]
    [InlineData("2016-07-28", "mtus-cpmtg-2016")]
    public void Select_AroundThe2016Update_SwitchesCpmtgEdition(string date, string expected)
    {
        var selection = Hierarchy.Select("medication/nsaid", null, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, selection.Guideline?.Id);
    }

    [Fact]
    public void Select_ElectrodiagnosticsIn2016_PicksCpmtg2016EmgNcsSection()
    {
        var selection = Hierarchy.Select("electrodiagnostic/emg-ncs", "lumbar", In2016);

        Assert.Equal("mtus-cpmtg-2016", selection.Guideline?.Id);
        Assert.Equal("Electrodiagnostic testing (EMG/NCS)", selection.Topic?.Section);
        Assert.Contains(selection.Topic!.Criteria, c => c.Id == "eds.no-lower-extremity-ncs");
    }

    [Fact]
    public void Select_ElectrodiagnosticsIn2015_FallsBackToTheRegionalClinicalTopic()
    {
        var selection = Hierarchy.Select("electrodiagnostic/emg", "lumbar", In2015);

        Assert.Equal("Low Back Complaints", selection.Guideline?.Title);
    }

    [Theory]
    [InlineData(2015, "mtus-cpmtg-2009", "opioids")]
    [InlineData(2016, "mtus-opioids-2016", "chronic-initiating-monitoring")]
    public void Select_Opioid_PicksTheOpioidGuidanceInForce(int year, string guideline, string topic)
    {
        var selection = Hierarchy.Select("medication/opioid", null, new DateOnly(year, 12, 1));

        Assert.Equal((guideline, topic), (selection.Guideline?.Id, selection.Topic?.Id));
    }

    [Fact]
    public void Select_PostoperativeShoulderTherapy_PicksPostsurgicalShoulder()
    {
        var selection = Hierarchy.Select("physical-medicine/physical-therapy", "shoulder", In2016, ["postoperative"]);

        Assert.Equal("Postsurgical Treatment Guidelines", selection.Guideline?.Title);
        Assert.Equal("Shoulder", selection.Topic?.Section);
        Assert.Contains(selection.Topic!.Quantities, q => q.InitialFraction == 0.5m);
    }

    [Fact]
    public void Select_PositionalMriOfACoveredRegion_StaysWithTheMtus()
    {
        // The MTUS addresses MRI of the neck, so a positional variant is judged under it first (9792.21.1(a)(1)).
        var selection = Hierarchy.Select("imaging/mri", "cervical", In2016, ["positional"]);

        Assert.Equal(GuidelineSource.Mtus, selection.Guideline?.Source);
        Assert.Equal("Neck and Upper Back Complaints", selection.Guideline?.Title);
    }

    [Fact]
    public void Select_PositionalMriOfARegionTheMtusDoesNotImage_PicksOdgNotRecommended()
    {
        var selection = Hierarchy.Select("imaging/mri", "hip", In2016, ["positional"]);

        Assert.Equal(RecommendationKind.NotRecommended, selection.Topic?.Recommendation);
        Assert.Equal(GuidelineSource.Odg, selection.Guideline?.Source);
    }

    [Fact]
    public void Select_CompoundIn2016_PicksCompoundDrugs()
    {
        var selection = Hierarchy.Select("medication/compound", null, In2016);

        Assert.Equal("Compound drugs", selection.Topic?.Section);
    }

    [Fact]
    public void Select_CompoundIn2015_PicksTopicalAnalgesics()
    {
        var selection = Hierarchy.Select("medication/compound", null, In2015);

        Assert.Equal("111-113", selection.Topic?.Pages);
    }

    [Fact]
    public void Select_ServiceListedAsNotCovered_ReturnsNoRecommendationWithTheReason()
    {
        var selection = Hierarchy.Select("injection/joint", "knee", In2016);

        Assert.True(selection.IsNoRecommendation);
        Assert.Null(selection.Citation);
        Assert.Contains("does not cover injection/joint", selection.Reason);
    }

    [Fact]
    public void Select_MriWithoutRegion_ReturnsNoRecommendationAskingForTheRegion()
    {
        var selection = Hierarchy.Select("imaging/mri", null, In2016);

        Assert.True(selection.IsNoRecommendation);
        Assert.Contains("give the region", selection.Reason);
    }

    [Fact]
    public void Select_UnknownService_ReturnsNoRecommendation()
    {
        var selection = Hierarchy.Select("imaging/pet", "lumbar", In2016);

        Assert.True(selection.IsNoRecommendation);
        Assert.Contains("not a service kind", selection.Reason);
    }

    [Fact]
    public void Select_DateBeforeTheMtus2009_ReturnsNoRecommendation()
    {
        var selection = Hierarchy.Select("physical-medicine/physical-therapy", "lumbar", new DateOnly(2008, 1, 1));

        Assert.True(selection.IsNoRecommendation);
    }

    [Fact]
    public void Select_AnyCoveredService_ReportsTheLibraryVersion()
    {
        var selection = Hierarchy.Select("equipment/tens", null, In2015);

        Assert.Equal(GuidelineLibrary.LoadEmbedded().Version, selection.LibraryVersion);
        Assert.Equal("114-116", selection.Topic?.Pages);
    }

    [Theory]
    [InlineData("2017-11-30", "lumbar", "mtus-low-back-2004")]
    [InlineData("2017-12-01", "lumbar", "mtus-low-back-acoem-2016-02-24")]
    [InlineData("2019-08-10", "lumbar", "mtus-low-back-acoem-2016-02-24")]
    [InlineData("2019-08-11", "lumbar", "mtus-low-back-acoem-2019-03-07")]
    [InlineData("2021-11-22", "lumbar", "mtus-low-back-acoem-2019-03-07")]
    [InlineData("2021-11-23", "lumbar", "mtus-low-back-acoem-2020-02-13")]
    [InlineData("2019-04-17", "cervical", "mtus-neck-acoem-2016-05-27")]
    [InlineData("2019-04-18", "cervical", "mtus-neck-acoem-2018-10-17")]
    [InlineData("2019-04-17", "elbow", "mtus-elbow-acoem-2013")]
    [InlineData("2019-04-18", "elbow", "mtus-elbow-acoem-2018-08-23")]
    [InlineData("2019-04-17", "wrist", "mtus-hand-acoem-2016-06-30")]
    [InlineData("2019-04-18", "wrist", "mtus-hand-acoem-2019-01-07")]
    [InlineData("2019-04-17", "ankle", "mtus-ankle-foot-acoem-2015-09")]
    [InlineData("2019-04-18", "ankle", "mtus-ankle-foot-acoem-2018-07-16")]
    [InlineData("2019-10-06", "hip", "mtus-hip-acoem-2011-05-01")]
    [InlineData("2019-10-07", "hip", "mtus-hip-acoem-2019-04-24")]
    [InlineData("2020-09-20", "knee", "mtus-knee-acoem-2015-10-28")]
    [InlineData("2020-09-21", "knee", "mtus-knee-acoem-2019-12-03")]
    [InlineData("2026-06-01", "shoulder", "mtus-shoulder-acoem-2016-08-01")]
    public void Select_AroundEachAdoptionOrder_PicksTheEditionInForce(string date, string region, string expected)
    {
        var selection = Hierarchy.Select("imaging/mri", region, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, selection.Guideline?.Id);
    }

    [Fact]
    public void Select_LumbarMriIn2026_NamesTheGoverningGuidelineWhoseCriteriaAreNotEncoded()
    {
        var selection = Hierarchy.Select("imaging/mri", "lumbar", new DateOnly(2026, 3, 2));

        Assert.Equal("Low Back Disorders", selection.Guideline?.Title);
        Assert.Equal(RecommendationKind.NotEncoded, selection.Topic?.Recommendation);
        Assert.Equal("MTUS Low Back Disorders (ACOEM 2020, in force from 2021-11-23) governs this request; its criteria are not encoded in this library.", selection.Reason);
        Assert.False(selection.MtusSilent);
    }

    [Fact]
    public void Select_ServiceOdgCoveredIn2016_GoesToTheMtusOnceAnMtusGuidelineAddressesIt()
    {
        // 8 CCR 9792.21.1(a): ODG only where the MTUS in force is silent. The head CT goes to ODG in both regimes
        // (no MTUS guideline of either names the head), an elbow MRI to the MTUS Elbow Disorders guideline from 2017-12-01.
        Assert.Equal(GuidelineSource.Odg, Hierarchy.Select("imaging/ct", "head", new DateOnly(2026, 3, 2)).Guideline?.Source);
        Assert.Equal(GuidelineSource.Odg, Hierarchy.Select("imaging/mri", "elbow", In2016).Guideline?.Source);
        Assert.Equal("mtus-elbow-acoem-2018-08-23", Hierarchy.Select("imaging/mri", "elbow", new DateOnly(2026, 3, 2)).Guideline?.Id);
    }

    [Theory]
    [InlineData("physical-medicine/acupuncture", "mtus-acupuncture-2007")]
    [InlineData("medication/opioid", "mtus-opioids-acoem-2017-04-20")]
    [InlineData("medication/nsaid", "mtus-cpmtg-acoem-2017-05-15")]
    [InlineData("evaluation/psychological", "mtus-mental-health-acoem-2021-04-30")]
    public void Select_RequestWithoutRegionIn2026_PicksTheGuidelineThatNamesIt(string service, string expected) =>
        Assert.Equal(expected, Hierarchy.Select(service, null, new DateOnly(2026, 3, 2)).Guideline?.Id);

    [Fact]
    public void Select_PostoperativeTherapyIn2026_KeepsThePostsurgicalGuidelinesWithTheirCriteria()
    {
        var selection = Hierarchy.Select("physical-medicine/physical-therapy", "shoulder", new DateOnly(2026, 3, 2), ["postoperative"]);

        Assert.Equal("mtus-postsurgical", selection.Guideline?.Family);
        Assert.NotEmpty(selection.Topic!.Criteria);
    }
}
