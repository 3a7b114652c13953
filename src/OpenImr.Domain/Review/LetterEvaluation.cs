using OpenImr.Domain.Cases;
using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Review;

/// <summary>The engine measured against published letters: every item compared, and how often the guideline chosen is one the reviewer cited.</summary>
/// <param name="GuidelineMatch">Share of compared items whose chosen guideline the reviewer also cited; null when none could be compared.</param>
public sealed record LetterEvaluation(IReadOnlyList<EvaluationResult> Results, double? GuidelineMatch)
{
    /// <summary>
    /// Rebuilds each letter's case from its header, summary and requests only (<see cref="LetterCase"/>),
    /// reviews it as of the letter's decision date (else <paramref name="asOf"/>), and compares item by item.
    /// </summary>
    public static LetterEvaluation Run(IEnumerable<Letter> letters, ReviewEngine engine, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(letters);
        ArgumentNullException.ThrowIfNull(engine);
        var results = new List<EvaluationResult>();
        int compared = 0, matched = 0;
        foreach (var letter in letters)
        {
            var rebuilt = LetterCase.From(letter);
            var review = engine.Review(rebuilt, rebuilt.Documents.Select(d => d.Text ?? "").ToList(), letter.Dates.Decision ?? asOf);
            for (var i = 0; i < letter.Items.Count && i < review.Determinations.Count; i++)
            {
                var item = letter.Items[i];
                var determination = review.Determinations[i];
                results.Add(new EvaluationResult(letter.Source, letter.CaseNumber, item.Request, item.Decision ?? Decision.NoRecommendation,
                    determination.Decision, determination.Service));
                if (determination.Guideline is { } chosen && item.Citations.Count > 0)
                {
                    compared++;
                    // An MTUS citation must name the same MTUS document; other sources match on the source.
                    if (item.Citations.Any(c => c.Source == chosen.Source && (chosen.Source != GuidelineCitationParser.Mtus || c.Title == chosen.Title)))
                    {
                        matched++;
                    }
                }
            }
        }

        return new LetterEvaluation(results, compared == 0 ? null : (double)matched / compared);
    }
}
