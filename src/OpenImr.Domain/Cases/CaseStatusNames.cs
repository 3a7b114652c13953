using System.Text.Json;

namespace OpenImr.Domain.Cases;

/// <summary>
/// The one spelling of each <see cref="CaseStatus"/>: its wire name (<c>awaiting-records</c>, as the
/// enum's JSON names it and the database stores it) and its label for people (<c>Awaiting records</c>).
/// </summary>
public static class CaseStatusNames
{
    private static readonly Dictionary<string, CaseStatus> ByName =
        Enum.GetValues<CaseStatus>().ToDictionary(Name, status => status, StringComparer.Ordinal);

    /// <summary>Every status by its wire name, in the order a case goes through them (the ends, ineligible and closed, last).</summary>
    public static IReadOnlyList<string> All { get; } = [.. new[]
    {
        CaseStatus.Received, CaseStatus.Eligible, CaseStatus.AwaitingRecords, CaseStatus.InReview, CaseStatus.Decided,
        CaseStatus.LetterIssued, CaseStatus.Ineligible, CaseStatus.Closed,
    }.Select(Name)];

    /// <summary>A status's place in <see cref="All"/>; -1 for a name that is no status.</summary>
    public static int Order(string? name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The wire name: <c>received</c>, <c>ineligible</c>, <c>eligible</c>, <c>awaiting-records</c>, <c>in-review</c>, <c>decided</c>, <c>letter-issued</c>, <c>closed</c>.</summary>
    public static string Name(CaseStatus status) => JsonSerializer.Serialize(status).Trim('"');

    /// <summary>The status a wire name names; throws on a name that is none.</summary>
    public static CaseStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new ArgumentException($"'{name}' is not a case status; the statuses are: {string.Join(", ", All)}.", nameof(name));

    public static bool TryParse(string? name, out CaseStatus status) => ByName.TryGetValue(name?.Trim() ?? "", out status);

    /// <summary>How a page names the status to a person.</summary>
    public static string Label(CaseStatus status) => status switch
    {
        CaseStatus.Received => "New",
        CaseStatus.Ineligible => "Ineligible",
        CaseStatus.Eligible => "Eligible",
        CaseStatus.AwaitingRecords => "Awaiting records",
        CaseStatus.InReview => "In review",
        CaseStatus.Decided => "Decided",
        CaseStatus.LetterIssued => "Letter issued",
        CaseStatus.Closed => "Closed",
        _ => Name(status),
    };

    /// <summary>Whether a case in the status is still open: a legal clock may run and a reviewer carries it as workload.</summary>
    public static bool IsOpen(CaseStatus status) => status is not (CaseStatus.Ineligible or CaseStatus.LetterIssued or CaseStatus.Closed);
}
