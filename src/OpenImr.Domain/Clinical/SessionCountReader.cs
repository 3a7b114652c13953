namespace OpenImr.Domain.Clinical;

/// <summary>
/// Finds the session counts of a sentence ("9 sessions", "no fewer than four (4) therapy visits",
/// "seven visits"; not "2 sessions per week"), and reads those no therapy of the sentence claimed:
/// as the therapy of a recent sentence ("She had acupuncture. She completed 12 sessions.") or as
/// <see cref="FactKinds.TreatmentSessions"/>.
/// </summary>
internal static class SessionCountReader
{
    // How many words (modifiers or the session word) may follow the number.
    private const int UnitWindow = 3;

    public static SessionCounts Find(SentenceContext sentence)
    {
        var tokens = sentence.Tokens;
        var text = sentence.Text.Text;
        var result = new List<(int, int, decimal)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!NumberWords.TryRead(tokens, i, out var value, out var length) || value is <= 0 or > 200 || ClinicalLexicon.NotSessionCounts.Contains(tokens[i].Value)
                || (tokens[i].End < sentence.End && text[tokens[i].End] == '%'))
            {
                continue;
            }

            // "7 out of 10, before a massage treatment" is a score, not a count.
            if (i >= 2 && tokens[i - 1].Value == "of" && tokens[i - 2].Value == "out")
            {
                continue;
            }

            for (var k = i + length; k < tokens.Count && k <= i + length + UnitWindow; k++)
            {
                if (tokens[k].IsNumber || tokens[k].Value == Tokenizer.ScopeBreak
                    || (!ClinicalLexicon.SessionUnits.Contains(tokens[k].Value) && !ClinicalLexicon.SessionModifiers.Contains(tokens[k].Value)))
                {
                    break;
                }

                if (ClinicalLexicon.SessionUnits.Contains(tokens[k].Value))
                {
                    var perWeek = k + 1 < tokens.Count && ClinicalLexicon.FrequencyWords.Contains(tokens[k + 1].Value);
                    if (!perWeek)
                    {
                        result.Add((i, k - i + 1, value));
                    }

                    i = k;
                    break;
                }
            }
        }

        return new SessionCounts(result);
    }

    /// <summary>Reads each count no therapy claimed, as <paramref name="carriedTherapy"/> when one is given, else as generic sessions.</summary>
    public static void ReadUnclaimed(SentenceContext sentence, SessionCounts counts, string? carriedTherapy, List<ClinicalFact> facts)
    {
        foreach (var (index, length, value) in counts.Unclaimed())
        {
            facts.Add(new ClinicalFact(carriedTherapy ?? FactKinds.TreatmentSessions, sentence.Status.StatusOf(index, length))
            {
                Number = value,
                Trigger = sentence.Words(index, length),
                Evidence = sentence.Evidence,
            });
        }
    }
}
