namespace OpenImr.Domain.Clinical;

/// <summary>
/// Reads <see cref="FactKinds.SymptomPersistent"/> where no lexicon phrase states it: a complaint with a word
/// saying it lasts on near it, with words between ("lasting pain in the left hip", "the low back pain continues").
/// </summary>
internal static class LastingComplaintReader
{
    // How far before and after the complaint its persistence word may stand.
    private const int WindowBefore = 4;
    private const int WindowAfter = 2;

    public static void Read(SentenceContext sentence, List<ClinicalFact> facts)
    {
        if (sentence.Concepts.Exists(c => c.Item.Kinds.Contains(FactKinds.SymptomPersistent)))
        {
            return;
        }

        var tokens = sentence.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!ClinicalLexicon.ComplaintWords.Contains(tokens[i].Value))
            {
                continue;
            }

            var persisting = -1;
            for (var k = Math.Max(0, i - WindowBefore); k <= Math.Min(tokens.Count - 1, i + WindowAfter) && persisting < 0; k++)
            {
                if (k != i && ClinicalLexicon.PersistenceWords.Contains(tokens[k].Value))
                {
                    persisting = k;
                }
            }

            if (persisting < 0)
            {
                continue;
            }

            var (region, laterality) = sentence.NearestRegion(i);
            facts.Add(new ClinicalFact(FactKinds.SymptomPersistent, sentence.Status.StatusOf(Math.Min(i, persisting), 1))
            {
                Region = region,
                Laterality = laterality,
                Trigger = sentence.Words(Math.Min(i, persisting), Math.Abs(i - persisting) + 1),
                Evidence = sentence.Evidence,
            });
            return;
        }
    }
}
