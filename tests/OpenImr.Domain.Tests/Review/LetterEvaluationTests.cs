using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;

namespace OpenImr.Domain.Tests.Review;

public class LetterEvaluationTests
{
    [Fact]
    public void Run_Seeds_ComparesEveryItemAndTheGuidelineChosen()
    {
        var letters = TestFiles.Seeds.Select(s => LetterParser.Parse(TestFiles.Read(s), s).Letter!).ToList();

        var evaluation = LetterEvaluation.Run(letters, new ReviewEngine(GuidelineLibrary.LoadEmbedded()), new DateOnly(2026, 11, 23));

        Assert.Equal(5, evaluation.Results.Count);
        Assert.All(evaluation.Results, r => Assert.Equal((Decision.Upheld, Decision.Upheld), (r.Actual, r.Predicted)));
        Assert.Equal(1.0, evaluation.GuidelineMatch);
    }

    [Fact]
    public void Run_LetterWithoutCitations_LeavesGuidelineMatchUnknown()
    {
        var letter = LetterParser.Parse(TestFiles.Read(TestFiles.Seed002)).Letter!;
        letter = letter with { Items = [letter.Items[0] with { Citations = [] }] };

        var evaluation = LetterEvaluation.Run([letter], new ReviewEngine(GuidelineLibrary.LoadEmbedded()), new DateOnly(2026, 11, 23));

        Assert.Single(evaluation.Results);
        Assert.Null(evaluation.GuidelineMatch);
    }
}
