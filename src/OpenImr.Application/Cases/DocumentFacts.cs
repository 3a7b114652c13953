using System.Text.Json;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Service;

namespace OpenImr.Application;

/// <summary>Reads the clinical facts of a case document's text and attaches them to it, so they are saved in the same transaction.</summary>
internal static class DocumentFacts
{
    /// <summary>
    /// Adds to <paramref name="document"/> every fact of its text, with its evidence span. "Since"
    /// durations count to the document's own date, else to the day it is added (California).
    /// </summary>
    public static void Attach(StoredCaseDocument document, Guid caseId, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(document.Text))
        {
            return;
        }

        var asOf = document.Date ?? CaseClock.Today(clock);
        foreach (var fact in FactExtractor.Extract(document.Text, document.Ordinal, asOf))
        {
            document.Facts.Add(new StoredFact
            {
                CaseId = caseId,
                Kind = fact.Kind,
                Status = JsonSerializer.Serialize(fact.Status, ImrJson.Compact).Trim('"'),
                Start = fact.Evidence?.Start ?? 0,
                End = fact.Evidence?.End ?? 0,
                FactJson = JsonSerializer.Serialize(fact, ImrJson.Compact),
            });
        }
    }
}
