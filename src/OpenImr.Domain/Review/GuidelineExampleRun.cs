using OpenImr.Domain.Cases;
using OpenImr.Domain.Guidelines;

namespace OpenImr.Domain.Review;

/// <summary>One example run: what the engine gave, and every way it differs from what the example expects.</summary>
/// <param name="Example">The example.</param>
/// <param name="Determination">The engine's determination of the example's request.</param>
/// <param name="Failures">Each difference in plain words; empty when the example passes.</param>
public sealed record ExampleResult(GuidelineExample Example, Determination Determination, IReadOnlyList<string> Failures)
{
    /// <summary>True when the engine gave what the example expects.</summary>
    public bool Passed => Failures.Count == 0;
}

/// <summary>A criterion of the library that no example speaks to.</summary>
/// <param name="Topic">The topic, <c>guideline-id/topic-id</c>.</param>
/// <param name="Criterion">The criterion id.</param>
public sealed record UntestedCriterion(string Topic, string Criterion);

/// <summary>The library's examples run as a suite (<c>imr guidelines test</c>).</summary>
/// <param name="Results">Each example's result.</param>
/// <param name="Untested">Every criterion without an example.</param>
public sealed record GuidelineExampleRun(IReadOnlyList<ExampleResult> Results, IReadOnlyList<UntestedCriterion> Untested)
{
    /// <summary>Reviews each example of <paramref name="library"/> as a one-request case and compares.</summary>
    public static GuidelineExampleRun Run(GuidelineLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var engine = new ReviewEngine(library);
        var results = library.Examples.Select(e => Run(library, engine, e)).ToList();
        var tested = library.Examples.SelectMany(e => e.Criteria.Keys.Select(c => (e.Topic, c))).ToHashSet();
        var untested = library.Guidelines
            .SelectMany(g => g.Topics.SelectMany(t => t.Criteria.Select(c => c.Id).Concat(t.Quantities.Select(q => q.Id))
                .Select(c => new UntestedCriterion($"{g.Id}/{t.Id}", c))))
            .Where(u => !tested.Contains((u.Topic, u.Criterion)))
            .ToList();
        return new GuidelineExampleRun(results, untested);
    }

    private static ExampleResult Run(GuidelineLibrary library, ReviewEngine engine, GuidelineExample example)
    {
        var @case = new Case
        {
            CaseNumber = $"EXAMPLE-{example.Id}",
            Dates = new CaseDates { Injury = example.Injury, UrDenial = example.UrDenial },
            Requests = [new CaseRequest { Description = example.Request }],
            Documents = [new CaseDocument { Type = "progress-report", Text = example.Record }],
        };
        var determination = engine.Review(@case, [example.Record], example.UrDenial).Determinations[0];
        var failures = new List<string>();
        var slash = example.Topic.IndexOf('/', StringComparison.Ordinal);
        var guideline = library.FindGuideline(example.Topic[..slash])!;
        var expected = guideline.Cite(guideline.FindTopic(example.Topic[(slash + 1)..])!);
        if (determination.Guideline != expected)
        {
            var got = determination.Guideline is { } g ? $"{g.Source} {g.Title} ({g.Edition}), {g.Section}" : "no guideline";
            failures.Add($"governed by {got}, not {example.Topic}");
        }

        if (determination.Decision != example.Decision)
        {
            failures.Add($"decision {determination.Decision}, expected {example.Decision}");
        }

        foreach (var (id, status) in example.Criteria)
        {
            var assessed = determination.Criteria.FirstOrDefault(c => c.Id == id);
            if (assessed is null)
            {
                failures.Add($"{id} was not applied, expected {CriterionStatuses.Describe(status)}");
            }
            else if (assessed.Status != status)
            {
                failures.Add($"{id} is {CriterionStatuses.Describe(assessed.Status)}, expected {CriterionStatuses.Describe(status)}{(assessed.Finding is { } f ? $" ({f})" : "")}");
            }
        }

        return new ExampleResult(example, determination, failures);
    }
}
