using OpenImr.Domain.Cases;
using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;

namespace OpenImr.Domain.Tests.Review;

public class ReviewEngineTests
{
    private static readonly ReviewEngine Engine = new(GuidelineLibrary.LoadEmbedded());
    private static readonly DateOnly Today = new(2026, 11, 23);

    private const string SixSessionsWithoutOutcome =
        "Synthetic record. The patient is a 45-year-old male with low back pain after lifting at work. " +
        "He has completed 6 sessions of physical therapy for the lumbar spine. Pain is rated 6/10. He is on modified duty.";

    private const string SixSessionsWithGains =
        "Synthetic record. The patient is a 45-year-old male with a lumbar strain after lifting at work. " +
        "He has completed 6 sessions of physical therapy for the lumbar spine with documented functional improvement: " +
        "his lifting tolerance increased from 10 to 25 pounds and his work restrictions were reduced. Pain is rated 6/10.";

    private static Case SyntheticCase(string record, params string[] requests) => new()
    {
        CaseNumber = "SYNTH-0001",
        Dates = new CaseDates { Injury = new DateOnly(2016, 6, 1), UrDenial = new DateOnly(2016, 11, 20) },
        Requests = requests.Select(r => new CaseRequest { Description = r }).ToList(),
        Documents = [new CaseDocument { Type = "progress-report", Text = record }],
    };

    private static Determination ReviewOne(Case @case) =>
        Assert.Single(Engine.Review(@case, @case.Documents.Select(d => d.Text ?? "").ToList(), Today).Determinations);

    private static Determination ReviewSeed(string seed)
    {
        var letter = LetterParser.Parse(TestFiles.Read(seed)).Letter!;
        var rebuilt = LetterCase.From(letter);
        return Assert.Single(Engine.Review(rebuilt, [letter.ClinicalSummary!], Today).Determinations);
    }

    [Theory]
    [InlineData(TestFiles.Seed000, "physical-medicine/work-conditioning", "125-126", "Work conditioning, work hardening")]
    [InlineData(TestFiles.Seed001, "physical-medicine/work-conditioning", "125-126", "Work conditioning, work hardening")]
    [InlineData(TestFiles.Seed002, "physical-medicine/work-conditioning", "125-126", "Work conditioning, work hardening")]
    [InlineData(TestFiles.Seed003, "physical-medicine/functional-restoration", "30-34, 49", "Functional restoration programs (FRPs)")]
    [InlineData(TestFiles.Seed004, "physical-medicine/physical-therapy", "98-99", "Physical Medicine")]
    public void Review_Seed_UpholdsOnTheReviewersGuideline(string seed, string service, string pages, string section)
    {
        var determination = ReviewSeed(seed);

        Assert.Equal(Decision.Upheld, determination.Decision);
        Assert.Equal(service, determination.Service);
        Assert.NotNull(determination.Guideline);
        Assert.Equal("MTUS", determination.Guideline.Source);
        Assert.Equal("Chronic Pain Medical Treatment Guidelines", determination.Guideline.Title);
        Assert.Equal(pages, determination.Guideline.Pages);
        Assert.Equal(section, determination.Guideline.Section);
        Assert.Contains(determination.Criteria, c => c.Status != CriterionStatus.Met);
    }

    [Fact]
    public void Review_Seed004_ShowsTheVisitArithmetic()
    {
        var determination = ReviewSeed(TestFiles.Seed004);

        var quantity = determination.Criteria.First(c => c.Id.StartsWith("pm.qty.", StringComparison.Ordinal) && c.Status == CriterionStatus.NotMet);
        Assert.Contains("8 visits requested on top of 24 completed", quantity.Finding, StringComparison.Ordinal);
        Assert.Contains("exceeds", quantity.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_DocumentedGainsAfterSixSessions_FlipsAdditionalTherapyToOverturned()
    {
        const string request = "Additional physical therapy 2 times a week for 2 weeks for the lumbar spine";

        var without = ReviewOne(SyntheticCase(SixSessionsWithoutOutcome, request));
        var with = ReviewOne(SyntheticCase(SixSessionsWithGains, request));

        Assert.Equal(Decision.Upheld, without.Decision);
        Assert.Equal(CriterionStatus.NotDocumented, without.Criteria.Single(c => c.Id == "pm.functional-improvement").Status);
        Assert.Equal(Decision.Overturned, with.Decision);
        Assert.Equal(CriterionStatus.Met, with.Criteria.Single(c => c.Id == "pm.functional-improvement").Status);
        Assert.Contains("is medically necessary", with.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_RequestOverTheVisitLimit_IsUpheldWhole()
    {
        var determination = ReviewOne(SyntheticCase(SixSessionsWithGains, "Additional physical therapy 2 times a week for 6 weeks for the lumbar spine"));

        Assert.Equal(Decision.Upheld, determination.Decision);
        Assert.Contains(determination.Criteria, c => c.Status == CriterionStatus.NotMet && c.Finding!.Contains("12 visits requested on top of 6 completed", StringComparison.Ordinal));
        Assert.Contains("cannot cut it down", determination.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_Evidence_PointsAtTheDocumentText()
    {
        var @case = SyntheticCase(SixSessionsWithGains, "Additional physical therapy 2 times a week for 2 weeks for the lumbar spine");

        var determination = ReviewOne(@case);

        var evidence = determination.Criteria.SelectMany(c => c.Evidence).ToList();
        Assert.NotEmpty(evidence);
        Assert.All(evidence, span => Assert.Equal(span.Quote, @case.Documents[span.Document].Text![span.Start..span.End]));
    }

    [Fact]
    public void Review_ServiceTheLibraryDoesNotCover_GivesNoRecommendationWithReason()
    {
        var determination = ReviewOne(SyntheticCase(SixSessionsWithGains, "Somatosensory evoked potentials of the lower extremities"));

        Assert.Equal(Decision.NoRecommendation, determination.Decision);
        Assert.Null(determination.Guideline);
        Assert.False(string.IsNullOrWhiteSpace(determination.Basis));
        Assert.Contains("physician reviewer must decide", determination.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_RecordsTooThin_GivesNoRecommendation()
    {
        var determination = ReviewOne(SyntheticCase("Synthetic: back pain.", "Physical therapy 2 times a week for 3 weeks for the lumbar spine"));

        Assert.Equal(Decision.NoRecommendation, determination.Decision);
        Assert.Contains("too little clinical information", determination.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_PostOperativeServices_FollowTheSurgery()
    {
        var @case = SyntheticCase(SixSessionsWithoutOutcome, "Right shoulder arthroscopy with rotator cuff repair", "Associated surgical service: Shoulder sling");

        var review = Engine.Review(@case, [@case.Documents[0].Text!], Today);

        var surgery = review.Determinations[0];
        var sling = review.Determinations[1];
        Assert.StartsWith("surgery/", surgery.Service, StringComparison.Ordinal);
        var dependency = Assert.Single(sling.Criteria, c => c.Id == "dep.surgery-necessary");
        Assert.Equal(surgery.Decision == Decision.Overturned ? CriterionStatus.Met : CriterionStatus.NotMet, dependency.Status);
        if (surgery.Decision == Decision.Upheld)
        {
            Assert.Equal(Decision.Upheld, sling.Decision);
        }
    }

    [Fact]
    public void Review_GuidelineVersion_FollowsTheUrDecisionDate()
    {
        const string request = "Physical therapy 2 times a week for 3 weeks for the lumbar spine";
        var in2015 = SyntheticCase(SixSessionsWithoutOutcome, request) with { Dates = new CaseDates { Injury = new DateOnly(2015, 1, 5), UrDenial = new DateOnly(2015, 6, 1) } };
        var in2016 = SyntheticCase(SixSessionsWithoutOutcome, request);

        Assert.Equal("2009", ReviewOne(in2015).Guideline!.Edition);
        Assert.Equal("2016", ReviewOne(in2016).Guideline!.Edition);
    }

    [Fact]
    public void Review_DeterminationsFollowRequestOrder()
    {
        var @case = SyntheticCase(SixSessionsWithoutOutcome, "MRI of the lumbar spine", "Naproxen 550mg #60", "Chiropractic 2 times a week for 3 weeks, lumbar");

        var review = Engine.Review(@case, [@case.Documents[0].Text!], Today);

        Assert.Equal(@case.Requests.Select(r => r.Description), review.Determinations.Select(d => d.Request));
        Assert.Equal(["imaging/mri", "medication/nsaid", "physical-medicine/chiropractic"], review.Determinations.Select(d => d.Service));
    }

    private static Determination ReviewOne(string record, string request, DateOnly injury, DateOnly urDenial) =>
        ReviewOne(SyntheticCase(record, request) with { Dates = new CaseDates { Injury = injury, UrDenial = urDenial } });

    private static CriterionStatus StatusOf(Determination determination, string criterion) =>
        Assert.Single(determination.Criteria, c => c.Id == criterion).Status;

    [Fact]
    public void Review_KneeMriWithLockingAndEffusion_OverturnedWithoutWaitingForConservativeCare()
    {
        const string history = "Synthetic record. A 30-year-old man twisted his right knee while stepping off a loading dock at work and has worked modified duty since. ";
        const string signs = history + "The right knee locks and gives way, with a large effusion.";
        const string pain = history + "He has right knee pain with tenderness along the joint line.";
        var injury = new DateOnly(2016, 11, 1);
        var ur = new DateOnly(2016, 11, 20);

        var withSigns = ReviewOne(signs, "MRI of the right knee without contrast", injury, ur);
        var withoutSigns = ReviewOne(pain, "MRI of the right knee without contrast", injury, ur);

        Assert.Equal(Decision.Overturned, withSigns.Decision);
        Assert.DoesNotContain(withSigns.Criteria, c => c.Id == "img.knee.conservative-care-failed");
        Assert.Equal(Decision.Upheld, withoutSigns.Decision);
    }

    [Fact]
    public void Review_LumbarMriWithoutSurgeryInView_UpheldUntilSurgeryIsConsidered()
    {
        const string record = "Synthetic record. A 50-year-old woman has low back pain radiating to the left leg with decreased sensation in the L5 dermatome " +
            "and a positive straight leg raise. She has persistent pain despite physical therapy and home exercise for two months.";
        var injury = new DateOnly(2016, 8, 1);
        var ur = new DateOnly(2016, 11, 20);

        var noSurgery = ReviewOne(record, "MRI of the lumbar spine", injury, ur);
        var surgeryInView = ReviewOne(record + " She is a surgical candidate if a lesion is found.", "MRI of the lumbar spine", injury, ur);

        Assert.Equal(CriterionStatus.NotDocumented, StatusOf(noSurgery, "img.lumbar.surgery-considered"));
        Assert.Equal(Decision.Upheld, noSurgery.Decision);
        Assert.Equal(CriterionStatus.Met, StatusOf(surgeryInView, "img.lumbar.surgery-considered"));
        Assert.Equal(Decision.Overturned, surgeryInView.Decision);
    }

    [Fact]
    public void Review_ShoulderMriAfterFailedTherapy_OverturnedOnFailureToProgress()
    {
        const string record = "Synthetic record. A 50-year-old man strained his right shoulder lifting boxes. " +
            "His pain in the right shoulder goes on despite eight sessions of physical therapy and a home exercise program.";

        var determination = ReviewOne(record, "MRI of the right shoulder", new DateOnly(2016, 8, 1), new DateOnly(2016, 11, 20));

        Assert.Equal(Decision.Overturned, determination.Decision);
    }

    // A fracture of the foot says nothing about the elbow; hip films need a suspected bone or joint disease.
    [Theory]
    [InlineData("Synthetic record. A 40-year-old man fell from a ladder. X-rays showed a fracture of the right foot. He also reports right elbow pain.",
        "MRI of the right elbow", "img.elbow.specific-lesion")]
    [InlineData("Synthetic record. A 45-year-old man reports right hip soreness after prolonged standing at work, with tenderness over the hip.",
        "X-rays of the right hip", "img.hip.xray-indication")]
    public void Review_ImagingWithoutItsIndication_Upheld(string record, string request, string criterion)
    {
        var determination = ReviewOne(record, request, new DateOnly(2016, 10, 1), new DateOnly(2016, 11, 20));

        Assert.Equal(CriterionStatus.NotDocumented, StatusOf(determination, criterion));
        Assert.Equal(Decision.Upheld, determination.Decision);
    }

    [Fact]
    public void Review_CompoundingKit_JudgedAsACompoundWithItsIngredient()
    {
        var determination = ReviewOne(SyntheticCase(SixSessionsWithoutOutcome, "Fanatrex 25mg/ml oral suspension 420ml"));

        Assert.Equal("medication/compound", determination.Service);
        Assert.Equal(Decision.Upheld, determination.Decision);
        Assert.Contains(determination.Criteria, c => c.Finding?.Contains("gabapentin", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Review_NsaidForANewInjury_NotEstablishedUnderTheBurdenOfProof()
    {
        const string record = "Synthetic record. A 35-year-old woman strained her low back lifting a crate at work and has stayed on modified duty. " +
            "She is taking naproxen. Pain is rated 6/10 with tenderness of the lumbar paraspinal muscles.";
        var ur = new DateOnly(2016, 11, 20);

        var newInjury = ReviewOne(record, "Naproxen 550mg #60", new DateOnly(2016, 10, 1), ur);
        var oldInjury = ReviewOne(record, "Naproxen 550mg #60", new DateOnly(2015, 10, 1), ur);

        // No decisive criterion of the topic applies to a first course, so nothing establishes it: Upheld, never a silent Overturned.
        Assert.Equal(Decision.Upheld, newInjury.Decision);
        Assert.Equal(RecommendationStrength.NotEstablished, newInjury.Strength);
        Assert.Equal(Decision.Upheld, oldInjury.Decision);
        Assert.Equal(CriterionStatus.NotDocumented, StatusOf(oldInjury, "nsaid.benefit-if-continuing"));
    }

    [Fact]
    public void Review_NsaidContinuedWithMeasuredRelief_FlipsToOverturned()
    {
        const string without = "Synthetic record. A 35-year-old woman strained her low back lifting a crate at work a year ago. " +
            "She is taking naproxen daily and works modified duty. The lumbar paraspinal muscles are tender.";
        const string with = without + " Naproxen reduced her pain from 7/10 to 4/10 and she can finish her shifts on modified duty.";
        var ur = new DateOnly(2016, 11, 20);
        var injury = new DateOnly(2015, 10, 1);

        var upheld = ReviewOne(without, "Naproxen 550mg #60", injury, ur);
        var overturned = ReviewOne(with, "Naproxen 550mg #60", injury, ur);

        Assert.Equal(Decision.Upheld, upheld.Decision);
        Assert.Equal(Decision.Overturned, overturned.Decision);
        Assert.Equal(RecommendationStrength.MetWithEvidence, overturned.Strength);
        Assert.Equal(CriterionStatus.Met, StatusOf(overturned, "nsaid.benefit-if-continuing"));
    }

    [Fact]
    public void Review_LumbarMriDecidedIn2026_NoRecommendationNamingTheAcoemGuidelineInForce()
    {
        const string record = "Synthetic record. A 44-year-old man has low back pain with numbness down the left leg since a lifting injury at work. " +
            "Straight leg raising is positive on the left and the left ankle reflex is reduced. He works modified duty.";
        var @case = SyntheticCase(record, "MRI of the lumbar spine", "Acupuncture 6 sessions for the low back") with
        {
            Dates = new CaseDates { Injury = new DateOnly(2025, 11, 3), UrDenial = new DateOnly(2026, 2, 9) },
        };

        var review = Engine.Review(@case, @case.Documents.Select(d => d.Text ?? "").ToList(), Today);

        var mri = review.Determinations[0];
        Assert.Equal(Decision.NoRecommendation, mri.Decision);
        Assert.Null(mri.Strength);
        Assert.Equal(("MTUS", "Low Back Disorders", "ACOEM 2020"), (mri.Guideline?.Source, mri.Guideline?.Title, mri.Guideline?.Edition));
        Assert.Contains("governs this request; its criteria are not encoded in this library", mri.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("no guideline", mri.Rationale, StringComparison.OrdinalIgnoreCase);
        // The acupuncture regulation of 2007 stays in force, with its criteria.
        var acupuncture = review.Determinations[1];
        Assert.Equal("Acupuncture Medical Treatment Guidelines", acupuncture.Guideline?.Title);
        Assert.NotEmpty(acupuncture.Criteria);
    }

    [Fact]
    public void Review_ThinRecordsForACoveredService_SaysWhyWithoutDenyingTheGuideline()
    {
        var determination = ReviewOne(SyntheticCase("Synthetic note. Back pain.", "Naproxen 550mg #60"));

        Assert.Equal(Decision.NoRecommendation, determination.Decision);
        Assert.NotNull(determination.Guideline);
        Assert.Contains("too little clinical information", determination.Rationale, StringComparison.Ordinal);
        Assert.DoesNotContain("no guideline", determination.Rationale, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Review_AnticonvulsantAlreadyTaken_NeedsItsResponseEvenWithoutADuration()
    {
        // CPMTG p.16-17: a first trial for neuropathic pain is recommended; continuing it needs the documented response.
        // A drug the records show already taken is continued use, whether or not they say for how long.
        const string firstTrial = "Synthetic record. A 48-year-old man has low back pain with a lumbar radiculopathy on the left since a fall at work. " +
            "Numbness follows the left L5 dermatome. He works modified duty.";
        const string continuing = firstTrial + " He takes gabapentin three times a day.";

        var trial = ReviewOne(SyntheticCase(firstTrial, "Gabapentin 300mg #90"));
        var continued = ReviewOne(SyntheticCase(continuing, "Gabapentin 300mg #90"));

        Assert.Equal(Decision.Overturned, trial.Decision);
        Assert.DoesNotContain(trial.Criteria, c => c.Id == "aed.response-if-continuing");
        Assert.Equal(Decision.Upheld, continued.Decision);
        Assert.Equal(CriterionStatus.NotDocumented, StatusOf(continued, "aed.response-if-continuing"));
        Assert.Contains(continued.Criteria, c => c.Id == "aed.response-if-continuing" && c.Evidence.Count > 0);
    }

    [Fact]
    public void Review_JudgementQuestionDecisive_UpheldAndNamedForTheReviewer()
    {
        // Home health: whether the patient is homebound is a question the engine cannot answer (CPMTG p.51).
        const string record = "Synthetic record. A 70-year-old man with a lumbar strain lives alone and uses a walker indoors. " +
            "His pain is rated 7/10 and he is on temporary total disability.";

        var determination = ReviewOne(SyntheticCase(record, "Home health aide 4 hours per day, 3 days a week for 4 weeks"));

        Assert.Equal(Decision.Upheld, determination.Decision);
        Assert.Equal(RecommendationStrength.NotEstablished, determination.Strength);
        Assert.Contains(determination.Criteria, c => c.Status == CriterionStatus.NotDocumented
            && c.Finding?.StartsWith("a question for the physician reviewer", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Review_TopicWithoutEncodedCriteria_NoRecommendationNamingTheGuideline()
    {
        // The CPMTG exercise topic (p.46-47) is in the library without criteria: the library cannot judge it, and says so.
        var determination = ReviewOne(SyntheticCase(SixSessionsWithGains, "Home exercise program"));

        Assert.Equal(Decision.NoRecommendation, determination.Decision);
        Assert.Null(determination.Strength);
        Assert.Contains("encodes none of its criteria", determination.Rationale, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Physical therapy for the lumbar spine")]
    [InlineData("Chiropractic care for the lumbar spine")]
    public void Review_NoNumberOfVisits_NotEstablished(string request)
    {
        const string record = "Synthetic record. A 40-year-old woman strained her low back at work two months ago. " +
            "The lumbar paraspinal muscles are tender with spasm. She has had no therapy so far and works modified duty.";

        var determination = ReviewOne(SyntheticCase(record, request) with { Dates = new CaseDates { Injury = new DateOnly(2016, 9, 1), UrDenial = new DateOnly(2016, 11, 20) } });

        Assert.Equal(Decision.Upheld, determination.Decision);
        Assert.Contains(determination.Criteria, c => c.Id.Contains(".qty.", StringComparison.Ordinal) && c.Status == CriterionStatus.NotDocumented
            && c.Finding?.Contains("does not state how many", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Review_PriorVisitsUncounted_NotEstablishedAndCountedFlipsIt()
    {
        const string uncounted = "Synthetic record. A 40-year-old woman with a lumbar strain from lifting. She has had physical therapy for the lumbar spine. " +
            "The therapist measured her lifting tolerance increased from 10 to 20 pounds. She works modified duty.";
        const string counted = "Synthetic record. A 40-year-old woman with a lumbar strain from lifting. She has had 2 sessions of physical therapy for the lumbar spine. " +
            "The therapist measured her lifting tolerance increased from 10 to 20 pounds. She works modified duty.";
        const string request = "Physical therapy 2 times a week for 3 weeks for the lumbar spine";

        var unknown = ReviewOne(SyntheticCase(uncounted, request));
        var known = ReviewOne(SyntheticCase(counted, request));

        Assert.Equal(Decision.Upheld, unknown.Decision);
        Assert.Contains(unknown.Criteria, c => c.Finding?.Contains("not how many", StringComparison.Ordinal) == true);
        Assert.Equal(Decision.Overturned, known.Decision);
    }

    [Fact]
    public void Review_AuthorisedVisitsCountTowardTheLimit_Upheld()
    {
        const string within = "Synthetic record. A 40-year-old woman with a lumbar strain from lifting, no therapy yet. She works modified duty and the paraspinal muscles are tender.";
        const string authorised = within + " Utilization review authorized 6 sessions of physical therapy last month.";
        const string request = "Physical therapy 2 times a week for 3 weeks for the lumbar spine";

        Assert.Equal(Decision.Overturned, ReviewOne(SyntheticCase(within, request)).Decision);
        var counted = ReviewOne(SyntheticCase(authorised, request));
        Assert.Equal(Decision.Upheld, counted.Decision);
    }

    [Fact]
    public void Review_FrequencyRange_JudgedAtItsTop()
    {
        // "1-2 times a week for 6 weeks" asks for up to 12 visits, above the 10 the myalgia course allows (CPMTG p.99).
        const string record = "Synthetic record. A 40-year-old woman with a lumbar strain from lifting, no therapy yet. She works modified duty and the paraspinal muscles are tender.";

        var range = ReviewOne(SyntheticCase(record, "Physical therapy 1-2 times a week for 6 weeks for the lumbar spine"));
        var low = ReviewOne(SyntheticCase(record, "Physical therapy 1 time a week for 6 weeks for the lumbar spine"));

        Assert.Equal(Decision.Upheld, range.Decision);
        Assert.Equal(RecommendationStrength.NotMet, range.Strength);
        Assert.Equal(Decision.Overturned, low.Decision);
    }

    [Fact]
    public void Review_PhysicalTherapyWithoutADiagnosisTheCoursesName_NotEstablished()
    {
        const string vague = "Synthetic record. A 40-year-old woman reports pain in the low back after lifting at work, no therapy yet. She works modified duty.";
        const string strain = "Synthetic record. A 40-year-old woman has a lumbar strain after lifting at work, no therapy yet. She works modified duty.";
        const string request = "Physical therapy 2 times a week for 3 weeks for the lumbar spine";

        Assert.Equal(Decision.Upheld, ReviewOne(SyntheticCase(vague, request)).Decision);
        Assert.Equal(Decision.Overturned, ReviewOne(SyntheticCase(strain, request)).Decision);
    }

    [Fact]
    public void Review_AdditionalTherapyWithoutPriorSessionsRecognised_StillNeedsFunctionalImprovement()
    {
        const string record = "Synthetic record. A 40-year-old woman has a lumbar strain after lifting at work. She works modified duty and the paraspinal muscles are tender.";

        var additional = ReviewOne(SyntheticCase(record, "Additional physical therapy 2 times a week for 3 weeks for the lumbar spine"));

        Assert.Equal(Decision.Upheld, additional.Decision);
        Assert.Equal(CriterionStatus.NotDocumented, StatusOf(additional, "pm.functional-improvement"));
    }

    [Fact]
    public void Review_ReportedGainWithoutMeasure_IsNotFunctionalImprovement()
    {
        const string reported = "Synthetic record. A 40-year-old woman with a lumbar strain has completed 4 sessions of physical therapy for the lumbar spine and says it helped. She works modified duty.";
        const string measured = "Synthetic record. A 40-year-old woman with a lumbar strain has completed 4 sessions of physical therapy for the lumbar spine; her sitting tolerance increased from 20 to 45 minutes. She works modified duty.";
        const string request = "Additional physical therapy 2 times a week for 2 weeks for the lumbar spine";

        Assert.Equal(Decision.Upheld, ReviewOne(SyntheticCase(reported, request)).Decision);
        Assert.Equal(Decision.Overturned, ReviewOne(SyntheticCase(measured, request)).Decision);
    }

    [Fact]
    public void Review_CareGivenAndComplaintLastingOn_ConservativeCareFailed()
    {
        // ACOEM shoulder (MTUS 2009 p.207-209): imaging after failure to progress with conservative care.
        const string lasting = "Synthetic record. A 50-year-old man with a right shoulder strain from lifting. He completed physical therapy for the shoulder. " +
            "His pain in the right shoulder persists, with weakness on resisted abduction and a positive impingement sign.";
        const string planned = "Synthetic record. A 50-year-old man with a right shoulder strain from lifting. Physical therapy for the shoulder is planned. " +
            "His pain in the right shoulder persists, with weakness on resisted abduction and a positive impingement sign.";
        const string request = "MRI of the right shoulder";
        var injury = new DateOnly(2016, 8, 1);
        var ur = new DateOnly(2016, 11, 20);

        var given = ReviewOne(lasting, request, injury, ur);
        var notGiven = ReviewOne(planned, request, injury, ur);

        Assert.Equal(CriterionStatus.Met, StatusOf(given, "img.shoulder.conservative-care-failed"));
        Assert.NotEqual(CriterionStatus.Met, StatusOf(notGiven, "img.shoulder.conservative-care-failed"));
    }

    [Fact]
    public void Review_DiagnosisOfAnotherRegion_DoesNotSupportTheRequest()
    {
        // A wrist splint needs a wrist condition (ACOEM hand, MTUS 2009); a neck sprain is no reason for it.
        const string neck = "Synthetic record. A 38-year-old woman has a cervical sprain from a fall at work and wrist pain without a diagnosis. She works full duty.";
        const string wrist = "Synthetic record. A 38-year-old woman has a right wrist sprain from a fall at work. She works full duty and the wrist is tender.";

        Assert.NotEqual(Decision.Overturned, ReviewOne(SyntheticCase(neck, "Right wrist brace")).Decision);
        Assert.Equal(Decision.Overturned, ReviewOne(SyntheticCase(wrist, "Right wrist brace")).Decision);
    }

    [Fact]
    public void Review_ServiceOfAnUpheldSurgeryWithoutATopic_UpheldByDependencyFirst()
    {
        const string record = "Synthetic record. A 45-year-old man has right knee pain for two weeks after kneeling at work. No imaging has been done and no therapy tried.";
        var @case = SyntheticCase(record, "Right knee arthroscopy with partial meniscectomy", "Assistant surgeon for the knee arthroscopy");

        var review = Engine.Review(@case, [record], Today);

        Assert.Equal(Decision.Upheld, review.Determinations[0].Decision);
        Assert.Equal(Decision.Upheld, review.Determinations[1].Decision);
        Assert.Equal(CriterionStatus.NotMet, StatusOf(review.Determinations[1], "dep.surgery-necessary"));
    }

    [Fact]
    public void Review_PostoperativeOpioidWithoutAnAmount_NotEstablished()
    {
        const string record = "Synthetic record. A 45-year-old man is scheduled for a right shoulder arthroscopy next month; the surgery is approved. " +
            "He takes no opioids now and works modified duty.";

        var open = ReviewOne(SyntheticCase(record, "Post-op oxycodone 5mg"));
        var stated = ReviewOne(SyntheticCase(record, "Post-op oxycodone 5mg #20"));

        Assert.Equal(Decision.Upheld, open.Decision);
        Assert.Equal(CriterionStatus.NotDocumented, StatusOf(open, "op16.postop-amount-stated"));
        Assert.Equal(CriterionStatus.Met, StatusOf(stated, "op16.postop-amount-stated"));
    }

    [Fact]
    public void Review_WordsTheCatalogueCannotPlace_NoRecommendationNamingThem()
    {
        var determination = ReviewOne(SyntheticCase(SixSessionsWithGains, "Zorblax widget fitting"));

        Assert.Equal(Decision.NoRecommendation, determination.Decision);
        Assert.Contains("Zorblax widget fitting", determination.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Review_NerveSymptomsLastingAMonth_ElectrodiagnosticsSupportedUnlessGettingBetter()
    {
        // ACOEM (MTUS 2009) Neck and Upper Back p.178: EMG and NCV for arm symptoms lasting more than three or four weeks.
        const string lasting = "Synthetic record. A 44-year-old woman strained her neck at work. She has numbness in the right hand and fingers, " +
            "and decreased sensation in the right thumb and index finger on examination. She works modified duty.";
        const string improving = lasting + " Her symptoms are better and she feels improved.";
        var injury = new DateOnly(2016, 9, 1);
        var ur = new DateOnly(2016, 11, 20);

        var supported = ReviewOne(lasting, "EMG/NCS of the right upper extremity", injury, ur);
        var resolving = ReviewOne(improving, "EMG/NCS of the right upper extremity", injury, ur);
        var early = ReviewOne(lasting, "EMG/NCS of the right upper extremity", new DateOnly(2016, 11, 1), ur);

        Assert.Equal(Decision.Overturned, supported.Decision);
        Assert.Equal(Decision.Upheld, resolving.Decision);
        Assert.Equal(Decision.Upheld, early.Decision);
    }

    [Fact]
    public void Review_RedFlagLaterRuledOut_DoesNotSupportImaging()
    {
        // ACOEM hand (MTUS 2009 p.268-269): imaging for a red flag such as infection; the later examination decides.
        const string current = "Synthetic record. A 50-year-old man cut his right thumb at work two weeks ago. The wound shows an infection with redness and swelling.";
        const string ruledOut = current + " At follow-up the wound is clean, with no sign of infection.";
        var injury = new DateOnly(2016, 11, 1);
        var ur = new DateOnly(2016, 11, 20);

        Assert.Equal(CriterionStatus.Met, StatusOf(ReviewOne(current, "MRI of the right hand", injury, ur), "img.hand.red-flag-or-conservative-care-failed"));
        Assert.NotEqual(CriterionStatus.Met, StatusOf(ReviewOne(ruledOut, "MRI of the right hand", injury, ur), "img.hand.red-flag-or-conservative-care-failed"));
    }

    [Fact]
    public void Review_FirstManipulationTrial_NeedsAMusculoskeletalCondition()
    {
        // CPMTG p.58-59: manipulation for pain from musculoskeletal conditions, a trial of up to 6 visits over 2 weeks.
        const string strain = "Synthetic record. A 39-year-old man has a lumbar strain from lifting at work, with spasm of the paraspinal muscles. No manipulation has been given yet.";
        const string vague = "Synthetic record. A 39-year-old man reports pain in the low back after lifting at work. No manipulation has been given yet.";
        const string request = "Chiropractic manipulation 3 times a week for 2 weeks for the lumbar spine";

        Assert.Equal(Decision.Overturned, ReviewOne(SyntheticCase(strain, request)).Decision);
        Assert.Equal(Decision.Upheld, ReviewOne(SyntheticCase(vague, request)).Decision);
        Assert.Equal(Decision.Upheld, ReviewOne(SyntheticCase(strain, "Chiropractic manipulation 3 times a week for 4 weeks for the lumbar spine")).Decision);
    }

    [Fact]
    public void Review_ProtonPumpInhibitor_OnlyWithAnNsaidTaken()
    {
        // CPMTG p.68-69: a PPI protects a patient at gastrointestinal risk who takes an NSAID.
        const string withNsaid = "Synthetic record. A 70-year-old man with a lumbar strain takes naproxen twice a day and had a bleeding ulcer years ago. He works modified duty.";
        const string without = "Synthetic record. A 70-year-old man with a lumbar strain takes no anti-inflammatory drug and had a bleeding ulcer years ago. He works modified duty.";

        var protecting = ReviewOne(SyntheticCase(withNsaid, "Omeprazole 20mg #30"));
        var alone = ReviewOne(SyntheticCase(without, "Omeprazole 20mg #30"));

        Assert.Equal(CriterionStatus.Met, StatusOf(protecting, "ppi.nsaid-in-use"));
        Assert.Equal(Decision.Upheld, alone.Decision);
        Assert.NotEqual(CriterionStatus.Met, StatusOf(alone, "ppi.nsaid-in-use"));
    }

    [Fact]
    public void Review_MuscleRelaxant_NeedsAFlareUpOrANewInjury()
    {
        // CPMTG p.63: short-term treatment of acute exacerbations; spasm in a long-standing case is not a flare-up.
        const string spasm = "Synthetic record. A 52-year-old woman has had low back pain since a lifting injury. There is spasm of the lumbar paraspinal muscles. She works full duty.";
        const string flare = spasm + " She describes an acute flare-up of the back pain this week.";
        var longAgo = new DateOnly(2015, 3, 1);
        var ur = new DateOnly(2016, 11, 20);

        Assert.Equal(CriterionStatus.NotDocumented, StatusOf(ReviewOne(spasm, "Cyclobenzaprine 7.5mg #20", longAgo, ur), "mr.acute-exacerbation"));
        Assert.Equal(CriterionStatus.Met, StatusOf(ReviewOne(flare, "Cyclobenzaprine 7.5mg #20", longAgo, ur), "mr.acute-exacerbation"));
        Assert.Equal(CriterionStatus.Met, StatusOf(ReviewOne(spasm, "Cyclobenzaprine 7.5mg #20", new DateOnly(2016, 10, 1), ur), "mr.acute-exacerbation"));
    }

    [Fact]
    public void Review_NoncertifiedRequest_IsNotAnAuthorisedPortion()
    {
        const string record = "Synthetic record. A 45-year-old man strained his low back. " +
            "A request for six sessions of physical therapy for the lumbar spine was noncertified by utilization review.";

        var determination = ReviewOne(record, "Physical therapy 2 times a week for 3 weeks for the lumbar spine", new DateOnly(2016, 10, 1), new DateOnly(2016, 11, 20));

        Assert.DoesNotContain(determination.Criteria, c => c.Id == "pm.authorized-course-outcome");
    }

    [Fact]
    public void Review_TherapyBeforeAnApprovedSurgery_DoesNotMakeThePostoperativeCourseSubsequent()
    {
        const string record = "Synthetic record. A 30-year-old man dislocated his left shoulder at work. The shoulder remains unstable with apprehension " +
            "despite physical therapy. Physical therapy has not restored strength.";
        var dates = new CaseDates { Injury = new DateOnly(2016, 9, 1), UrDenial = new DateOnly(2016, 11, 20) };
        var @case = SyntheticCase(record, "Left shoulder arthroscopy with stabilization", "Associated surgical service: Physical therapy, times 12") with { Dates = dates };

        var review = Engine.Review(@case, [record], Today);

        Assert.Equal(Decision.Overturned, review.Determinations[0].Decision);
        var therapy = review.Determinations[1];
        Assert.Equal(CriterionStatus.Met, StatusOf(therapy, "dep.surgery-necessary"));
        Assert.Equal(CriterionStatus.Met, StatusOf(therapy, "ps.surgery-done-or-approved"));
        Assert.DoesNotContain(therapy.Criteria, c => c.Id == "ps.functional-improvement-for-subsequent");
    }

    [Fact]
    public void Review_KneeArthroscopyWithoutAnExerciseProgramme_UpheldUntilTherapyHasFailed()
    {
        const string lesion = "Synthetic record. A 50-year-old man twisted his right knee at work. An MRI of the right knee showed a medial meniscus tear. ";
        const string restOnly = lesion + "Treatment has included rest, activity modification and medications, and conservative care has failed.";
        const string therapyFailed = lesion + "He has persistent knee pain despite physical therapy and a home exercise program.";
        var injury = new DateOnly(2016, 8, 1);
        var ur = new DateOnly(2016, 11, 20);

        var withoutTherapy = ReviewOne(restOnly, "Right knee arthroscopy with partial meniscectomy", injury, ur);
        var afterTherapy = ReviewOne(therapyFailed, "Right knee arthroscopy with partial meniscectomy", injury, ur);

        Assert.Equal(CriterionStatus.NotDocumented, StatusOf(withoutTherapy, "surg.knee.conservative-care-failed"));
        Assert.Equal(Decision.Upheld, withoutTherapy.Decision);
        Assert.Equal(CriterionStatus.Met, StatusOf(afterTherapy, "surg.knee.conservative-care-failed"));
    }

    [Theory]
    [InlineData("Electrical stimulation 2 times a week for 4 weeks for the lumbar spine", "TENS, chronic pain (transcutaneous electrical nerve stimulation)")]
    [InlineData("Retrospective E-stim to the low back", "TENS, chronic pain (transcutaneous electrical nerve stimulation)")]
    [InlineData("Massage 2 times a week for 4 weeks for the lumbar spine", "Massage therapy")]
    public void Review_ElectrotherapyAsAModality_JudgedByTheElectrotherapySection(string request, string section)
    {
        var determination = ReviewOne(SyntheticCase(SixSessionsWithoutOutcome, request));

        Assert.Equal(section, determination.Guideline?.Section);
    }

    [Theory]
    [InlineData("NCV of the bilateral lower extremities", CriterionStatus.NotMet)]
    [InlineData("NCS of the left lower extremity", CriterionStatus.NotMet)]
    [InlineData("NCS of the right upper extremity", CriterionStatus.Met)]
    public void Review_NerveConductionOfTheLegs_NotRecommended(string request, CriterionStatus expected)
    {
        var determination = ReviewOne(SyntheticCase(SixSessionsWithoutOutcome + " There is numbness in the feet and hands.", request));

        Assert.Equal(expected, StatusOf(determination, "eds.no-lower-extremity-ncs"));
    }
}
