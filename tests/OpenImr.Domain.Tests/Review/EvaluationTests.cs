using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;

namespace OpenImr.Domain.Tests.Review;

public class EvaluationTests
{
    private static EvaluationResult Result(Decision actual, Decision predicted, string service = "imaging/mri") =>
        new("a.pdf", "CM16-0000001", "request", actual, predicted, service);

    [Fact]
    public void BalancedAccuracy_MixedResults_IsMeanOfClassRecalls()
    {
        var matrix = ConfusionMatrix.Of(
        [
            Result(Decision.Upheld, Decision.Upheld), Result(Decision.Upheld, Decision.Upheld), Result(Decision.Upheld, Decision.Upheld),
            Result(Decision.Upheld, Decision.Overturned), Result(Decision.Overturned, Decision.Overturned), Result(Decision.Overturned, Decision.Upheld),
            Result(Decision.Overturned, Decision.NoRecommendation),
        ]);

        Assert.Equal(3, matrix.UpheldAsUpheld);
        Assert.Equal(1, matrix.OverturnedWithout);
        Assert.Equal((0.75 + 0.5) / 2, matrix.BalancedAccuracy, 6);
        Assert.Equal(6.0 / 7, matrix.Coverage, 6);
    }

    [Fact]
    public void BalancedAccuracy_AllUpheldPredictedUpheld_IsRecallOnUpheldOnly()
    {
        var matrix = ConfusionMatrix.Of([Result(Decision.Upheld, Decision.Upheld), Result(Decision.Upheld, Decision.Upheld)]);

        Assert.Equal(1.0, matrix.BalancedAccuracy);
    }

    [Fact]
    public void ByFamily_GroupsOnFamilyBeforeSlash()
    {
        var families = ConfusionMatrix.ByFamily(
        [
            Result(Decision.Upheld, Decision.Upheld, "imaging/mri"), Result(Decision.Upheld, Decision.Upheld, "imaging/ct"),
            Result(Decision.Overturned, Decision.Upheld, "medication/nsaid"),
        ]);

        Assert.Equal(["imaging", "medication"], families.Keys);
        Assert.Equal(2, families["imaging"].Total);
        Assert.Equal(0.0, families["medication"].BalancedAccuracy);
    }
}
