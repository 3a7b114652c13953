using OpenImr.Domain.Cases;

namespace OpenImr.Domain.Clinical;

/// <summary>All the facts of a case: its structured fields and what its documents say.</summary>
public static class CaseFacts
{
    /// <summary>
    /// Facts from <paramref name="case"/>'s structured fields (no evidence), then from each document
    /// text in order, then <see cref="FactKinds.InjuryTimeSince"/> computed at <paramref name="asOf"/>.
    /// </summary>
    /// <param name="documentTexts">The text of each <c>documents[i]</c> (the host resolves paths and PDFs); index i is the evidence's document.</param>
    public static IReadOnlyList<ClinicalFact> Extract(Case @case, IReadOnlyList<string> documentTexts, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(documentTexts);
        var facts = new List<ClinicalFact>();
        if (@case.Patient?.Age is { } age)
        {
            facts.Add(new ClinicalFact(FactKinds.PatientAge, FactStatus.Affirmed) { Number = age });
        }

        if (@case.Patient?.Sex is { Length: > 0 } sex)
        {
            facts.Add(new ClinicalFact(FactKinds.PatientSex, FactStatus.Affirmed) { Value = sex });
        }

        if (@case.Dates?.Injury is { } injury)
        {
            facts.Add(new ClinicalFact(FactKinds.InjuryDate, FactStatus.Affirmed) { Date = injury });
        }

        for (var i = 0; i < documentTexts.Count; i++)
        {
            facts.AddRange(FactExtractor.Extract(documentTexts[i], i, asOf));
        }

        var injuryFact = facts.Find(f => f.Kind == FactKinds.InjuryDate && f.Date is not null);
        if (injuryFact?.Date is { } date && date <= asOf)
        {
            facts.Add(new ClinicalFact(FactKinds.InjuryTimeSince, FactStatus.Affirmed)
            {
                Number = WholeMonths(date, asOf),
                Date = date,
                Evidence = injuryFact.Evidence,
                Trigger = injuryFact.Trigger,
            });
        }

        return facts;
    }

    /// <summary>Whole calendar months from <paramref name="from"/> to <paramref name="to"/> (0 if to is earlier).</summary>
    public static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        if (to.Day < from.Day)
        {
            months--;
        }

        return Math.Max(months, 0);
    }
}
