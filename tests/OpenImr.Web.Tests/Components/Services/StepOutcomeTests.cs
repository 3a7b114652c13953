using OpenImr.Web.Components.Services;

namespace OpenImr.Web.Tests.Components.Services;

public sealed class StepOutcomeTests
{
    [Fact]
    public void Refusal_ProblemWithFieldErrors_SaysBoth()
    {
        var outcome = new StepOutcome<int>(0, "The certification is incomplete.",
            new Dictionary<string, string[]> { ["certifiedBy"] = ["Name the treating physician."] });

        Assert.Equal("The certification is incomplete. Name the treating physician.", outcome.Refusal);
    }

    [Fact]
    public void Refusal_Succeeded_IsNull() =>
        Assert.Null(new StepOutcome<int>(3, null, new Dictionary<string, string[]>()).Refusal);
}
