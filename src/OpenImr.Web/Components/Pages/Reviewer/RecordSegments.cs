using OpenImr.Domain.Clinical;

namespace OpenImr.Web.Components.Pages.Reviewer;

/// <summary>One stretch of a record's text: plain, or an evidence span with the id the checklist scrolls to.</summary>
public sealed record RecordSegment(string Text, string? EvidenceId);

/// <summary>
/// Cuts each record into plain text and the evidence spans the engine cited, so the records
/// viewer can mark them and a criterion can point at its span. Spans that overlap one already
/// marked point at that one, so marks never nest.
/// </summary>
public static class RecordSegments
{
    public static string IdOf(int document, int start) => $"evidence-{document}-{start}";

    /// <summary>The segments of every record, and the element id each evidence (by document, start, end) points at.</summary>
    public static (IReadOnlyList<IReadOnlyList<RecordSegment>> Records, IReadOnlyDictionary<(int Document, int Start, int End), string> Targets) Cut(
        IReadOnlyList<string> texts, IEnumerable<Evidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var targets = new Dictionary<(int, int, int), string>();
        var records = new List<IReadOnlyList<RecordSegment>>(texts.Count);
        var byDocument = evidence
            .Where(e => e.Document >= 0 && e.Document < texts.Count && e.Start >= 0 && e.End > e.Start && e.End <= texts[e.Document].Length)
            .Distinct()
            .GroupBy(e => e.Document)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Start).ThenByDescending(e => e.End).ToList());
        for (var document = 0; document < texts.Count; document++)
        {
            var text = texts[document];
            var segments = new List<RecordSegment>();
            var position = 0;
            (int Start, int End, string Id)? last = null;
            foreach (var span in byDocument.GetValueOrDefault(document) ?? [])
            {
                if (last is { } marked && span.Start < marked.End)
                {
                    targets[(document, span.Start, span.End)] = marked.Id;
                    continue;
                }

                if (span.Start > position)
                {
                    segments.Add(new RecordSegment(text[position..span.Start], null));
                }

                var id = IdOf(document, span.Start);
                segments.Add(new RecordSegment(text[span.Start..span.End], id));
                targets[(document, span.Start, span.End)] = id;
                last = (span.Start, span.End, id);
                position = span.End;
            }

            if (position < text.Length)
            {
                segments.Add(new RecordSegment(text[position..], null));
            }

            records.Add(segments);
        }

        return (records, targets);
    }
}
