using OpenImr.Domain.Text;

namespace OpenImr.Domain.Review;

/// <summary>Dates a case's records state when its structured fields do not.</summary>
internal static class RecordDates
{
    private static readonly string[] ReviewWords =
    [
        "utilization review", "UR ", "UR,", "(UR)", "adverse determination", "non-certif", "noncertif", "denied", "modified the request",
    ];

    /// <summary>
    /// The utilization review decision date as the records state it ("a utilization review dated
    /// 8/18/2013 non-certified ..."), else the latest date the records mention; null when they state none.
    /// </summary>
    public static DateOnly? UtilizationReview(IReadOnlyList<string> documents, DateOnly asOf)
    {
        DateOnly? review = null, latest = null;
        foreach (var text in documents)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var position = 0;
            while (position < text.Length && DateText.FindFirst(text, position) is { } found)
            {
                position = found.Index + found.Length;
                if (found.Date > asOf)
                {
                    continue;
                }

                latest = latest is null || found.Date > latest ? found.Date : latest;
                var from = Math.Max(0, found.Index - 80);
                var window = text[from..Math.Min(text.Length, found.Index + found.Length + 80)];
                if (ReviewWords.Any(w => window.Contains(w, StringComparison.OrdinalIgnoreCase)))
                {
                    review = review is null || found.Date > review ? found.Date : review;
                }
            }
        }

        return review ?? latest;
    }
}
