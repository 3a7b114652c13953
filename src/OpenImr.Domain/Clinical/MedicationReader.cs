namespace OpenImr.Domain.Clinical;

/// <summary>
/// Reads each drug a sentence names as <see cref="FactKinds.TreatmentMedication"/> (with its region when
/// topical), an opioid also as <see cref="FactKinds.MedicationOpioid"/>, and a stated duration ("for the
/// past 6 months", "since 01/05/2016") as the <see cref="FactKinds.MedicationDuration"/> of the nearest drug.
/// </summary>
internal static class MedicationReader
{
    // How many filler words may stand between "for" and the duration's number.
    private const int FillerWindow = 4;

    public static void Read(SentenceContext sentence, List<ClinicalFact> facts)
    {
        var drugs = sentence.Drugs;
        if (drugs.Count == 0)
        {
            return;
        }

        var duration = Duration(sentence) ?? Since(sentence);
        foreach (var (index, length, drug) in drugs)
        {
            var status = sentence.Status.StatusOf(index, length);
            var (region, laterality) = sentence.NearestRegion(index);
            var name = drug.Name;
            facts.Add(new ClinicalFact(FactKinds.TreatmentMedication, status)
            {
                Value = name,
                Region = drug.IsTopical ? region : null,
                Laterality = drug.IsTopical ? laterality : null,
                Trigger = sentence.Words(index, length),
                Evidence = sentence.Evidence,
            });
            if (drug.Class == DrugLexicon.Opioid)
            {
                facts.Add(new ClinicalFact(FactKinds.MedicationOpioid, status) { Value = name, Trigger = sentence.Words(index, length), Evidence = sentence.Evidence });
            }
        }

        if (duration is { } d)
        {
            var nearest = drugs.MinBy(x => Math.Abs(x.Index - d.Index));
            facts.Add(new ClinicalFact(FactKinds.MedicationDuration, sentence.Status.StatusOf(nearest.Index, nearest.Length))
            {
                Value = nearest.Item.Name,
                Number = d.Months,
                Trigger = sentence.Words(d.Index, d.Length),
                Evidence = sentence.Evidence,
            });
        }
    }

    // "for (the past|at least) N months|weeks|years".
    private static (int Index, int Length, decimal Months)? Duration(SentenceContext sentence)
    {
        var tokens = sentence.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Value != "for")
            {
                continue;
            }

            var k = i + 1;
            while (k < tokens.Count && k <= i + FillerWindow && ClinicalLexicon.DurationFillers.Contains(tokens[k].Value))
            {
                k++;
            }

            if (!NumberWords.TryRead(tokens, k, out var value, out var length) || k + length >= tokens.Count)
            {
                continue;
            }

            var unit = tokens[k + length].Value;
            decimal? months = unit switch
            {
                "month" or "months" => value,
                "year" or "years" => value * 12,
                "week" or "weeks" => Math.Round(value / 4.345m, 1),
                _ => null,
            };
            if (months is { } m)
            {
                return (i, k + length - i + 1, m);
            }
        }

        return null;
    }

    // "on Norco since 01/05/2016": whole months from that date to asOf.
    private static (int Index, int Length, decimal Months)? Since(SentenceContext sentence)
    {
        foreach (var date in sentence.Dates)
        {
            if (date.Token > 0 && sentence.Tokens[date.Token - 1].Value == "since" && date.Date <= sentence.AsOf)
            {
                return (date.Token - 1, 2, CaseFacts.WholeMonths(date.Date, sentence.AsOf));
            }
        }

        return null;
    }
}
