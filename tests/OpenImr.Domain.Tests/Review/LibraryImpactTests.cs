using OpenImr.Domain.Guidelines;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Review;
using OpenImr.Domain.Tests.Guidelines;

namespace OpenImr.Domain.Tests.Review;

public class LibraryImpactTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    private static List<Letter> Seeds() =>
        [.. new[] { TestFiles.Seed000, TestFiles.Seed001, TestFiles.Seed002, TestFiles.Seed003, TestFiles.Seed004 }
            .Select(s => LetterParser.Parse(TestFiles.Read(s)).Letter!)];

    [Fact]
    public void Compare_SameLibrary_NoChangeAndTheSameAgreement()
    {
        var engine = new ReviewEngine(GuidelineLibrary.LoadEmbedded());

        var impact = LibraryImpact.Compare(Seeds(), engine, engine, Today);

        Assert.Equal(5, impact.Letters);
        Assert.Equal(impact.Items, impact.Before.Total);
        Assert.Empty(impact.Changes);
        Assert.Equal(impact.Before, impact.After);
    }

    [Fact]
    public void Compare_LibraryWithoutTheGoverningTopicsCriteria_ReportsEachChangedDeterminationAndItsCriteria()
    {
        // The shipped files, with the criteria and quantities of the CPMTG 2009 work-conditioning topic taken out.
        var files = LibraryFiles.Read()
            .Select(f => f.Name == "mtus-2009/chronic-pain.json" ? (f.Name, WithoutCriteria(f.Json, "work-conditioning")) : f)
            .ToList();
        var changed = GuidelineLibrary.Load(files);
        Assert.Empty(changed.Problems);

        var impact = LibraryImpact.Compare(Seeds(), new ReviewEngine(GuidelineLibrary.LoadEmbedded()), new ReviewEngine(changed), Today);

        Assert.NotEmpty(impact.Changes);
        Assert.All(impact.Changes, c => Assert.Equal((Decision.Upheld, Decision.NoRecommendation), (c.Before, c.After)));
        Assert.All(impact.Changes, c => Assert.Contains(c.Criteria, k => k.Id == "wc.rtw-goal" && k.Before is not null && k.After is null));
        Assert.Equal(impact.Before.UpheldAsUpheld - impact.Changes.Count, impact.After.UpheldAsUpheld);
    }

    private static string WithoutCriteria(string json, string topicId)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        var topic = root["topics"]!.AsArray().Single(t => (string?)t!["id"] == topicId)!;
        topic["criteria"] = new System.Text.Json.Nodes.JsonArray();
        topic["quantities"] = new System.Text.Json.Nodes.JsonArray();
        return root.ToJsonString();
    }
}
