namespace OpenImr.Domain.Clinical;

/// <summary>
/// Reads a fact for each kind of each lexicon concept in a sentence (<see cref="ClinicalLexicon.Concepts"/>),
/// with its status, nearest body region and, for procedures and tests, nearest date; a therapy takes the
/// nearest free session count, and "status post" takes the surgery that follows it.
/// </summary>
internal static class ConceptReader
{
    private static readonly HashSet<string> TherapyKinds =
    [
        FactKinds.TreatmentPhysicalTherapy, FactKinds.TreatmentChiropractic, FactKinds.TreatmentAcupuncture,
        FactKinds.TreatmentOccupationalTherapy, FactKinds.TreatmentWorkConditioning, FactKinds.TreatmentFunctionalRestoration,
    ];

    private static readonly HashSet<string> DatedKinds =
    [
        FactKinds.TreatmentInjection, FactKinds.TreatmentSurgery, FactKinds.ImagingPrior, FactKinds.ElectrodiagnosticPrior,
        FactKinds.DiagnosisPostoperative, FactKinds.MedicationUrineDrugScreen, FactKinds.MedicationCures, FactKinds.MedicationPainAgreement,
        FactKinds.TreatmentPhysicalTherapy, FactKinds.TreatmentChiropractic, FactKinds.TreatmentAcupuncture, FactKinds.TreatmentOccupationalTherapy,
    ];

    // How many words before a gain a qualifier making it slight may stand, and after "status post" its surgery.
    private const int SlightWindow = 2;
    private const int SurgeryWindow = 8;

    /// <summary>Reads the concepts' facts; returns the last therapy named, or null.</summary>
    public static string? Read(SentenceContext sentence, SessionCounts counts, List<ClinicalFact> facts)
    {
        string? lastTherapy = null;
        var aboutMedicationOnly = AboutMedicationOnly(sentence);
        foreach (var (index, length, concept) in sentence.Concepts)
        {
            foreach (var conceptKind in concept.Kinds)
            {
                // A gain in a sentence about drugs alone ("running out of the pills stopped any benefit") is the drugs' benefit, not the result of therapy.
                var kind = conceptKind is FactKinds.ResponseFunctionalImprovement or FactKinds.ResponseReportedImprovement && aboutMedicationOnly
                    ? FactKinds.MedicationFunctionalBenefit : conceptKind;
                var status = sentence.Status.StatusOf(index, length, concept.IsPlan);
                if (status == FactStatus.Affirmed && kind is FactKinds.ResponseFunctionalImprovement or FactKinds.ResponseReportedImprovement or FactKinds.ResponsePainRelief && SlightBefore(sentence, index))
                {
                    // "minimal improvement", "a little better": a gain too small to count (MTUS 9792.20: clinically significant improvement).
                    status = FactStatus.Negated;
                }

                // A gain denied ("no improvement", "not beneficial") is evidence against functional improvement; a gain only
                // reported ("feels better") does not prove it, so it stays a reported improvement.
                if (kind == FactKinds.ResponseReportedImprovement && status == FactStatus.Negated)
                {
                    kind = FactKinds.ResponseFunctionalImprovement;
                }

                var (region, laterality) = sentence.NearestRegion(index);
                var fact = new ClinicalFact(kind, status)
                {
                    Value = concept.Value,
                    Region = region,
                    Laterality = laterality,
                    Trigger = sentence.Words(index, length),
                    Evidence = sentence.Evidence,
                };
                if (DatedKinds.Contains(kind))
                {
                    fact = fact with { Date = sentence.NearestDate(index) };
                }

                if (kind == FactKinds.DiagnosisPostoperative)
                {
                    fact = fact with { Value = SurgeryAfter(sentence, index + length) };

                    // "had some elective tests done" is not an operation.
                    if (fact.Value is null && sentence.Tokens[index].Value is "underwent" or "had")
                    {
                        continue;
                    }
                }

                if (TherapyKinds.Contains(kind))
                {
                    if (counts.Claim(index) is { } count)
                    {
                        fact = fact with { Number = count };
                    }

                    lastTherapy = kind;
                }

                facts.Add(fact);
            }
        }

        return lastTherapy;
    }

    private static bool SlightBefore(SentenceContext sentence, int index)
    {
        for (var k = Math.Max(0, index - SlightWindow); k < index; k++)
        {
            if (ClinicalLexicon.SlightWords.Contains(sentence.Tokens[k].Value))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AboutMedicationOnly(SentenceContext sentence) =>
        (sentence.Drugs.Count > 0 || sentence.Concepts.Exists(c => c.Item.Kinds.Contains(FactKinds.TreatmentMedication)))
        && !sentence.Concepts.Exists(c => c.Item.Kinds.Any(k => TherapyKinds.Contains(k) || k is FactKinds.TreatmentHomeExercise or FactKinds.TreatmentTens or FactKinds.TreatmentConservativeCare));

    private static string? SurgeryAfter(SentenceContext sentence, int from)
    {
        foreach (var (index, length, concept) in sentence.Concepts)
        {
            if (index >= from && index <= from + SurgeryWindow && concept.Kinds.Contains(FactKinds.TreatmentSurgery))
            {
                var end = index + length;

                // Take the words from the first one that is not an article: "right shoulder arthroscopy with rotator cuff repair".
                var first = from;
                while (first < index && ClinicalLexicon.Articles.Contains(sentence.Tokens[first].Value))
                {
                    first++;
                }

                return sentence.Words(first, end - first).ToLowerInvariant();
            }
        }

        return null;
    }
}
