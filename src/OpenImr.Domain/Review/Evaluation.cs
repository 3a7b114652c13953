using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Review;

/// <summary>One published item compared with the engine's recommendation on the rebuilt case.</summary>
public sealed record EvaluationResult(string? Source, string? CaseNumber, string Request, Decision Actual, Decision Predicted, string Service);

/// <summary>Counts of actual against predicted decisions, and the figures the targets are stated in.</summary>
public sealed record ConfusionMatrix(int UpheldAsUpheld, int UpheldAsOverturned, int UpheldWithout, int OverturnedAsUpheld, int OverturnedAsOverturned, int OverturnedWithout)
{
    public int Total => UpheldAsUpheld + UpheldAsOverturned + UpheldWithout + OverturnedAsUpheld + OverturnedAsOverturned + OverturnedWithout;

    /// <summary>The share of items that got a recommendation (Upheld or Overturned).</summary>
    public double Coverage => Total == 0 ? 0 : (double)(Total - UpheldWithout - OverturnedWithout) / Total;

    /// <summary>
    /// The mean of the recall on Upheld and on Overturned among recommended items; a class with
    /// no recommended items is left out of the mean (as <c>dev-score</c> does).
    /// </summary>
    public double BalancedAccuracy
    {
        get
        {
            var recalls = new List<double>(2);
            if (UpheldAsUpheld + UpheldAsOverturned > 0)
            {
                recalls.Add((double)UpheldAsUpheld / (UpheldAsUpheld + UpheldAsOverturned));
            }

            if (OverturnedAsUpheld + OverturnedAsOverturned > 0)
            {
                recalls.Add((double)OverturnedAsOverturned / (OverturnedAsUpheld + OverturnedAsOverturned));
            }

            return recalls.Count == 0 ? 0 : recalls.Average();
        }
    }

    public static ConfusionMatrix Of(IEnumerable<EvaluationResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        int uu = 0, uo = 0, un = 0, ou = 0, oo = 0, on = 0;
        foreach (var result in results)
        {
            switch (result.Actual, result.Predicted)
            {
                case (Decision.Upheld, Decision.Upheld): uu++; break;
                case (Decision.Upheld, Decision.Overturned): uo++; break;
                case (Decision.Upheld, _): un++; break;
                case (Decision.Overturned, Decision.Upheld): ou++; break;
                case (Decision.Overturned, Decision.Overturned): oo++; break;
                case (Decision.Overturned, _): on++; break;
            }
        }

        return new ConfusionMatrix(uu, uo, un, ou, oo, on);
    }

    /// <summary>One matrix per service family (the part of <c>FAMILY/KIND</c> before the slash).</summary>
    public static IReadOnlyDictionary<string, ConfusionMatrix> ByFamily(IEnumerable<EvaluationResult> results) =>
        results.GroupBy(r => r.Service.Split('/')[0], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Of(g), StringComparer.Ordinal);
}
