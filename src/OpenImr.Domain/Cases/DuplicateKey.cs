using System.Globalization;
using System.Text;

namespace OpenImr.Domain.Cases;

/// <summary>
/// The identity of a filing for removing duplicates before eligibility screening (PROC-05): the
/// case number, and the claim (date of injury, UR decision date and the disputed treatments,
/// normalised). Two filings are duplicates when either part matches.
/// </summary>
/// <param name="CaseNumber">The case number upper-cased without spaces, or null.</param>
/// <param name="Claim">
/// <c>injury|urDenial|request;request</c> with the requests normalised and sorted, or null when
/// any part is missing.
/// </param>
public sealed record DuplicateKey(string? CaseNumber, string? Claim)
{
    /// <summary>The key of <paramref name="case"/>.</summary>
    public static DuplicateKey For(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var caseNumber = string.IsNullOrWhiteSpace(@case.CaseNumber)
            ? null
            : string.Concat(@case.CaseNumber.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        var requests = @case.Requests.Select(r => NormaliseRequest(r.Description)).Where(r => r.Length > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var claim = @case.Dates is { Injury: { } injury, UrDenial: { } denial } && requests.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{injury:yyyy-MM-dd}|{denial:yyyy-MM-dd}|{string.Join(';', requests)}")
            : null;
        return new DuplicateKey(caseNumber, claim);
    }

    /// <summary>Whether the two keys name the same filing: same case number, or same claim.</summary>
    public bool Matches(DuplicateKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return (CaseNumber is not null && CaseNumber == other.CaseNumber) || (Claim is not null && Claim == other.Claim);
    }

    /// <summary>
    /// Groups of duplicate filings among <paramref name="cases"/>, as indices in input order; the
    /// first index of each group is the filing to keep. Matching is transitive. Filings without a
    /// duplicate are not listed.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> FindDuplicates(IReadOnlyList<Case> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var parent = Enumerable.Range(0, cases.Count).ToArray();
        var byCaseNumber = new Dictionary<string, int>(StringComparer.Ordinal);
        var byClaim = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            var key = For(cases[i]);
            Link(key.CaseNumber, byCaseNumber, i);
            Link(key.Claim, byClaim, i);
        }

        return [.. Enumerable.Range(0, cases.Count)
            .GroupBy(Root)
            .Where(g => g.Count() > 1)
            .OrderBy(g => g.Key)
            .Select(g => (IReadOnlyList<int>)[.. g.Order()])];

        void Link(string? value, Dictionary<string, int> seen, int index)
        {
            if (value is null)
            {
                return;
            }

            if (seen.TryGetValue(value, out var first))
            {
                var (a, b) = (Root(first), Root(index));
                parent[Math.Max(a, b)] = Math.Min(a, b);
            }
            else
            {
                seen[value] = index;
            }
        }

        int Root(int i)
        {
            while (parent[i] != i)
            {
                i = parent[i] = parent[parent[i]];
            }

            return i;
        }
    }

    /// <summary>A request description lower-cased, with punctuation turned to spaces and runs of spaces collapsed.</summary>
    public static string NormaliseRequest(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var builder = new StringBuilder(description.Length);
        foreach (var c in description)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString().TrimEnd();
    }
}
