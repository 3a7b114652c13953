using OpenImr.Domain.Cases;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;

namespace OpenImr.Domain.Tests.Cases;

public sealed class DecisionRulesTests
{
    private static readonly string[] Requests = ["Synthetic aquatic therapy 6 sessions", "Synthetic wrist splint"];

    [Theory]
    [InlineData("The synthetic splint is not medically necessary.", false)]
    [InlineData("Our review finds the splint is medically necessary and appropriate.", true)]
    [InlineData("The utilization review called it not medically necessary; the records now show it is medically necessary.", true)]
    [InlineData("It was medically necessary once but is no longer medically necessary.", false)]
    [InlineData("The splint is not considered medically necessary here.", false)]
    [InlineData("A splint would be medically unnecessary for this synthetic worker.", false)]
    [InlineData("The splint is medically necessary, not experimental.", true)]
    [InlineData("The records do not show the conditions are met.", null)]
    [InlineData("", null)]
    public void SaysNecessary_Rationale_ReadsItsLastConclusion(string rationale, bool? expected) =>
        Assert.Equal(expected, DecisionRules.SaysNecessary(rationale));

    // Note that the lazy form of the pattern ran without bound on this letter (a test host grew past 20 GB);
    // every seed letter's last conclusion, across its line breaks, is that a request is not medically necessary.
    [Theory]
    [MemberData(nameof(TestFiles.SeedNames), MemberType = typeof(TestFiles))]
    public void SaysNecessary_AWholeLetter_AnswersWithItsLastConclusion(string seed) =>
        Assert.False(DecisionRules.SaysNecessary(TestFiles.Read(seed)));

    [Fact]
    public void RationaleConflict_OverturnedButNotNecessary_NamesBothWaysOut()
    {
        var conflict = DecisionRules.RationaleConflict(Decision.Overturned, "For these synthetic reasons the splint is not medically necessary.");

        Assert.Contains("Overturned", conflict, StringComparison.Ordinal);
        Assert.Contains("change the decision to Upheld or rewrite the rationale", conflict, StringComparison.Ordinal);
        Assert.NotNull(DecisionRules.RationaleConflict(Decision.Upheld, "The splint is medically necessary."));
        Assert.Null(DecisionRules.RationaleConflict(Decision.Upheld, "The splint is not medically necessary."));
        Assert.Null(DecisionRules.RationaleConflict(Decision.Overturned, "The records show the conditions are met."));
    }

    [Fact]
    public void Check_EveryRequestDecided_TakesThemInOrderMarkingTheAcceptedOne()
    {
        var engine = new Determination(Requests[1], "equipment/brace", null, Decision.Upheld, null, [], "The synthetic splint is not medically necessary.");

        var check = DecisionRules.Check(Requests,
            [new GivenDecision("synthetic wrist splint ", "upheld", null), new GivenDecision(Requests[0], "Overturned", "The aquatic therapy is medically necessary.")],
            [null, engine]);

        Assert.True(check.IsValid);
        Assert.Equal([0, 1], check.Decisions.Select(d => d.Ordinal));
        Assert.False(check.Decisions[0].Accepted);
        Assert.True(check.Decisions[1].Accepted);
        Assert.Equal(engine.Rationale, check.Decisions[1].Rationale);
        Assert.Equal($"{Requests[0]}: Overturned (overridden); {Requests[1]}: Upheld (accepted)", DecisionRules.Summary(check.Decisions));
    }

    [Fact]
    public void Check_BadLines_KeysEachErrorByItsPlace()
    {
        var check = DecisionRules.Check(Requests,
        [
            new GivenDecision("Synthetic hot tub", "Upheld", "x"),
            new GivenDecision(Requests[0], "NoRecommendation", "x"),
            new GivenDecision(Requests[1], "2", "x"),
            null,
        ], [null, null]);

        Assert.False(check.IsValid);
        Assert.Empty(check.Decisions);
        Assert.Equal(["[0].request", "[1].decision", "[2].decision", "[3].request"], check.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_OverrideWithoutRationaleOrTwiceOrMissing_Refused()
    {
        var withoutRationale = DecisionRules.Check(Requests, [new GivenDecision(Requests[0], "Upheld", " "), new GivenDecision(Requests[1], "Upheld", "Not medically necessary.")], [null, null]);
        var twice = DecisionRules.Check(Requests, [new GivenDecision(Requests[0], "Upheld", "a"), new GivenDecision(Requests[0], "Upheld", "b")], [null, null]);
        var missing = DecisionRules.Check(Requests, [new GivenDecision(Requests[0], "Upheld", "a")], [null, null]);

        Assert.Equal(["[0].rationale"], withoutRationale.Errors.Keys);
        Assert.Contains("decided twice", twice.Errors["[1].request"][0], StringComparison.Ordinal);
        Assert.Equal($"Every request needs a decision; missing: {Requests[1]}.", missing.Errors[""][0]);
    }
}
