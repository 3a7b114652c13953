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
        { "The dock worker finished eleven sessions of physical therapy last spring.", FactKinds.TreatmentPhysicalTherapy, FactStatus.Affirmed },
        { "She reported numbness and tingling in the right hand.", FactKinds.NeuroSensoryDeficit, FactStatus.Affirmed },
        { "The injured worker has radiating pain into the left leg.", FactKinds.DiagnosisRadiculopathy, FactStatus.Affirmed },
        { "Diagnoses include lumbar radiculopathy and lumbar sprain.", FactKinds.DiagnosisRadiculopathy, FactStatus.Affirmed },
        { "Diagnoses include lumbar radiculopathy and lumbar sprain.", FactKinds.DiagnosisSprainStrain, FactStatus.Affirmed },
        { "A positive Phalen test showed up in the left wrist of the violinist.", FactKinds.NeuroPositiveProvocativeTest, FactStatus.Affirmed },
        { "For the roofer, the straight leg raise came out positive on the right.", FactKinds.NeuroStraightLegRaise, FactStatus.Affirmed },
        { "The applicant reported functional improvement with prior chiropractic care.", FactKinds.ResponseFunctionalImprovement, FactStatus.Affirmed },
        { "He has reached a plateau with physical therapy.", FactKinds.ResponsePlateau, FactStatus.Affirmed },
        { "The crane operator is kept off work and on total temporary disability.", FactKinds.WorkStatus, FactStatus.Affirmed },
        { "The applicant is working modified duty.", FactKinds.WorkStatus, FactStatus.Affirmed },
        { "The baker's lumbar MRI from 02/29/2012 reads as a shallow disc protrusion at L3-4.", FactKinds.ImagingPrior, FactStatus.Affirmed },
        { "The baker's lumbar MRI from 02/29/2012 reads as a shallow disc protrusion at L3-4.", FactKinds.DiagnosisDiscDisplacement, FactStatus.Affirmed },
        { "Electrodiagnostic testing showed moderate carpal tunnel syndrome.", FactKinds.DiagnosisCarpalTunnel, FactStatus.Affirmed },
        { "The glazier says the eight visits brought improvement.", FactKinds.ResponseReportedImprovement, FactStatus.Affirmed },
        { "The applicant reported that medications helped with pain relief.", FactKinds.ResponsePainRelief, FactStatus.Affirmed },
        { "Current medications included Norco.", FactKinds.MedicationOpioid, FactStatus.Affirmed },
        { "Naprosyn was prescribed at the visit.", FactKinds.TreatmentMedication, FactStatus.Affirmed },
        { "A urine drug screen was consistent with prescribed medications.", FactKinds.MedicationUrineDrugScreen, FactStatus.Affirmed },
        { "The applicant is a surgical candidate.", FactKinds.SurgeryCandidate, FactStatus.Affirmed },
        { "The applicant is scheduled to undergo surgery next month.", FactKinds.SurgeryPlanned, FactStatus.Affirmed },
        { "The applicant has failed conservative treatment.", FactKinds.ConservativeCareFailed, FactStatus.Affirmed },
        { "The ferry mechanic has a position to return to at the shipyard, held open by his foreman.", FactKinds.WorkRtwGoal, FactStatus.Affirmed },
        { "The goal is return to work at the usual job.", FactKinds.WorkRtwGoal, FactStatus.Affirmed },
        { "He reported depression and anxiety secondary to chronic pain.", FactKinds.PsychosocialDistress, FactStatus.Affirmed },

        // Negated
        { "The file gave no mention of whether the young tiler still had a job to go back to.", FactKinds.WorkRtwGoal, FactStatus.Negated },
        { "There was no documentation of objective functional improvement.", FactKinds.ResponseFunctionalImprovement, FactStatus.Negated },
        { "The locksmith's work status is unclear from the chart.", FactKinds.WorkStatus, FactStatus.Negated },
        { "She denied any numbness or tingling of her arms.", FactKinds.NeuroSensoryDeficit, FactStatus.Negated },
        { "The cellist denies neck ache, arm numbness, tingling or weakness today.", FactKinds.NeuroWeakness, FactStatus.Negated },
        { "Spurling's test was negative bilaterally.", FactKinds.NeuroPositiveProvocativeTest, FactStatus.Negated },
        { "A negative Spurling's test was found on both sides in the drummer.", FactKinds.NeuroPositiveProvocativeTest, FactStatus.Negated },
        { "The courier's straight leg raise: negative on both sides.", FactKinds.NeuroStraightLegRaise, FactStatus.Negated },
        { "There was no evidence of radiculopathy on examination.", FactKinds.DiagnosisRadiculopathy, FactStatus.Negated },
        { "Signs of active lumbar radiculopathy were not seen on the needle study.", FactKinds.DiagnosisRadiculopathy, FactStatus.Negated },
        { "There were no nerve conduction findings to suggest ulnar neuropathy in the machinist.", FactKinds.DiagnosisNeuritis, FactStatus.Negated },
        { "The applicant did not report any bowel or bladder incontinence.", FactKinds.RedFlagCaudaEquina, FactStatus.Negated },
        { "No red flags such as fracture or tumor were identified.", FactKinds.RedFlagTumor, FactStatus.Negated },
        { "The attending provider did not document functional improvement with prior therapy.", FactKinds.ResponseFunctionalImprovement, FactStatus.Negated },
        { "Functional improvement from prior acupuncture was not documented.", FactKinds.ResponseFunctionalImprovement, FactStatus.Negated },
        { "The applicant is not a surgical candidate.", FactKinds.SurgeryCandidate, FactStatus.Negated },
        { "The applicant had no improvement with physical therapy.", FactKinds.ResponseFunctionalImprovement, FactStatus.Negated },
        { "The tailor notes minimal improvement even with twice weekly physical therapy.", FactKinds.ResponseFunctionalImprovement, FactStatus.Negated },
        { "Four rounds of aquatic therapy have not been especially beneficial for the tailor.", FactKinds.ResponseFunctionalImprovement, FactStatus.Negated },
        { "On sensory testing the weaver had no deficit over any dermatome.", FactKinds.NeuroSensoryDeficit, FactStatus.Negated },
        { "The chart holds no record of any urine toxicology for the welder.", FactKinds.MedicationUrineDrugScreen, FactStatus.Negated },
        { "The applicant was without side effects from medications.", FactKinds.MedicationSideEffects, FactStatus.Negated },
        { "Job demands were not described.", FactKinds.WorkJobDemands, FactStatus.Negated },
        { "The treating provider failed to outline a return to work plan.", FactKinds.WorkRtwGoal, FactStatus.Negated },
        { "There was no clear documentation of a home exercise program.", FactKinds.TreatmentHomeExercise, FactStatus.Negated },
        { "The applicant has not had an MRI of the knee.", FactKinds.ImagingPrior, FactStatus.Negated },

        // Hypothetical: planned, recommended, requested
        { "Her surgeon would like to try, in the autumn, a functional restoration program.", FactKinds.TreatmentFunctionalRestoration, FactStatus.Hypothetical },
        { "The florist's plan of care lists further physical therapy on weekday mornings.", FactKinds.TreatmentPhysicalTherapy, FactStatus.Hypothetical },
        { "Her hand surgeon recommended a cervical MRI before the next visit.", FactKinds.ImagingPrior, FactStatus.Hypothetical },
        { "Knee MRI imaging was ordered.", FactKinds.ImagingPrior, FactStatus.Hypothetical },
        { "Acupuncture was requested for the low back.", FactKinds.TreatmentAcupuncture, FactStatus.Hypothetical },
        { "The provider is requesting work conditioning for ten sessions.", FactKinds.TreatmentWorkConditioning, FactStatus.Hypothetical },
        { "The treatment plan for the barista listed acupuncture, a nerve conduction study, a shoulder ultrasound, a cervical MRI and a lumbar MRI.", FactKinds.ImagingPrior, FactStatus.Hypothetical },
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
        { "A reviewer for the insurer on 02/08/2015 would not approve the knee MRI for the carpenter.", FactKinds.ImagingPrior, FactStatus.NotAboutPatient },
        { "Utilization review denied the request for acupuncture.", FactKinds.TreatmentAcupuncture, FactStatus.NotAboutPatient },
        { "Chiropractic care for the welder's neck was non-certified on 04/04/2014.", FactKinds.TreatmentChiropractic, FactStatus.NotAboutPatient },
        { "That earlier determination cited a lack of functional improvement in the harpist.", FactKinds.ResponseFunctionalImprovement, FactStatus.NotAboutPatient },
        { "The claims administrator partially approved physical therapy.", FactKinds.TreatmentPhysicalTherapy, FactStatus.NotAboutPatient },
        { "On 09-09-15 the reviewer trimmed the Norco refill for the cooper.", FactKinds.MedicationOpioid, FactStatus.NotAboutPatient },

        { "Duloxetine was denied by the reviewer since no mood symptoms, which the drug would treat, were recorded.", FactKinds.TreatmentMedication, FactStatus.NotAboutPatient },
        { "The RFA was submitted for physical therapy 2x3; manual manipulation and modalities as tolerated.", FactKinds.TreatmentChiropractic, FactStatus.NotAboutPatient },

        { "Earlier, the spinal injection was deemed not medically necessary as the potter had tried no conservative care.", FactKinds.TreatmentConservativeCare, FactStatus.NotAboutPatient },

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
        var facts = FactExtractor.Extract("Her surgeon would like to try, in the autumn, a functional restoration program.", 0, new DateOnly(2017, 1, 1));
        Assert.DoesNotContain(facts, f => f.Kind.StartsWith("treatment.", StringComparison.Ordinal) && f.IsPositive);
    }

    [Fact]
    public void StatusOf_EmptySentence_Affirmed()
    {
        var analyzer = new ContextAnalyzer([], []);
        Assert.Equal(FactStatus.Affirmed, analyzer.StatusOf(0, 1));
    }
}
