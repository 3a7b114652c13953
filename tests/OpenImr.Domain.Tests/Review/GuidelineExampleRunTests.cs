using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Review;
using OpenImr.Domain.Tests.Guidelines;

namespace OpenImr.Domain.Tests.Review;

public class GuidelineExampleRunTests
{
    private static readonly GuidelineLibrary Library = GuidelineLibrary.LoadEmbedded();

    [Fact]
    public void Run_ShippedExamples_EveryOnePasses()
    {
        var run = GuidelineExampleRun.Run(Library);

        Assert.NotEmpty(run.Results);
        Assert.All(run.Results, r => Assert.True(r.Passed, $"{r.Example.Id}: {string.Join("; ", r.Failures)}"));
    }

    [Fact]
    public void Run_ShippedExamples_ReportsOnlyCriteriaNoExampleSpeaksTo()
    {
        var run = GuidelineExampleRun.Run(Library);

        Assert.DoesNotContain(run.Untested, u => u is { Topic: "mtus-cpmtg-2009/anticonvulsants", Criterion: "aed.neuropathic-pain" });
        Assert.Contains(run.Untested, u => u is { Topic: "mtus-cpmtg-2009/nsaids", Criterion: "nsaid.benefit-if-continuing" });
    }

    [Fact]
    public void Run_ExampleExpectingTheWrongDecision_FailsNamingEachDifference()
    {
        var example = Library.Examples.Single(e => e.Id == "aed-first-trial-radiculopathy") with
        {
            Id = "synthetic-wrong",
            Decision = OpenImr.Domain.Letters.Decision.Upheld,
            Criteria = new Dictionary<string, CriterionStatus> { ["aed.neuropathic-pain"] = CriterionStatus.NotMet },
        };
        var files = LibraryFiles.Read().Select(f => f.Name == "examples/examples.json" ? (f.Name, LibraryFiles.ExamplesJson(example)) : f).ToList();
        var library = GuidelineLibrary.Load(files);
        Assert.Empty(library.Problems);

        var result = Assert.Single(GuidelineExampleRun.Run(library).Results);

        Assert.False(result.Passed);
        Assert.Contains("decision Overturned, expected Upheld", result.Failures);
        Assert.Contains(result.Failures, f => f.StartsWith("aed.neuropathic-pain is met, expected not met", StringComparison.Ordinal));
    }
}
