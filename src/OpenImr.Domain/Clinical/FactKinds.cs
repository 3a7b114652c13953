using System.Collections.Frozen;
using System.Reflection;

namespace OpenImr.Domain.Clinical;

/// <summary>
/// The ids of <see cref="ClinicalFact.Kind"/>. These ids are a contract with the criteria library:
/// add new ones, never rename.
/// </summary>
public static class FactKinds
{
    /// <summary>Every id above: the kinds the criteria library may name (see <c>GuidelineVocabulary.FactKinds</c>).</summary>
    // Note that the set is read from the constants themselves, so a kind added here is known everywhere at once.
    public static FrozenSet<string> All { get; } = typeof(FactKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToFrozenSet(StringComparer.Ordinal);

    public const string PatientAge = "patient.age";
    public const string PatientSex = "patient.sex";
    public const string InjuryDate = "injury.date";

    /// <summary>Whole months from the date of injury to <c>asOf</c>.</summary>
    public const string InjuryTimeSince = "injury.time-since";
    public const string BodyRegion = "body.region";

    public const string DiagnosisRadiculopathy = "diagnosis.radiculopathy";
    public const string DiagnosisMyalgia = "diagnosis.myalgia";
    public const string DiagnosisNeuritis = "diagnosis.neuritis";
    public const string DiagnosisCrps = "diagnosis.crps";
    public const string DiagnosisSprainStrain = "diagnosis.sprain-strain";
    public const string DiagnosisDiscDisplacement = "diagnosis.disc-displacement";
    public const string DiagnosisFracture = "diagnosis.fracture";
    public const string DiagnosisCarpalTunnel = "diagnosis.carpal-tunnel";
    public const string DiagnosisStenosis = "diagnosis.stenosis";
    public const string DiagnosisArthritis = "diagnosis.arthritis";

    /// <summary>Rotator cuff, meniscus or labral tear; <see cref="ClinicalFact.Value"/> names which when stated.</summary>
    public const string DiagnosisTear = "diagnosis.tear";

    /// <summary>After surgery: Value = the surgery, Date = its date when stated.</summary>
    public const string DiagnosisPostoperative = "diagnosis.postoperative";

    /// <summary>Degenerative disc disease (added kind).</summary>
    public const string DiagnosisDegenerativeDisc = "diagnosis.degenerative-disc";

    /// <summary>Tendinitis, bursitis, impingement, epicondylitis (added kind).</summary>
    public const string DiagnosisTendinopathy = "diagnosis.tendinopathy";

    public const string TreatmentPhysicalTherapy = "treatment.physical-therapy";
    public const string TreatmentChiropractic = "treatment.chiropractic";
    public const string TreatmentAcupuncture = "treatment.acupuncture";
    public const string TreatmentOccupationalTherapy = "treatment.occupational-therapy";
    public const string TreatmentWorkConditioning = "treatment.work-conditioning";
    public const string TreatmentFunctionalRestoration = "treatment.functional-restoration";

    /// <summary>Value = the injection kind when stated (epidural-steroid, facet, trigger-point, nerve-block, prp, joint).</summary>
    public const string TreatmentInjection = "treatment.injection";

    /// <summary>Value = the surgery kind when stated (arthroscopy, spine, joint-replacement, carpal-tunnel-release).</summary>
    public const string TreatmentSurgery = "treatment.surgery";

    /// <summary>Value = the drug name (lower case) or null for "medications" in general.</summary>
    public const string TreatmentMedication = "treatment.medication";
    public const string TreatmentHomeExercise = "treatment.home-exercise";
    public const string TreatmentTens = "treatment.tens";
    public const string TreatmentConservativeCare = "treatment.conservative-care";

    /// <summary>A count of sessions whose therapy the text does not name (added kind).</summary>
    public const string TreatmentSessions = "treatment.sessions";

    public const string ResponseFunctionalImprovement = "response.functional-improvement";
    /// <summary>A gain the patient or provider reports without a measure ("feels better", "therapy helped"); not functional improvement in the sense of 9792.20.</summary>
    public const string ResponseReportedImprovement = "response.reported-improvement";

    public const string ResponsePlateau = "response.plateau";
    public const string ResponsePainRelief = "response.pain-relief";

    /// <summary>Number = 0-10; Value = <c>with-medication</c> or <c>without-medication</c> when stated.</summary>
    public const string ResponsePainScore = "response.pain-score";

    /// <summary>Value is one of <see cref="WorkStatuses"/>, or null when the text names work status without saying which.</summary>
    public const string WorkStatus = "work.status";
    public const string WorkRtwGoal = "work.rtw-goal";
    public const string WorkJobDemands = "work.job-demands";
    public const string WorkEmployerAgreement = "work.employer-agreement";

    public const string SurgeryCandidate = "surgery.candidate";
    public const string SurgeryPlanned = "surgery.planned";

    public const string RedFlagCaudaEquina = "redflag.cauda-equina";
    public const string RedFlagProgressiveNeuroDeficit = "redflag.progressive-neuro-deficit";
    public const string RedFlagFracture = "redflag.fracture";
    public const string RedFlagTumor = "redflag.tumor";
    public const string RedFlagInfection = "redflag.infection";

    /// <summary>Signs of a joint's internal derangement: locking, giving way, instability, effusion, inability to bear weight.</summary>
    public const string RedFlagJointDerangement = "redflag.joint-derangement";

    public const string NeuroSensoryDeficit = "neuro.sensory-deficit";
    public const string NeuroReflexChange = "neuro.reflex-change";
    public const string NeuroWeakness = "neuro.weakness";
    public const string NeuroStraightLegRaise = "neuro.straight-leg-raise";

    /// <summary>Value = the test (spurling, tinel, phalen, ...).</summary>
    public const string NeuroPositiveProvocativeTest = "neuro.positive-provocative-test";

    /// <summary>Value = modality (mri, ct, x-ray, bone-scan, ultrasound), Region when stated.</summary>
    public const string ImagingPrior = "imaging.prior";
    public const string ElectrodiagnosticPrior = "electrodiagnostic.prior";

    public const string MedicationUrineDrugScreen = "medication.urine-drug-screen";
    public const string MedicationCures = "medication.cures";
    public const string MedicationPainAgreement = "medication.pain-agreement";
    public const string MedicationSideEffects = "medication.side-effects";
    public const string MedicationGiRisk = "medication.gi-risk";
    public const string MedicationFirstLineFailed = "medication.first-line-failed";
    public const string MedicationOpioid = "medication.opioid";
    public const string MedicationFunctionalBenefit = "medication.functional-benefit";

    /// <summary>Number = months on the drug (weeks are converted: weeks / 4.345, one decimal), Value = the drug.</summary>
    public const string MedicationDuration = "medication.duration";

    public const string PsychosocialEmployerRelationship = "psychosocial.employer-relationship";
    public const string PsychosocialOutlook = "psychosocial.outlook";
    public const string PsychosocialDistress = "psychosocial.distress";
    public const string PsychosocialDisabilityDispute = "psychosocial.disability-dispute";

    public const string ConservativeCareFailed = "conservative-care.failed";

    /// <summary>A flare-up: the complaint has recently worsened ("an acute exacerbation", "flared up").</summary>
    public const string SymptomExacerbation = "symptom.exacerbation";

    /// <summary>The complaint is stated as lasting on ("persistent pain", "the pain continues"); with care given before, a sign that care did not resolve it.</summary>
    public const string SymptomPersistent = "symptom.persistent";
}

/// <summary>The values of <see cref="FactKinds.WorkStatus"/>.</summary>
public static class WorkStatuses
{
    public const string TemporarilyTotallyDisabled = "temporarily-totally-disabled";
    public const string ModifiedDuty = "modified-duty";
    public const string FullDuty = "full-duty";
    public const string OffWork = "off-work";
    public const string Retired = "retired";
    public const string Working = "working";
    public const string PermanentAndStationary = "permanent-and-stationary";
}
