using System.Collections.Frozen;

namespace OpenImr.Domain.Guidelines;

/// <summary>
/// The ids the library may use: fact kinds, service kinds (<c>FAMILY/KIND</c>), body regions,
/// calculations and quantity units. The fact and service catalogues are binding project-wide;
/// the loader reports any id outside them.
/// </summary>
public static class GuidelineVocabulary
{
    /// <summary>The region that matches every body region.</summary>
    public const string AnyRegion = "any";

    /// <summary>Fact kinds the clinical fact extractor produces (<see cref="Clinical.FactKinds.All"/>).</summary>
    public static FrozenSet<string> FactKinds => Clinical.FactKinds.All;

    /// <summary>
    /// Service kinds (<c>FAMILY/KIND</c>): exactly those the request parser can produce (<see cref="Clinical.RequestParser.ProducedKinds"/>),
    /// since a request gets its service from the parser alone.
    /// </summary>
    public static FrozenSet<string> ServiceKinds { get; } = Clinical.RequestParser.ProducedKinds.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Body regions a topic may name: the region of the library each body region of the clinical text (<see cref="Clinical.BodyRegions.All"/>)
    /// reads as (<see cref="RegionOf"/>), and <see cref="AnyRegion"/>.
    /// </summary>
    public static FrozenSet<string> Regions { get; } = Clinical.BodyRegions.All.Select(RegionOf).OfType<string>().Append(AnyRegion)
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The library's region for a body region of the clinical text (<see cref="Clinical.BodyRegions"/>): the library names spinal
    /// regions without "-spine" and has no finger, face or limb regions of its own. <see langword="null"/> for a region no topic
    /// can name (a whole limb, the chest) or none.
    /// </summary>
    public static string? RegionOf(string? bodyRegion) => bodyRegion switch
    {
        Clinical.BodyRegions.LumbarSpine => "lumbar",
        Clinical.BodyRegions.CervicalSpine => "cervical",
        Clinical.BodyRegions.ThoracicSpine => "thoracic",
        Clinical.BodyRegions.Finger => "hand",
        Clinical.BodyRegions.Spine => "lumbar",
        Clinical.BodyRegions.Face => "head",
        Clinical.BodyRegions.UpperExtremity or Clinical.BodyRegions.LowerExtremity or Clinical.BodyRegions.Chest => null,
        _ => bodyRegion,
    };

    /// <summary>
    /// For a service kind of physical medicine, the fact kind of that care already given: cumulative limits count it, and a
    /// part of it utilization review authorised is read from it.
    /// </summary>
    public static FrozenDictionary<string, string> CareGivenFacts { get; } = new Dictionary<string, string>
    {
        ["physical-therapy"] = Clinical.FactKinds.TreatmentPhysicalTherapy,
        ["occupational-therapy"] = Clinical.FactKinds.TreatmentOccupationalTherapy,
        ["modality"] = Clinical.FactKinds.TreatmentPhysicalTherapy,
        ["chiropractic"] = Clinical.FactKinds.TreatmentChiropractic,
        ["acupuncture"] = Clinical.FactKinds.TreatmentAcupuncture,
        ["work-conditioning"] = Clinical.FactKinds.TreatmentWorkConditioning,
        ["functional-restoration"] = Clinical.FactKinds.TreatmentFunctionalRestoration,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Calculations a <see cref="CalcRule"/> may name, with the fact kinds each reads.</summary>
    public static FrozenDictionary<string, string[]> CalculationFacts { get; } = new Dictionary<string, string[]>
    {
        // Whole months from the date of injury to the UR decision date.
        ["months-since-injury"] = ["injury.date"],
        // The request's body region is (not) one of Values.
        ["region-in"] = ["body.region"],
        ["region-not-in"] = ["body.region"],
        // The request's service kind is one of Values.
        ["service-in"] = [],
        // How many ingredients of the requested product are on the topic list named by List.
        ["not-recommended-ingredients"] = [],
        // Figures from the normalised request (Review contract 'quantity').
        ["requested-sessions"] = [],
        ["requested-weeks"] = [],
        ["requested-per-week"] = [],
        // Units dispensed ("#60") and days of supply or rental the request states.
        ["requested-count"] = [],
        ["requested-days"] = [],
        // Refills the request asks for (0 when it names none).
        ["requested-refills"] = [],
        // The request asks for more of a treatment under way ("additional", "continue"): met, else not met.
        ["request-continues"] = [],
        // The records show the patient taking (or prescribed) a drug of one of Values' classes (nsaid, opioid, ...).
        ["taking-drug-class"] = ["treatment.medication"],
        // The records show the patient already taking the drug the request names (the same drug or one of its class):
        // the request continues that drug. Met, else not documented.
        ["requested-drug-taken"] = ["treatment.medication"],
        // Utilization review authorised part of the therapy requested (a grant the records report, not care shown given):
        // met, else not met.
        ["authorized-in-part"] = [.. CareGivenFacts.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Calculations that are a yes-or-no test of the request and take no bounds.</summary>
    public static FrozenSet<string> Tests { get; } = FrozenSet.Create(StringComparer.Ordinal, ["request-continues", "requested-drug-taken", "authorized-in-part"]);

    /// <summary>Calculation ids.</summary>
    public static IEnumerable<string> Calculations => CalculationFacts.Keys;

    /// <summary>Units a <see cref="QuantityRule"/> may count in.</summary>
    public static FrozenSet<string> QuantityUnits { get; } = FrozenSet.Create(StringComparer.Ordinal,
    [
        "visits", "sessions", "treatments", "weeks", "days", "months", "per-week", "hours-per-week",
    ]);

    /// <summary>Placeholders a rationale template may use.</summary>
    public static FrozenSet<string> TemplatePlaceholders { get; } = FrozenSet.Create(StringComparer.Ordinal,
    [
        "request", "service", "guideline", "section", "pages", "criterion", "evidence", "requested", "allowed", "reason", "surgery",
    ]);
}
