namespace OpenImr.Domain.Formulary;

/// <summary>What the MTUS Drug List rules say about dispensing a requested drug.</summary>
public enum FormularyOutcome
{
    /// <summary>The service date is before the Drug List applies (2018-01-01).</summary>
    BeforeTheDrugList,

    /// <summary>No loaded Drug List version is in force on the date: the rules cannot be applied.</summary>
    NoVersionLoaded,

    /// <summary>Exempt: may be dispensed without prospective review when prescribed as the MTUS recommends.</summary>
    ExemptWithoutReview,

    /// <summary>Special Fill: a Non-Exempt drug dispensed without prospective review at the initial visit (9792.27.12).</summary>
    SpecialFill,

    /// <summary>Perioperative Fill: a Non-Exempt drug dispensed without prospective review around surgery (9792.27.13).</summary>
    PerioperativeFill,

    /// <summary>Prospective review is needed first (Non-Exempt, unlisted, compounded, or an exempt brand where a generic exists).</summary>
    NeedsProspectiveReview,
}

/// <summary>The facts of a prescription the rules read.</summary>
/// <param name="Request">The request's words (the drug is found in them).</param>
/// <param name="DispensedOn">The date of service: the drug is dispensed or the request made on it.</param>
/// <param name="Injury">Date of injury.</param>
/// <param name="Surgery">Date of the surgery the drug serves, if any.</param>
/// <param name="SupplyDays">Days of supply requested, when the request states them.</param>
/// <param name="InitialVisit">Whether it is prescribed at the single initial visit; <see langword="null"/> when unknown.</param>
/// <param name="PhysicianDispensed">Whether the physician dispenses it in the office.</param>
/// <param name="BrandWhereGenericExists">Whether a brand is asked for where a generic exists; <see langword="null"/> when unknown.</param>
/// <param name="Compounded">Whether the product is compounded.</param>
public sealed record Prescription(
    string Request,
    DateOnly DispensedOn,
    DateOnly? Injury = null,
    DateOnly? Surgery = null,
    int? SupplyDays = null,
    bool? InitialVisit = null,
    bool PhysicianDispensed = false,
    bool? BrandWhereGenericExists = null,
    bool Compounded = false);

/// <summary>The outcome, the row it rests on, and the reason in plain words with the rule.</summary>
/// <param name="Outcome">What the rules say.</param>
/// <param name="Version">The Drug List version applied.</param>
/// <param name="Entry">The row, or <see langword="null"/> for an unlisted or compounded drug.</param>
/// <param name="Reason">Why, citing the rule.</param>
public sealed record FormularyAssessment(FormularyOutcome Outcome, DrugListVersion? Version, DrugListEntry? Entry, string Reason);

/// <summary>
/// The MTUS Drug List rules (8 CCR 9792.27.1-9792.27.23, operative 2018-01-01) for one prescription, as
/// <c>shared/mtus-since-2017.md</c> section 2 reads them. Pure: dates are given, nothing is read.
/// </summary>
public static class FormularyRules
{
    /// <summary>Special Fill: prescribed within this many days of the injury, the day after it being day one (9792.27.12).</summary>
    public const int SpecialFillWindowDays = 7;

    /// <summary>Perioperative Fill: from this many days before to this many days after surgery, surgery being day zero (9792.27.13).</summary>
    public const int PerioperativeWindowDays = 4;

    /// <summary>Physician-dispensed Exempt drugs: one supply of at most this many days at the initial visit (Drug List header note).</summary>
    public const int PhysicianDispensedExemptDays = 7;

    /// <summary>Applies the rules to <paramref name="prescription"/> under the version of <paramref name="lists"/> in force on its date.</summary>
    public static FormularyAssessment Assess(Prescription prescription, DrugListVersions lists)
    {
        ArgumentNullException.ThrowIfNull(prescription);
        ArgumentNullException.ThrowIfNull(lists);
        if (prescription.DispensedOn < DrugListVersions.FormularyFrom)
        {
            return new(FormularyOutcome.BeforeTheDrugList, null, null,
                $"The MTUS Drug List applies from {DrugListVersions.FormularyFrom:yyyy-MM-dd}; this prescription is dated {prescription.DispensedOn:yyyy-MM-dd}.");
        }

        var version = lists.InForce(prescription.DispensedOn);
        if (version is null)
        {
            return new(FormularyOutcome.NoVersionLoaded, null, null,
                $"No MTUS Drug List version in force on {prescription.DispensedOn:yyyy-MM-dd} is loaded; import the one published for that date (imr formulary import).");
        }

        if (prescription.Compounded)
        {
            return new(FormularyOutcome.NeedsProspectiveReview, version, null,
                "A compounded drug is not a listed drug: it needs prospective review (8 CCR 9792.27.1 ff.).");
        }

        var entry = version.Find(prescription.Request);
        if (entry is null)
        {
            return new(FormularyOutcome.NeedsProspectiveReview, version, null,
                $"The drug is not on the MTUS Drug List {version.Version}: an unlisted drug is treated as Non-Exempt and needs prospective review.");
        }

        return entry.Status == DrugListStatus.Exempt ? Exempt(prescription, version, entry) : NonExempt(prescription, version, entry);
    }

    private static FormularyAssessment Exempt(Prescription prescription, DrugListVersion version, DrugListEntry entry)
    {
        if (prescription.BrandWhereGenericExists == true)
        {
            return new(FormularyOutcome.NeedsProspectiveReview, version, entry,
                $"{entry.Ingredient} is Exempt, but a brand asked for where a generic exists needs prospective review (MTUS Drug List {version.Version}).");
        }

        if (prescription.PhysicianDispensed && !(InSpecialFillWindow(prescription) && prescription.InitialVisit == true
            && prescription.SupplyDays is <= PhysicianDispensedExemptDays))
        {
            return new(FormularyOutcome.NeedsProspectiveReview, version, entry,
                $"{entry.Ingredient} is Exempt, but a physician may dispense an Exempt drug without review only as one supply of at most " +
                $"{PhysicianDispensedExemptDays} days at the initial visit within {SpecialFillWindowDays} days of the injury (MTUS Drug List {version.Version}).");
        }

        return new(FormularyOutcome.ExemptWithoutReview, version, entry,
            $"{entry.Ingredient} is Exempt on the MTUS Drug List {version.Version}: no prospective review when prescribed as the MTUS recommends.");
    }

    private static FormularyAssessment NonExempt(Prescription prescription, DrugListVersion version, DrugListEntry entry)
    {
        if (entry.SpecialFillDays is { } special && InSpecialFillWindow(prescription) && prescription.InitialVisit == true
            && prescription.SupplyDays is { } days && days <= special && prescription.BrandWhereGenericExists != true)
        {
            return new(FormularyOutcome.SpecialFill, version, entry,
                $"{entry.Ingredient} is Non-Exempt, but prescribed at the initial visit within {SpecialFillWindowDays} days of the injury " +
                $"for at most {special} days it is a Special Fill, without prospective review (8 CCR 9792.27.12).");
        }

        if (entry.PerioperativeFillDays is { } perioperative && prescription.Surgery is { } surgery
            && Math.Abs(prescription.DispensedOn.DayNumber - surgery.DayNumber) <= PerioperativeWindowDays
            && prescription.SupplyDays is { } supply && supply <= perioperative && prescription.BrandWhereGenericExists != true)
        {
            return new(FormularyOutcome.PerioperativeFill, version, entry,
                $"{entry.Ingredient} is Non-Exempt, but dispensed within {PerioperativeWindowDays} days of the surgery for at most {perioperative} days " +
                "it is a Perioperative Fill, without prospective review (8 CCR 9792.27.13).");
        }

        return new(FormularyOutcome.NeedsProspectiveReview, version, entry,
            $"{entry.Ingredient} is Non-Exempt on the MTUS Drug List {version.Version}: it needs prospective review" +
            (entry.SpecialFillDays is not null ? "; it is not a Special Fill, which needs the initial visit within 7 days of the injury and a stated supply within the limit." : "."));
    }

    /// <summary>Days after the injury, the day after it being day one: within the window when 1 to 7.</summary>
    private static bool InSpecialFillWindow(Prescription prescription) =>
        prescription.Injury is { } injury && prescription.DispensedOn.DayNumber - injury.DayNumber is >= 0 and <= SpecialFillWindowDays;
}
