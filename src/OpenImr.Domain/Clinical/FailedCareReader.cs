namespace OpenImr.Domain.Clinical;

/// <summary>
/// Reads <see cref="FactKinds.ConservativeCareFailed"/> where no lexicon phrase states it: care named after
/// "despite" or "in spite of", or after a word saying the complaint lasted on ("continued pain after six
/// weeks of therapy"). Care named and the complaint outlasting it is care that failed (ACOEM: failure to
/// progress with conservative care).
/// </summary>
internal static class FailedCareReader
{
    // How far after "despite" or "after" the care it names may stand.
    private const int CareWindow = 8;

    // The care whose failure "despite ..." can state.
    private static readonly HashSet<string> CareKinds =
    [
        FactKinds.TreatmentPhysicalTherapy, FactKinds.TreatmentChiropractic, FactKinds.TreatmentAcupuncture, FactKinds.TreatmentOccupationalTherapy,
        FactKinds.TreatmentHomeExercise, FactKinds.TreatmentTens, FactKinds.TreatmentConservativeCare, FactKinds.TreatmentMedication, FactKinds.TreatmentInjection,
    ];

    public static void Read(SentenceContext sentence, List<ClinicalFact> facts)
    {
        if (sentence.Concepts.Exists(c => c.Item.Kinds.Contains(FactKinds.ConservativeCareFailed)))
        {
            return;
        }

        var tokens = sentence.Tokens;
        var persisting = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Value;
            if (ClinicalLexicon.PersistenceWords.Contains(word))
            {
                persisting = i;
                continue;
            }

            var despite = word == "despite" || (word == "spite" && i > 0 && tokens[i - 1].Value == "in");
            var after = word == "after" && persisting >= 0;
            if (!despite && !after)
            {
                continue;
            }

            var care = CareWithin(sentence, i + 1, i + CareWindow);
            if (care >= 0)
            {
                var first = after ? persisting : i;
                facts.Add(new ClinicalFact(FactKinds.ConservativeCareFailed, sentence.Status.StatusOf(care, 1))
                {
                    Trigger = sentence.Words(first, care - first + 1),
                    Evidence = sentence.Evidence,
                });
                return;
            }
        }
    }

    private static int CareWithin(SentenceContext sentence, int from, int to)
    {
        foreach (var (index, _, concept) in sentence.Concepts)
        {
            if (index >= from && index <= to && concept.Kinds.Any(CareKinds.Contains))
            {
                return index;
            }
        }

        foreach (var (index, _, _) in sentence.Drugs)
        {
            if (index >= from && index <= to)
            {
                return index;
            }
        }

        return -1;
    }
}
