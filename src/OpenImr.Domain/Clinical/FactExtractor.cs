namespace OpenImr.Domain.Clinical;

/// <summary>
/// Reads <see cref="ClinicalFact"/>s out of one clinical document. The text is normalised
/// (<see cref="NormalizedText"/>) and split into sentences; each sentence is tokenised, matched
/// against the lexicons and analysed for negation and attribution once (<see cref="SentenceContext"/>),
/// then read by one reader per fact kind. Every step is a bounded scan, so extraction is linear in the
/// document's length; it never throws on any input.
/// </summary>
public static class FactExtractor
{
    // How many sentences after a therapy is named a bare session count is still read as that therapy.
    private const int CarryOverSentences = 3;

    /// <summary>All facts of one document, in text order.</summary>
    /// <param name="text">The document text as given; evidence offsets index into it.</param>
    /// <param name="document">The document's index in the case, copied into <see cref="Evidence.Document"/>.</param>
    /// <param name="asOf">The date "now" is, for durations stated as "since".</param>
    public static IReadOnlyList<ClinicalFact> Extract(string? text, int document, DateOnly asOf)
    {
        var facts = new List<ClinicalFact>();
        var normalized = NormalizedText.Create(text);
        var sentences = SentenceSplitter.Split(normalized.Text);
        var sections = DocumentSections.Find(normalized.Original);
        string? lastTherapy = null;
        var lastTherapySentence = int.MinValue / 2;
        for (var s = 0; s < sentences.Count; s++)
        {
            var sentence = new SentenceContext(normalized, sentences[s].Start, sentences[s].End, document, asOf);
            if (sentence.Tokens.Count == 0)
            {
                continue;
            }

            var before = facts.Count;
            var therapy = Read(sentence, s - lastTherapySentence <= CarryOverSentences ? lastTherapy : null, facts);
            if (sections.Count > 0 && facts.Count > before)
            {
                var section = DocumentSections.NameAt(sections, normalized.ToOriginal(sentences[s].Start));
                for (var f = before; f < facts.Count; f++)
                {
                    facts[f] = facts[f] with { Section = section };
                }
            }

            if (therapy is not null)
            {
                lastTherapy = therapy;
                lastTherapySentence = s;
            }
        }

        return facts;
    }

    // The readers' order is the order of the facts within a sentence. Returns the last therapy the sentence names.
    private static string? Read(SentenceContext sentence, string? carriedTherapy, List<ClinicalFact> facts)
    {
        var counts = SessionCountReader.Find(sentence);
        AgeAndSexReader.Read(sentence, facts);
        InjuryDateReader.Read(sentence, facts);
        var therapy = ConceptReader.Read(sentence, counts, facts);
        SessionCountReader.ReadUnclaimed(sentence, counts, carriedTherapy, facts);
        FailedCareReader.Read(sentence, facts);
        LastingComplaintReader.Read(sentence, facts);
        MedicationReader.Read(sentence, facts);
        BodyRegionReader.Read(sentence, facts);
        ScoreReader.Read(sentence, facts);
        return therapy;
    }
}
