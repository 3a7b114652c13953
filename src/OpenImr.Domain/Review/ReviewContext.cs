using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Review;

/// <summary>What a criterion may read about one request: the case's facts and the request itself.</summary>
/// <param name="Facts">Every fact of the case.</param>
/// <param name="Request">The request being decided.</param>
/// <param name="DecisionDate">The date the guideline version and the time since injury are taken at (the UR decision date).</param>
/// <param name="InjuryDate">The date of injury, from the case or its records.</param>
internal sealed record ReviewContext(IReadOnlyList<ClinicalFact> Facts, ParsedRequest Request, DateOnly DecisionDate, DateOnly? InjuryDate)
{
    /// <summary>
    /// Facts about the patient of one kind. Facts naming a body region other than the request's
    /// are left out, so that therapy to the knee does not count for a lumbar request.
    /// </summary>
    public IEnumerable<ClinicalFact> Of(string kind)
    {
        // Care, its response, red flags and structural diagnoses count for the request's own region (knee therapy says
        // nothing of the low back; a neck sprain is no reason to brace the wrist). Nerve findings and radicular diagnoses
        // bear on the spine that serves the limb (numbness in the fingers bears on the neck), never on the other half.
        var regional = kind.StartsWith("treatment.", StringComparison.Ordinal) || kind.StartsWith("response.", StringComparison.Ordinal)
            || kind.StartsWith("redflag.", StringComparison.Ordinal) || kind.StartsWith("diagnosis.", StringComparison.Ordinal);
        var neural = kind.StartsWith("neuro.", StringComparison.Ordinal) || kind is FactKinds.DiagnosisRadiculopathy or FactKinds.DiagnosisNeuritis
            or FactKinds.DiagnosisCarpalTunnel;
        var facts = Facts.Where(f => f.Kind == kind
            && f.Status is not (FactStatus.OtherPerson or FactStatus.NotAboutPatient)
            && (f.Region is null || RequestRegions.Count == 0
                || (neural ? RequestRegions.Any(r => BodyRegions.SameLimbAndSpine(f.Region, r))
                    : !regional || RequestRegions.Any(r => BodyRegions.SamePart(f.Region, r)))));
        return kind switch
        {
            FactKinds.ConservativeCareFailed => facts.Any() ? facts : CareGivenWithoutRelief(),
            FactKinds.MedicationDuration => facts.Concat(CurrentUseOfRequestedDrug),
            _ => facts,
        };
    }

    /// <summary>
    /// Where the records do not state that conservative care failed, it is read as failed only when they show such care
    /// given (not planned), for the region requested where they name one, a complaint stated as lasting on, at least a
    /// month after the injury (ACOEM: failure to progress after some weeks of conservative care; ODG: at least a month
    /// of conservative therapy), and no functional improvement recorded.
    /// </summary>
    private IEnumerable<ClinicalFact> CareGivenWithoutRelief()
    {
        if (MonthsSinceInjury is not >= 1 || Of(FactKinds.ResponseFunctionalImprovement).Any(f => f.Status == FactStatus.Affirmed))
        {
            return [];
        }

        var care = ConservativeCare.SelectMany(Of).FirstOrDefault(f => f.IsPositive);
        var lasting = Facts.FirstOrDefault(f => f.Kind == FactKinds.SymptomPersistent && f.Status == FactStatus.Affirmed
            && (f.Region is null || Request.Region is null || f.Region == Request.Region || Request.Regions.Contains(f.Region)));
        return care is null || lasting is null
            ? []
            : [lasting with { Kind = FactKinds.ConservativeCareFailed, Number = null }, care];
    }

    private static readonly string[] ConservativeCare =
    [
        FactKinds.TreatmentPhysicalTherapy, FactKinds.TreatmentChiropractic, FactKinds.TreatmentAcupuncture, FactKinds.TreatmentOccupationalTherapy,
        FactKinds.TreatmentHomeExercise, FactKinds.TreatmentConservativeCare, FactKinds.TreatmentMedication,
    ];

    /// <summary>
    /// A drug requested that the records show the patient already taking is continuing use: the
    /// guideline's tests for ongoing treatment apply even where no duration is stated.
    /// </summary>
    private IEnumerable<ClinicalFact> CurrentUseOfRequestedDrug
    {
        get
        {
            if (Request.Service.Family != ServiceFamilies.Medication)
            {
                return [];
            }

            var taking = Facts.Where(f => f.Kind == FactKinds.TreatmentMedication && f.IsPositive && f.Value is { Length: > 0 } drug && SameClass(drug))
                .Select(f => f with { Kind = FactKinds.MedicationDuration, Number = null })
                .Take(1)
                .ToList();
            if (taking.Count == 0 && IsRenewal)
            {
                taking.Add(new ClinicalFact(FactKinds.MedicationDuration, FactStatus.Affirmed) { Value = Request.DrugName });
            }

            return taking;
        }
    }

    /// <summary>"Two refills of ...", "continue ...": the request itself says the drug is being taken.</summary>
    private bool IsRenewal =>
        Request.Quantity.Refills is > 0
        || Request.Description.Contains("refill", StringComparison.OrdinalIgnoreCase)
        || Request.Description.Contains("continue", StringComparison.OrdinalIgnoreCase);

    /// <summary>The drug taken is the one requested or of the same class (another NSAID is still NSAID therapy).</summary>
    private bool SameClass(string drug)
    {
        var taken = DrugLexicon.Find(drug);
        return taken.Any(t => string.Equals(t.Class, Request.Service.Kind, StringComparison.Ordinal))
            || (Request.DrugName is { } name && drug.Contains(name, StringComparison.OrdinalIgnoreCase));
    }

    private IReadOnlyList<string> RequestRegions => Request.Regions.Count > 0 ? Request.Regions : Request.Region is { } only ? [only] : [];

    /// <summary>Whole months from the injury to the decision date; null when the injury date is unknown.</summary>
    public int? MonthsSinceInjury => InjuryDate is { } injury && injury <= DecisionDate ? CaseFacts.WholeMonths(injury, DecisionDate) : null;
}
