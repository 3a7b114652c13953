using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

/// <summary>
/// The negation and attribution suite. Every sentence is synthetic, written in the style of the
/// clinical case summaries of published IMR letters; none comes from a real record.
/// </summary>
public class ContextAnalyzerTests
{
    public static TheoryData<string, string, FactStatus> Sentences => new()
    {
        // Affirmed
        { "The applicant has completed 12 sessions of physical therapy to date.", FactKinds.TreatmentPhysicalTherapy, FactStatus.Affirmed },
        { "She reported numbness and tingling in the right hand.", FactKinds.NeuroSensoryDeficit, FactStatus.Affirmed },
        { "The injured worker has radiating pain into the left leg.", FactKinds.DiagnosisRadiculopathy, FactStatus.Affirmed },
        { "Diagnoses include lumbar radiculopathy and lumbar sprain.", FactKinds.DiagnosisRadiculopathy, FactStatus.Affirmed },
        { "Diagnoses include lumbar radiculopathy and lumbar sprain.", FactKinds.DiagnosisSprainStrain, FactStatus.Affirmed },
        { "The patient had a positive Phalen test on the left wrist.", FactKinds.NeuroPositiveProvocativeTest, FactStatus.Affirmed },
        { "Straight leg raise was positive on the right.", FactKinds.NeuroStraightLegRaise, FactStatus.Affirmed },
        { "The applicant reported functional improvement with prior chiropractic care.", FactKinds.ResponseFunctionalImprovement, FactStatus.Affirmed },
        { "He has reached a plateau with physical therapy.", FactKinds.ResponsePlateau, FactStatus.Affirmed },
        { "The applicant was placed off of work, on total temporary disability.", FactKinds.WorkStatus, FactStatus.Affirmed },
        { "The applicant is working modified duty.", FactKinds.WorkStatus, FactStatus.Affirmed },
        { "An MRI of the lumbar spine dated 03/02/2016 revealed a disc protrusion at L4-5.", FactKinds.ImagingPrior, FactStatus.Affirmed },
        { "An MRI of the lumbar spine dated 03/02/2016 revealed a disc protrusion at L4-5.", FactKinds.DiagnosisDiscDisplacement, FactStatus.Affirmed },
        { "Electrodiagnostic testing showed moderate carpal tunnel syndrome.", FactKinds.DiagnosisCarpalTunnel, FactStatus.Affirmed },
        { "He has completed 12 sessions to date with improvement.", FactKinds.ResponseReportedImprovement, FactStatus.Affirmed },
        { "The applicant reported that medications helped with pain relief.", FactKinds.ResponsePainRelief, FactStatus.Affirmed },
        { "Current medications included Norco.", FactKinds.MedicationOpioid, FactStatus.Affirmed },
        { "Naprosyn was prescribed at the visit.", FactKinds.TreatmentMedication, FactStatus.Affirmed },
        { "A urine drug screen was consistent with prescribed medications.", FactKinds.MedicationUrineDrugScreen, FactStatus.Affirmed },
        { "The applicant is a surgical candidate.", FactKinds.SurgeryCandidate, FactStatus.Affirmed },
        { "The applicant is scheduled to undergo surgery next month.", FactKinds.SurgeryPlanned, FactStatus.Affirmed },
        { "The applicant has failed conservative treatment.", FactKinds.ConservativeCareFailed, FactStatus.Affirmed },
        { "The applicant has a job to return to and the employer agreed to modified duty.", FactKinds.WorkRtwGoal, FactStatus.Affirmed },
        { "The goal is return to work at the usual job.", FactKinds.WorkRtwGoal, FactStatus.Affirmed },
        { "He reported depression and anxiety secondary to chronic pain.", FactKinds.PsychosocialDistress, FactStatus.Affirmed },

        // Negated
        { "There was no mention of whether the applicant had a job to return to.", FactKinds.WorkRtwGoal, FactStatus.Negated },
        { "There was no documentation of objective functional improvement.", FactKinds.ResponseFunctionalImprovement, FactStatus.Negated },
        { "The applicant's work status was not clearly outlined.", FactKinds.WorkStatus, FactStatus.Negated },
        { "She denied any numbness or tingling of her arms.", FactKinds.NeuroSensoryDeficit, FactStatus.Negated },
        { "She denied any pain, numbness, tingling or weakness of her arms.", FactKinds.NeuroWeakness, FactStatus.Negated },
        { "Spurling's test was negative bilaterally.", FactKinds.NeuroPositiveProvocativeTest, FactStatus.Negated },
        { "The patient had a negative Spurling's test bilaterally.", FactKinds.NeuroPositiveProvocativeTest, FactStatus.Negated },
        { "Straight leg raise was negative bilaterally.", FactKinds.NeuroStraightLegRaise, FactStatus.Negated },
        { "There was no evidence of radiculopathy on examination.", FactKinds.DiagnosisRadiculopathy, FactStatus.Negated },
        { "Electromyographic indicators of acute cervical radiculopathy were not seen.", FactKinds.DiagnosisRadiculopathy, FactStatus.Negated },
        { "There were no electroneurographic indicators of ulnar neuropathy.", FactKinds.DiagnosisNeuritis, FactStatus.Negated },
        { "The applicant did not report any bowel or bladder incontinence.", FactKinds.RedFlagCaudaEquina, FactStatus.Negated },
        { "No red flags such as fracture or tumor were identified.", FactKinds.RedFlagTumor, FactStatus.Negated },
        { "The attending provider did not document functional improvement with prior therapy.", FactKinds.ResponseFunctionalImprovement, FactStatus.Negated },
        { "Functional improvement from prior acupuncture was not documented.", FactKinds.ResponseFunctionalImprovement, FactStatus.Negated },
        { "The applicant is not a surgical candidate.", FactKinds.SurgeryCandidate, FactStatus.Negated },
        { "The applicant had no improvement with physical therapy.", FactKinds.ResponseFunctionalImprovement, FactStatus.Negated },
        { "The applicant reported minimal improvement despite physical therapy.", FactKinds.ResponseFunctionalImprovement, FactStatus.Negated },
        { "Six sessions of physical therapy had not proven particularly beneficial.", FactKinds.ResponseFunctionalImprovement, FactStatus.Negated },
        { "Sensory examination showed no deficit in any dermatome.", FactKinds.NeuroSensoryDeficit, FactStatus.Negated },
        { "There was no documentation of a urine drug screen.", FactKinds.MedicationUrineDrugScreen, FactStatus.Negated },
        { "The applicant was without side effects from medications.", FactKinds.MedicationSideEffects, FactStatus.Negated },
        { "Job demands were not described.", FactKinds.WorkJobDemands, FactStatus.Negated },
        { "The treating provider failed to outline a return to work plan.", FactKinds.WorkRtwGoal, FactStatus.Negated },
        { "There was no clear documentation of a home exercise program.", FactKinds.TreatmentHomeExercise, FactStatus.Negated },
        { "The applicant has not had an MRI of the knee.", FactKinds.ImagingPrior, FactStatus.Negated },

        // Hypothetical: planned, recommended, requested
        { "The attending provider would like to try one spine specific program.", FactKinds.TreatmentFunctionalRestoration, FactStatus.Hypothetical },
        { "The plan of care included continuation of physical therapy three times per week.", FactKinds.TreatmentPhysicalTherapy, FactStatus.Hypothetical },
        { "The treating physician recommended an MRI of the cervical spine.", FactKinds.ImagingPrior, FactStatus.Hypothetical },
        { "Knee MRI imaging was ordered.", FactKinds.ImagingPrior, FactStatus.Hypothetical },
        { "Acupuncture was requested for the low back.", FactKinds.TreatmentAcupuncture, FactStatus.Hypothetical },
        { "The provider is requesting work conditioning for ten sessions.", FactKinds.TreatmentWorkConditioning, FactStatus.Hypothetical },
        { "The treatment plan consisted of chiropractic treatment, an electrodiagnostic study, an MRI of the cervical spine, an MRI of the lumbar spine.", FactKinds.ImagingPrior, FactStatus.Hypothetical },
        { "She was referred to a pain management program.", FactKinds.TreatmentFunctionalRestoration, FactStatus.Hypothetical },
        { "The applicant will begin a home exercise program.", FactKinds.TreatmentHomeExercise, FactStatus.Hypothetical },

        // Uncertain
        { "Possible right L5 radiculopathy was noted.", FactKinds.DiagnosisRadiculopathy, FactStatus.Uncertain },
        { "The applicant may have a meniscal tear.", FactKinds.DiagnosisTear, FactStatus.Uncertain },
        { "The provider will consider epidural steroid injection.", FactKinds.TreatmentInjection, FactStatus.Hypothetical },
        { "Rule out carpal tunnel syndrome.", FactKinds.DiagnosisCarpalTunnel, FactStatus.Uncertain },
        { "There was questionable tenderness suggestive of a labral tear.", FactKinds.DiagnosisTear, FactStatus.Uncertain },

        // Historical
        { "The applicant has a history of lumbar fusion.", FactKinds.TreatmentSurgery, FactStatus.Historical },
        { "He previously underwent physical therapy.", FactKinds.TreatmentPhysicalTherapy, FactStatus.Historical },
        { "Prior treatment included chiropractic care.", FactKinds.TreatmentChiropractic, FactStatus.Historical },

        // Other person
        { "Family history of rheumatoid arthritis was reported.", FactKinds.DiagnosisArthritis, FactStatus.OtherPerson },
        { "Her mother had cancer.", FactKinds.RedFlagTumor, FactStatus.OtherPerson },

        // About the review process, not the patient
        { "UR non-certified the MRI.", FactKinds.ImagingPrior, FactStatus.NotAboutPatient },
        { "6 sessions of physical therapy were authorized.", FactKinds.TreatmentPhysicalTherapy, FactStatus.NotAboutPatient },
        { "In a utilization review report dated December 13, 2016, the claims administrator failed to approve a request for knee MRI imaging.", FactKinds.ImagingPrior, FactStatus.NotAboutPatient },
        { "Utilization review denied the request for acupuncture.", FactKinds.TreatmentAcupuncture, FactStatus.NotAboutPatient },
        { "The request for chiropractic treatment was non-certified by utilization review.", FactKinds.TreatmentChiropractic, FactStatus.NotAboutPatient },
        { "The prior determination denied the request due to a lack of documented functional improvement.", FactKinds.ResponseFunctionalImprovement, FactStatus.NotAboutPatient },
        { "The claims administrator partially approved physical therapy.", FactKinds.TreatmentPhysicalTherapy, FactStatus.NotAboutPatient },
        { "The Utilization Review dated 11-16-16 modified the request for Norco.", FactKinds.MedicationOpioid, FactStatus.NotAboutPatient },

        { "The request for venlafaxine was denied as there was no documentation of symptoms for which the antidepressant is indicated.", FactKinds.TreatmentMedication, FactStatus.NotAboutPatient },
        { "The RFA was submitted for physical therapy 2x3; manual manipulation and modalities as tolerated.", FactKinds.TreatmentChiropractic, FactStatus.NotAboutPatient },

        { "This request was previously deemed not medically necessary given there was no evidence of conservative treatment.", FactKinds.TreatmentConservativeCare, FactStatus.NotAboutPatient },

        // Scope ends at a terminator
        { "There was no numbness, but he has completed physical therapy.", FactKinds.TreatmentPhysicalTherapy, FactStatus.Affirmed },
        { "UR denied acupuncture; however, the applicant has completed physical therapy.", FactKinds.TreatmentPhysicalTherapy, FactStatus.Affirmed },
        { "No tenderness was noted; she reports tingling in the left hand.", FactKinds.NeuroSensoryDeficit, FactStatus.Affirmed },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void StatusOf_SyntheticSentence_MatchesLabel(string sentence, string kind, FactStatus expected)
    {
        var facts = FactExtractor.Extract(sentence, 0, new DateOnly(2017, 1, 1));
        var fact = facts.FirstOrDefault(f => f.Kind == kind);
        Assert.True(fact is not null, $"no {kind} in: {sentence}\nfound: {string.Join(", ", facts.Select(f => $"{f.Kind}={f.Status}"))}");
        Assert.Equal(expected, fact.Status);
    }

    [Fact]
    public void StatusOf_WouldLikeToTry_NoTreatmentAffirmed()
    {
        var facts = FactExtractor.Extract("The attending provider would like to try one spine specific program.", 0, new DateOnly(2017, 1, 1));
        Assert.DoesNotContain(facts, f => f.Kind.StartsWith("treatment.", StringComparison.Ordinal) && f.IsPositive);
    }

    [Fact]
    public void StatusOf_EmptySentence_Affirmed()
    {
        var analyzer = new ContextAnalyzer([], []);
        Assert.Equal(FactStatus.Affirmed, analyzer.StatusOf(0, 1));
    }
}
