namespace OpenImr.Domain.Clinical;

/// <summary>
/// Reads <see cref="FactKinds.InjuryDate"/>: a date with an injury cue as the last thing before it
/// ("sustained an injury on 3/4/2014", "DOI: 3/4/2014") or shortly after it ("3/9/07 (date of injury)").
/// </summary>
internal static class InjuryDateReader
{
    // How many characters before and after a date its cue may stand.
    private const int CueBefore = 45;
    private const int CueAfter = 25;

    public static void Read(SentenceContext sentence, List<ClinicalFact> facts)
    {
        var text = sentence.Text.Text;
        foreach (var date in sentence.Dates)
        {
            var beforeStart = Math.Max(sentence.Start, date.Start - CueBefore);
            var before = text.AsSpan(beforeStart, date.Start - beforeStart);
            var afterEnd = Math.Min(sentence.End, date.End + CueAfter);
            var after = text.AsSpan(date.End, afterEnd - date.End);
            if (LastCue(before) || CueIn(after))
            {
                facts.Add(new ClinicalFact(FactKinds.InjuryDate, FactStatus.Affirmed)
                {
                    Date = date.Date,
                    Trigger = text[date.Start..date.End],
                    Evidence = sentence.Evidence,
                });
            }
        }
    }

    private static bool LastCue(ReadOnlySpan<char> before)
    {
        // The cue must be the last thing before the date: no other date in between.
        var lastDigitRun = before.LastIndexOfAnyInRange('0', '9');
        foreach (var cue in ClinicalLexicon.InjuryDateCuesBefore)
        {
            var at = before.LastIndexOf(cue, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && at > lastDigitRun)
            {
                return true;
            }
        }

        return false;
    }

    private static bool CueIn(ReadOnlySpan<char> after)
    {
        foreach (var cue in ClinicalLexicon.InjuryDateCuesAfter)
        {
            if (after.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
