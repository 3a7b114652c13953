namespace OpenImr.Domain.Clinical;

/// <summary>
/// Reads <see cref="FactKinds.PatientAge"/> and <see cref="FactKinds.PatientSex"/>: "47 year old man",
/// "47-year-old woman", "now a 61-year-old woman", "a 33 yo male"; without an age, "the worker is a woman who ...".
/// </summary>
internal static class AgeAndSexReader
{
    private const int SexWindow = 4;

    public static void Read(SentenceContext sentence, List<ClinicalFact> facts)
    {
        if (ReadAge(sentence, facts))
        {
            return;
        }

        var tokens = sentence.Tokens;
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Value is "is" or "was" && tokens[i + 1].Value is "a" or "an" && ClinicalLexicon.SexWords.Contains(tokens[i + 2].Value))
            {
                facts.Add(new ClinicalFact(FactKinds.PatientSex, FactStatus.Affirmed)
                {
                    Value = Sex(tokens[i + 2].Value),
                    Trigger = sentence.Words(i, 3),
                    Evidence = sentence.Evidence,
                });
                return;
            }
        }
    }

    private static bool ReadAge(SentenceContext sentence, List<ClinicalFact> facts)
    {
        var tokens = sentence.Tokens;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!tokens[i].IsNumber || !NumberWords.TryParse(tokens[i].Value, out var age) || age is < 1 or > 115)
            {
                continue;
            }

            var next = i + 1;
            if (tokens[next].Value is "year" or "years" && next + 1 < tokens.Count && tokens[next + 1].Value == "old")
            {
                next += 2;
            }
            else if (tokens[next].Value == "yo")
            {
                next += 1;
            }
            else
            {
                continue;
            }

            // An age is stated, not hedged or negated; only "his mother, a 60-year-old woman" is about someone else.
            var status = sentence.Status.StatusOf(i, next - i) == FactStatus.OtherPerson ? FactStatus.OtherPerson : FactStatus.Affirmed;
            facts.Add(new ClinicalFact(FactKinds.PatientAge, status)
            {
                Number = age,
                Trigger = sentence.Words(i, next - i),
                Evidence = sentence.Evidence,
            });
            for (var k = next; k < tokens.Count && k < next + SexWindow; k++)
            {
                if (ClinicalLexicon.SexWords.Contains(tokens[k].Value))
                {
                    facts.Add(new ClinicalFact(FactKinds.PatientSex, status)
                    {
                        Value = Sex(tokens[k].Value),
                        Trigger = sentence.Words(i, k - i + 1),
                        Evidence = sentence.Evidence,
                    });
                    break;
                }
            }

            return true;
        }

        return false;
    }

    private static string Sex(string word) => ClinicalLexicon.FemaleWords.Contains(word) ? "female" : "male";
}
