using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;
using static OpenImr.Domain.Review.BurdenOfProof;

namespace OpenImr.Domain.Tests.Review;

public class BurdenOfProofTests
{
    private static readonly Decisive MetByFacts = new(CriterionStatus.Met, Established: true);
    private static readonly Decisive MetBySilence = new(CriterionStatus.Met, Established: false);
    private static readonly Decisive NotMet = new(CriterionStatus.NotMet, Established: false);
    private static readonly Decisive NotDocumented = new(CriterionStatus.NotDocumented, Established: false);

    [Fact]
    public void Decide_EveryCriterionMetAndOneShown_OverturnedCriteriaMet() =>
        Assert.Equal((Decision.Overturned, RecommendationStrength.MetWithEvidence), Decide([MetByFacts, MetBySilence]));

    [Fact]
    public void Decide_NoDecisiveCriterion_UpheldNotEstablished() =>
        Assert.Equal((Decision.Upheld, RecommendationStrength.NotEstablished), Decide([]));

    [Fact]
    public void Decide_MetOnlyBySilence_UpheldNotEstablished() =>
        Assert.Equal((Decision.Upheld, RecommendationStrength.NotEstablished), Decide([MetBySilence, MetBySilence]));

    [Fact]
    public void Decide_OneNotDocumented_UpheldNotEstablished() =>
        Assert.Equal((Decision.Upheld, RecommendationStrength.NotEstablished), Decide([MetByFacts, NotDocumented]));

    [Fact]
    public void Decide_OneNotMet_UpheldCriteriaNotMet() =>
        Assert.Equal((Decision.Upheld, RecommendationStrength.NotMet), Decide([MetByFacts, NotDocumented, NotMet]));

    [Fact]
    public void Decide_AnyMix_NeverOverturnedWithoutAnEstablishedCriterion()
    {
        Decisive[] kinds = [MetBySilence, NotMet, NotDocumented];
        foreach (var a in kinds)
        {
            foreach (var b in kinds)
            {
                Assert.Equal(Decision.Upheld, Decide([a, b]).Decision);
            }
        }
    }

    [Theory]
    [InlineData(RecommendationStrength.MetWithEvidence, "criteria met with evidence")]
    [InlineData(RecommendationStrength.NotMet, "criteria not met")]
    [InlineData(RecommendationStrength.NotEstablished, "not established by the records")]
    [InlineData(null, "the engine cannot judge it")]
    public void Describe_EachStrength_PlainWords(RecommendationStrength? strength, string words) =>
        Assert.Equal(words, RecommendationStrengths.Describe(strength));

    [Theory]
    [InlineData(RecommendationStrength.MetWithEvidence, "\"met-with-evidence\"")]
    [InlineData(RecommendationStrength.NotMet, "\"not-met\"")]
    [InlineData(RecommendationStrength.NotEstablished, "\"not-established\"")]
    [InlineData(null, "null")]
    public void Serialize_EachStrength_TheContractsName(RecommendationStrength? strength, string json) =>
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(strength));
}
