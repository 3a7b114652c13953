using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

// All clinical text here is synthetic, written in the style of IMR clinical case summaries.
public class FactExtractorTests
{
    private static readonly DateOnly AsOf = new(2017, 1, 15);

    private static IReadOnlyList<ClinicalFact> Extract(string text) => FactExtractor.Extract(text, 0, AsOf);

    private static ClinicalFact Single(string text, string kind) => Assert.Single(Extract(text), f => f.Kind == kind);

    [Theory]
    [InlineData("Our kiln operator, a 49 year old male, lifts clay bags.", 49, "male")]
    [InlineData("The beekeeper, a 63-year-old female, tends forty hives.", 63, "female")]
    [InlineData("The ferry clerk is a now 29-year-old female who rows.", 29, "female")]
    [InlineData("A 42-year-old male ropemaker, per the intake clerk.", 42, "male")]
    public void Extract_AgeAndSex_Found(string text, int age, string sex)
    {
        Assert.Equal(age, Single(text, FactKinds.PatientAge).Number);
        Assert.Equal(sex, Single(text, FactKinds.PatientSex).Value);
    }

    [Fact]
    public void Extract_SexWithoutAge_Sex()
    {
        Assert.Equal("female", Single("The night baker is a woman who scalded a forearm at work.", FactKinds.PatientSex).Value);
        Assert.DoesNotContain(Extract("The night baker is a woman who scalded a forearm at work."), f => f.Kind == FactKinds.PatientAge);
    }

    [Theory]
    [InlineData("The roofer's date of injury is listed as 2/27/2012.", 2012, 2, 27)]
    [InlineData("The clerk gives an injury date of 09/02/13.", 2013, 9, 2)]
    [InlineData("6/7/13 is the date of injury for the kiln burn.", 2013, 6, 7)]
    [InlineData("Hip soreness tied to a warehouse injury of June 3, 2014.", 2014, 6, 3)]
    [InlineData("The glazier hurt himself in a workplace injury on 11-02-2016.", 2016, 11, 2)]
    [InlineData("The florist's workplace injury on 10-14-16 involved a ladder.", 2016, 10, 14)]
    [InlineData("Intake lists a vocal cord strain, with a claim from 10/12/2016.", 2016, 10, 12)]
    [InlineData("DOI: 3/4/2014.", 2014, 3, 4)]
    [InlineData("Intake lists a vocal cord strain, with a claim from 10/15/\n2016.", 2016, 10, 15)]
    public void Extract_InjuryDate_Found(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Single(text, FactKinds.InjuryDate).Date);

    [Fact]
    public void Extract_VisitDate_NotInjuryDate() =>
        Assert.DoesNotContain(Extract("The injured worker was seen on 11/30/2016 for follow-up."), f => f.Kind == FactKinds.InjuryDate);

    [Fact]
    public void Extract_SessionsWithTherapy_NumberOnTherapy()
    {
        var fact = Single("The luthier has had six (6) aquatic therapy sessions so far.", FactKinds.TreatmentPhysicalTherapy);
        Assert.Equal(6, fact.Number);
        Assert.Equal(FactStatus.Affirmed, fact.Status);
    }

    [Theory]
    [InlineData("Synthetic note: she says the therapy helped and she feels better.")]
    [InlineData("Synthetic note: he reports improvement after the sessions.")]
    public void Extract_GainReportedWithoutMeasure_ReportedNotFunctionalImprovement(string text)
    {
        var facts = Extract(text);
        Assert.Contains(facts, f => f.Kind == FactKinds.ResponseReportedImprovement && f.Status == FactStatus.Affirmed);
        Assert.DoesNotContain(facts, f => f.Kind == FactKinds.ResponseFunctionalImprovement && f.Status == FactStatus.Affirmed);
    }

    [Theory]
    [InlineData("Synthetic note: after therapy her lifting tolerance increased from 10 to 20 pounds.")]
    [InlineData("Synthetic note: with therapy he returned to work at modified duty.")]
    public void Extract_GainMeasuredOrAtWork_FunctionalImprovement(string text) =>
        Assert.Contains(Extract(text), f => f.Kind == FactKinds.ResponseFunctionalImprovement && f.Status == FactStatus.Affirmed);

    [Theory]
    [InlineData("Synthetic note: her left knee pain is persistent.", FactStatus.Affirmed)]
    [InlineData("Synthetic note: the neck pain continues at night.", FactStatus.Affirmed)]
    [InlineData("Synthetic note: she denies ongoing pain in the knee.", FactStatus.Negated)]
    public void Extract_ComplaintLastingOn_SymptomPersistent(string text, FactStatus expected) =>
        Assert.Equal(expected, Extract(text).First(f => f.Kind == FactKinds.SymptomPersistent).Status);

    [Fact]
    public void Extract_SessionsInLaterSentence_CarriedToTherapy()
    {
        var facts = Extract("The piper tried acupuncture. She went to 12 sessions and felt some improvement.");
        Assert.Contains(facts, f => f.Kind == FactKinds.TreatmentAcupuncture && f.Number == 12 && f.Status == FactStatus.Affirmed);
        Assert.Contains(facts, f => f.Kind == FactKinds.ResponseReportedImprovement && f.Status == FactStatus.Affirmed);
    }

    [Fact]
    public void Extract_ScoreBeforeTreatment_NotSessions() =>
        Assert.DoesNotContain(Extract("The ache scored 7 out of 10, prior acupuncture treatments aside."), f => f.Number == 10);

    [Fact]
    public void Extract_PtAbbreviation_PhysicalTherapyWithSessions() =>
        Assert.Contains(Extract("The skater started PT on Monday with 4 sessions left."), f => f.Kind == FactKinds.TreatmentPhysicalTherapy && f.Number == 4);

    [Fact]
    public void Extract_Percentage_NotSessions() =>
        Assert.DoesNotContain(Extract("The rink gives a 25% therapy visit discount to skaters."), f => f.Number == 25);

    [Fact]
    public void Extract_SessionsWithoutTherapy_GenericSessions()
    {
        var fact = Single("So far the cooper has attended 12 sessions, with some improvement.", FactKinds.TreatmentSessions);
        Assert.Equal(12, fact.Number);
        Assert.Equal(FactStatus.Affirmed, fact.Status);
    }

    [Theory]
    [InlineData("The drummer put the ache at 3 out of 10.", 3)]
    [InlineData("The applicant reported pain at 7/10.", 7)]
    [InlineData("Pain scores of 7-8/10 were reported.", 8)]
    [InlineData("At worst the tuba player's ache hit 10/10 on Sunday.", 10)]
    public void Extract_PainScore_Number(string text, int score) =>
        Assert.Equal(score, Single(text, FactKinds.ResponsePainScore).Number);

    [Fact]
    public void Extract_PainWithAndWithoutMedication_BothScoresWithContext()
    {
        var facts = Extract("With medication he says 5/10; without medication, 8/10.").Where(f => f.Kind == FactKinds.ResponsePainScore).ToList();
        Assert.Equal(2, facts.Count);
        Assert.Equal(("with-medication", 5m), (facts[0].Value, facts[0].Number!.Value));
        Assert.Equal(("without-medication", 8m), (facts[1].Value, facts[1].Number!.Value));
        Assert.All(facts, f => Assert.Equal(FactStatus.Affirmed, f.Status));
    }

    [Fact]
    public void Extract_DateInText_NotPainScore() =>
        Assert.DoesNotContain(Extract("She was seen on 5/10/2016 and 3/10/16."), f => f.Kind == FactKinds.ResponsePainScore);

    [Theory]
    [InlineData("The plumber shows 5/5 motor strength in both arms.", FactStatus.Negated, 5)]
    [InlineData("The plumber's left great toe extension strength is 4/5.", FactStatus.Affirmed, 4)]
    public void Extract_MotorStrength_Weakness(string text, FactStatus status, int grade)
    {
        var fact = Single(text, FactKinds.NeuroWeakness);
        Assert.Equal(status, fact.Status);
        Assert.Equal(grade, fact.Number);
    }

    [Theory]
    [InlineData("The applicant remains on temporary total disability.", WorkStatuses.TemporarilyTotallyDisabled)]
    [InlineData("Baker's orders: return to work with restrictions, kneading only.", WorkStatuses.ModifiedDuty)]
    [InlineData("He has returned to work full duty.", WorkStatuses.FullDuty)]
    [InlineData("The applicant is not working.", WorkStatuses.OffWork)]
    [InlineData("The applicant is retired.", WorkStatuses.Retired)]
    [InlineData("She was declared permanent and stationary.", WorkStatuses.PermanentAndStationary)]
    public void Extract_WorkStatus_Value(string text, string value) =>
        Assert.Contains(Extract(text), f => f.Kind == FactKinds.WorkStatus && f.Value == value && f.Status == FactStatus.Affirmed);

    [Fact]
    public void Extract_Medication_DrugAndOpioid()
    {
        var facts = Extract("Current medications include Norco and naproxen.");
        Assert.Contains(facts, f => f.Kind == FactKinds.TreatmentMedication && f.Value == "norco");
        Assert.Contains(facts, f => f.Kind == FactKinds.TreatmentMedication && f.Value == "naproxen");
        Assert.Contains(facts, f => f.Kind == FactKinds.MedicationOpioid && f.Value == "norco");
        Assert.DoesNotContain(facts, f => f.Kind == FactKinds.MedicationOpioid && f.Value == "naproxen");
    }

    [Theory]
    [InlineData("The applicant has been using Norco for at least 6 months.", 6)]
    [InlineData("He has taken tramadol for 2 years.", 24)]
    [InlineData("She has been on Norco since 01/10/2016.", 12)]
    public void Extract_MedicationDuration_Months(string text, int months)
    {
        var fact = Single(text, FactKinds.MedicationDuration);
        Assert.Equal(months, fact.Number);
    }

    [Fact]
    public void Extract_StatusPostSurgery_ValueAndDate()
    {
        var fact = Single("The applicant is status post right shoulder arthroscopy on 06/15/2016.", FactKinds.DiagnosisPostoperative);
        Assert.Equal("right shoulder arthroscopy", fact.Value);
        Assert.Equal(new DateOnly(2016, 6, 15), fact.Date);
    }

    [Fact]
    public void Extract_ImagingWithRegion_ModalityRegionAndDate()
    {
        var fact = Single("An MRI of the left knee dated 09/01/2016 showed a meniscal tear.", FactKinds.ImagingPrior);
        Assert.Equal("mri", fact.Value);
        Assert.Equal(BodyRegions.Knee, fact.Region);
        Assert.Equal(Laterality.Left, fact.Laterality);
        Assert.Equal(new DateOnly(2016, 9, 1), fact.Date);
        Assert.Contains(Extract("An MRI of the left knee dated 09/01/2016 showed a meniscal tear."), f => f.Kind == FactKinds.DiagnosisTear && f.Value == "meniscus");
    }

    [Theory]
    [InlineData("She underwent a lumbar epidural steroid injection on 05/01/2016.", FactKinds.TreatmentInjection, "epidural-steroid")]
    [InlineData("Prior treatment included facet blocks.", FactKinds.TreatmentInjection, "facet")]
    [InlineData("He had a right carpal tunnel release in 2015.", FactKinds.TreatmentSurgery, "carpal-tunnel-release")]
    [InlineData("She is status post L4-5 fusion.", FactKinds.TreatmentSurgery, "spine")]
    public void Extract_ProcedureType_Value(string text, string kind, string value) =>
        Assert.Contains(Extract(text), f => f.Kind == kind && f.Value == value);

    [Fact]
    public void Extract_BodyRegion_WithLaterality()
    {
        var fact = Assert.Single(Extract("She complains of left shoulder pain."), f => f.Kind == FactKinds.BodyRegion);
        Assert.Equal(BodyRegions.Shoulder, fact.Value);
        Assert.Equal(Laterality.Left, fact.Laterality);
    }

    [Fact]
    public void Extract_HardWrappedDocument_EvidenceIndexesOriginal()
    {
        const string Text = "CLINICAL CASE SUMMARY\n\nThe cooper went to 12 sessions of physical\ntherapy.  Her chart shows no\nsign of functional\nimprovement.\n\n2\n\nShe is not working.";
        var facts = FactExtractor.Extract(Text, 3, AsOf);
        var therapy = Assert.Single(facts, f => f.Kind == FactKinds.TreatmentPhysicalTherapy);
        Assert.Equal(12, therapy.Number);
        Assert.NotNull(therapy.Evidence);
        Assert.Equal(3, therapy.Evidence.Document);
        Assert.Equal(Text[therapy.Evidence.Start..therapy.Evidence.End], therapy.Evidence.Quote);
        Assert.StartsWith("The cooper went to", therapy.Evidence.Quote, StringComparison.Ordinal);
        Assert.EndsWith("physical\ntherapy.", therapy.Evidence.Quote, StringComparison.Ordinal);

        var improvement = Assert.Single(facts, f => f.Kind == FactKinds.ResponseFunctionalImprovement);
        Assert.Equal(FactStatus.Negated, improvement.Status);
        Assert.Equal("Her chart shows no\nsign of functional\nimprovement.", improvement.Evidence!.Quote);
        Assert.All(facts.Where(f => f.Evidence is not null), f => Assert.Equal(Text[f.Evidence!.Start..f.Evidence.End], f.Evidence.Quote));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("   \n\n  ")]
    [InlineData("/10 /5 #")]
    public void Extract_Degenerate_NoFactsNoThrow(string? text) =>
        Assert.Empty(FactExtractor.Extract(text, 0, AsOf));

    [Theory]
    [InlineData("Synthetic: he reports persistent shoulder pain despite physical therapy.")]
    [InlineData("Synthetic: her neck pain did not improve with chiropractic care and medication.")]
    public void Extract_CareNamedAndItsFailureStated_ConservativeCareFailed(string text) =>
        Assert.Equal(FactStatus.Affirmed, Extract(text).First(f => f.Kind == FactKinds.ConservativeCareFailed).Status);

    [Theory]
    [InlineData("Synthetic note: the right knee gives way on stairs and there is locking.")]
    [InlineData("Synthetic note: examination shows a moderate effusion of the left knee.")]
    [InlineData("Synthetic note: since the ladder slip the tiler is unable to bear weight through the right heel.")]
    [InlineData("Synthetic note: the shoulder remains unstable with apprehension in abduction.")]
    public void Extract_MechanicalJointSigns_JointDerangementRedFlag(string text)
    {
        var signs = Extract(text).Where(f => f.Kind == FactKinds.RedFlagJointDerangement).ToList();

        Assert.NotEmpty(signs);
        Assert.All(signs, f => Assert.Equal(FactStatus.Affirmed, f.Status));
    }

    [Fact]
    public void Extract_NoEffusion_JointDerangementNegated() =>
        Assert.Equal(FactStatus.Negated, Single("Synthetic note: there is no effusion of the knee.", FactKinds.RedFlagJointDerangement).Status);

    [Theory]
    [InlineData("Synthetic note: she has persistent wrist pain despite splinting and acupuncture.")]
    [InlineData("Synthetic note: there is continued neck pain after six weeks of physical therapy.")]
    [InlineData("Synthetic note: the ankle still hurts after a course of acupuncture.")]
    [InlineData("Synthetic note: he remains symptomatic in spite of anti-inflammatory medication.")]
    public void Extract_ComplaintOutlastingCare_ConservativeCareFailed(string text) =>
        Assert.Equal(FactStatus.Affirmed, Single(text, FactKinds.ConservativeCareFailed).Status);

    [Theory]
    [InlineData("Synthetic note: he went back to work after physical therapy.")]
    [InlineData("Synthetic note: despite the rain she walked to the clinic.")]
    public void Extract_CareWithoutPersistingComplaint_NoFailedCare(string text) =>
        Assert.DoesNotContain(Extract(text), f => f.Kind == FactKinds.ConservativeCareFailed);

    [Theory]
    [InlineData("Synthetic note: she reported minimal improvement with physical therapy.")]
    [InlineData("Synthetic note: he feels slightly better after the therapy sessions.")]
    public void Extract_SlightGain_ImprovementNegated(string text) =>
        Assert.Equal(FactStatus.Negated, Single(text, FactKinds.ResponseFunctionalImprovement).Status);

    [Fact]
    public void Extract_GainInASentenceAboutDrugsOnly_MedicationBenefitNotTherapyImprovement()
    {
        var facts = Extract("Synthetic note: running out of medications for a month has interrupted any benefit from the regimen.");

        Assert.DoesNotContain(facts, f => f.Kind == FactKinds.ResponseFunctionalImprovement);
        Assert.Contains(facts, f => f.Kind == FactKinds.MedicationFunctionalBenefit);
    }

    [Fact]
    public void Extract_GainWithTherapyAndDrugs_StaysTherapyImprovement() =>
        Assert.Contains(Extract("Synthetic note: physical therapy and naproxen helped, with improved function."),
            f => f.Kind == FactKinds.ResponseFunctionalImprovement && f.Status == FactStatus.Affirmed);
}
