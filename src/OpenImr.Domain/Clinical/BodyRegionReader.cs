namespace OpenImr.Domain.Clinical;

/// <summary>Reads a <see cref="FactKinds.BodyRegion"/> for each body region a sentence names, with its laterality and status.</summary>
internal static class BodyRegionReader
{
    public static void Read(SentenceContext sentence, List<ClinicalFact> facts)
    {
        foreach (var (index, length, region) in sentence.Regions)
        {
            facts.Add(new ClinicalFact(FactKinds.BodyRegion, sentence.Status.StatusOf(index, length))
            {
                Value = region,
                Region = region,
                Laterality = BodyRegions.LateralityNear(sentence.Tokens, index, length),
                Trigger = sentence.Words(index, length),
                Evidence = sentence.Evidence,
            });
        }
    }
}
