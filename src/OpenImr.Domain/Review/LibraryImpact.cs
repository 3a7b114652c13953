using OpenImr.Domain.Cases;
using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Review;

/// <summary>How one criterion stands under each library; <see langword="null"/> where that library does not apply it.</summary>
/// <param name="Id">Criterion id.</param>
/// <param name="Before">Its status under the old library.</param>
/// <param name="After">Its status under the new library.</param>
public sealed record CriterionChange(string Id, CriterionStatus? Before, CriterionStatus? After);

/// <summary>A determination that differs between two libraries, and the criteria that made it differ.</summary>
/// <param name="CaseNumber">The letter's case number.</param>
/// <param name="Item">0-based item of the letter.</param>
/// <param name="Request">The request as the letter words it.</param>
/// <param name="Actual">The reviewer's decision.</param>
/// <param name="Before">The engine's decision under the old library.</param>
/// <param name="After">The engine's decision under the new library.</param>
/// <param name="GuidelineBefore">The guideline relied on before, e.g. "MTUS Low Back Complaints (2004)".</param>
/// <param name="GuidelineAfter">The guideline relied on after.</param>
/// <param name="Criteria">Every criterion whose status differs (added, removed or changed).</param>
public sealed record DeterminationChange(
    string? CaseNumber,
    int Item,
    string Request,
    Decision Actual,
    Decision Before,
    Decision After,
    string? GuidelineBefore,
    string? GuidelineAfter,
    IReadOnlyList<CriterionChange> Criteria);

/// <summary>
/// What a change to the criteria library does to real decisions: every letter of a corpus reviewed under both
/// libraries (cases rebuilt as <see cref="LetterEvaluation"/> rebuilds them), each determination that changes,
/// and the agreement with the reviewers before and after.
/// </summary>
/// <param name="Letters">Letters compared.</param>
/// <param name="Items">Items compared.</param>
/// <param name="Changes">Determinations whose decision, guideline or criteria differ.</param>
/// <param name="Before">Agreement with the reviewers under the old library.</param>
/// <param name="After">Agreement with the reviewers under the new library.</param>
public sealed record LibraryImpact(int Letters, int Items, IReadOnlyList<DeterminationChange> Changes, ConfusionMatrix Before, ConfusionMatrix After)
{
    /// <summary>Reviews every letter under both engines and compares them item by item.</summary>
    /// <param name="letters">Published letters: their decisions are the reference, never an input to the review.</param>
    /// <param name="before">The engine on the old library.</param>
    /// <param name="after">The engine on the new library.</param>
    /// <param name="asOf">The date used for a letter without a decision date.</param>
    public static LibraryImpact Compare(IReadOnlyList<Letter> letters, ReviewEngine before, ReviewEngine after, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(letters);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<DeterminationChange>();
        var resultsBefore = new List<EvaluationResult>();
        var resultsAfter = new List<EvaluationResult>();
        foreach (var letter in letters)
        {
            var rebuilt = LetterCase.From(letter);
            var texts = rebuilt.Documents.Select(d => d.Text ?? "").ToList();
            var date = letter.Dates.Decision ?? asOf;
            var old = before.Review(rebuilt, texts, date).Determinations;
            var now = after.Review(rebuilt, texts, date).Determinations;
            for (var i = 0; i < letter.Items.Count && i < old.Count && i < now.Count; i++)
            {
                var actual = letter.Items[i].Decision ?? Decision.NoRecommendation;
                resultsBefore.Add(new EvaluationResult(letter.Source, letter.CaseNumber, letter.Items[i].Request, actual, old[i].Decision, old[i].Service));
                resultsAfter.Add(new EvaluationResult(letter.Source, letter.CaseNumber, letter.Items[i].Request, actual, now[i].Decision, now[i].Service));
                var criteria = CriteriaChanges(old[i], now[i]);
                var guidelineBefore = Name(old[i].Guideline);
                var guidelineAfter = Name(now[i].Guideline);
                if (old[i].Decision != now[i].Decision || criteria.Count > 0 || guidelineBefore != guidelineAfter)
                {
                    changes.Add(new DeterminationChange(letter.CaseNumber, i, letter.Items[i].Request, actual, old[i].Decision, now[i].Decision,
                        guidelineBefore, guidelineAfter, criteria));
                }
            }
        }

        return new LibraryImpact(letters.Count, resultsBefore.Count, changes, ConfusionMatrix.Of(resultsBefore), ConfusionMatrix.Of(resultsAfter));
    }

    private static List<CriterionChange> CriteriaChanges(Determination before, Determination after)
    {
        var old = before.Criteria.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Status, StringComparer.Ordinal);
        var now = after.Criteria.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Status, StringComparer.Ordinal);
        return old.Keys.Concat(now.Keys).Distinct(StringComparer.Ordinal)
            .Select(id => new CriterionChange(id, old.TryGetValue(id, out var b) ? b : null, now.TryGetValue(id, out var a) ? a : null))
            .Where(c => c.Before != c.After)
            .ToList();
    }

    private static string? Name(GuidelineCitation? citation) =>
        citation is null ? null : $"{citation.Source} {citation.Title} ({citation.Edition}){(citation.Section is { } s ? ", " + s : "")}";
}
