using OpenImr.Domain.Guidelines;

namespace OpenImr.Domain.Tests.Guidelines;

public class GuidelineLibraryTests
{
    private static readonly GuidelineLibrary Library = GuidelineLibrary.LoadEmbedded();

    [Fact]
    public void LoadEmbedded_ShippedLibrary_HasNoProblems()
    {
        Assert.True(Library.Problems.Count == 0, string.Join(Environment.NewLine, Library.Problems));
    }

    [Fact]
    public void LoadEmbedded_ShippedLibrary_HasVersionAndEveryManifestFile()
    {
        Assert.NotEqual("unknown", Library.Version);
        Assert.Equal(49, Library.Guidelines.Count);
        Assert.Contains(Library.Guidelines, g => g.Id == "mtus-low-back-acoem-2020-02-13");
        Assert.Contains(Library.Guidelines, g => g.Id == "mtus-cpmtg-2009");
        Assert.Contains(Library.Guidelines, g => g.Id == "mtus-cpmtg-2016");
    }

    [Fact]
    public void LoadEmbedded_EveryCriterion_HasSourceAndConfidence()
    {
        var criteria = Library.Guidelines.SelectMany(g => g.Topics).SelectMany(t => t.Criteria).ToList();

        Assert.NotEmpty(criteria);
        Assert.All(criteria, c =>
        {
            Assert.True(c.Source.Pages is not null || c.Source.Section is not null, c.Id);
            Assert.True(Enum.IsDefined(c.Confidence), c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.Test), c.Id);
        });
    }

    [Fact]
    public void LoadEmbedded_EveryQuantityRule_HasSourceAndLimit()
    {
        var quantities = Library.Guidelines.SelectMany(g => g.Topics).SelectMany(t => t.Quantities).ToList();

        Assert.NotEmpty(quantities);
        Assert.All(quantities, q =>
        {
            Assert.True(q.Source.Pages is not null || q.Source.Section is not null, q.Id);
            Assert.NotNull(q.Max);
        });
    }

    [Fact]
    public void LoadEmbedded_TopicsOfDocumentsCitedByPages_HavePages()
    {
        var topics = Library.Guidelines.Where(g => g.CitesBy == CitationStyle.Pages).SelectMany(g => g.Topics);

        Assert.All(topics, t => Assert.False(string.IsNullOrWhiteSpace(t.Pages), $"{t.GuidelineId}/{t.Id}"));
    }

    [Fact]
    public void LoadEmbedded_EveryCatalogueServiceKind_IsCoveredOrListedAsNotCovered()
    {
        var covered = Library.Hierarchy.Entries.Where(e => e.Candidates.Count > 0).Select(e => e.Service);
        var notCovered = Library.Hierarchy.NotCovered.Select(n => n.Service);

        var all = covered.Concat(notCovered).ToList();

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(GuidelineVocabulary.ServiceKinds.Order(), all.Order());
        Assert.All(Library.Hierarchy.NotCovered, n => Assert.False(string.IsNullOrWhiteSpace(n.Reason), n.Service));
    }

    [Fact]
    public void LoadEmbedded_MtusTitles_AreTheNamesLettersUse()
    {
        string[] letterTitles =
        [
            "Chronic Pain Medical Treatment Guidelines", "Low Back Complaints", "Neck and Upper Back Complaints",
            "Shoulder Complaints", "Elbow Disorders", "Forearm, Wrist, and Hand Complaints", "Knee Complaints",
            "Ankle and Foot Complaints", "Acupuncture Medical Treatment Guidelines", "Postsurgical Treatment Guidelines",
            "General Approaches",
        ];

        var mtusTitles = Library.Guidelines.Where(g => g.Source == GuidelineSource.Mtus).Select(g => g.Title).ToHashSet();

        Assert.All(letterTitles, t => Assert.Contains(t, mtusTitles));
    }

    [Fact]
    public void LoadEmbedded_CpmtgEditions_MeetWithoutGapOrOverlap()
    {
        var cpmtg2009 = Library.FindGuideline("mtus-cpmtg-2009")!;
        var cpmtg2016 = Library.FindGuideline("mtus-cpmtg-2016")!;

        Assert.Equal(new DateOnly(2009, 7, 18), cpmtg2009.Effective.From);
        Assert.Equal(cpmtg2016.Effective.From, cpmtg2009.Effective.To!.Value.AddDays(1));
    }

    [Fact]
    public void LoadEmbedded_EveryGuidelineFamily_HasExactlyOneEditionInForceOnAnyDateFromItsFirst()
    {
        foreach (var family in Library.Guidelines.GroupBy(g => g.Family))
        {
            var editions = family.OrderBy(g => g.Effective.From).ToList();
            for (var i = 1; i < editions.Count; i++)
            {
                // Each edition ends the day before the next begins: no gap, no overlap.
                Assert.True(editions[i - 1].Effective.To == editions[i].Effective.From.AddDays(-1),
                    $"{family.Key}: {editions[i - 1].Id} ends {editions[i - 1].Effective.To}, {editions[i].Id} starts {editions[i].Effective.From}");
            }

            Assert.True(editions[^1].Effective.To is null,
                $"{family.Key}: the latest edition {editions[^1].Id} ends {editions[^1].Effective.To} with nothing after it");
        }
    }

    [Theory]
    [InlineData("mtus-low-back", 3)]
    [InlineData("mtus-neck", 2)]
    [InlineData("mtus-knee", 2)]
    [InlineData("mtus-mental-health", 2)]
    [InlineData("mtus-opioids", 1)]
    public void LoadEmbedded_AcoemBasedMtus_HasEveryAdoptedEditionSinceDecember2017(string family, int editions) =>
        Assert.Equal(editions, Library.Guidelines.Count(g => g.Family == family && g.Effective.From >= new DateOnly(2017, 12, 1)));

    [Fact]
    public void LoadEmbedded_TopicBasedOnAnother_InheritsCriteriaButNotPages()
    {
        var topic = Library.FindGuideline("mtus-cpmtg-2016")!.FindTopic("physical-medicine")!;

        Assert.Equal("Physical medicine treatment", topic.Section);
        Assert.Null(topic.Pages);
        Assert.Contains(topic.Criteria, c => c.Id == "pm.functional-improvement");
        Assert.Contains(topic.Quantities, q => q.Id == "pm.qty.myalgia" && q.Max == 10 && q.OverWeeks == 8);
    }

    [Fact]
    public void LoadEmbedded_WorkConditioning_HasTheDecisiveCriteria()
    {
        var topic = Library.FindGuideline("mtus-cpmtg-2009")!.FindTopic("work-conditioning")!;

        Assert.Equal("125-126", topic.Pages);
        var rtw = Assert.Single(topic.Criteria, c => c.Id == "wc.rtw-goal");
        Assert.Equal(FailureEffect.Upheld, rtw.OnFail);
        var twoYears = Assert.Single(topic.Criteria, c => c.Id == "wc.within-two-years");
        var calc = Assert.IsType<CalcRule>(twoYears.Rule);
        Assert.Equal(("months-since-injury", (decimal?)24), (calc.Calc, calc.Max));
    }

    [Fact]
    public void Templates_Openings_RenderWithTheirPlaceholders()
    {
        var text = Library.Templates.Render("openings.upheld", new Dictionary<string, string?>
        {
            ["request"] = "10 work conditioning sessions",
            ["guideline"] = "MTUS Chronic Pain Medical Treatment Guidelines",
            ["section"] = "Work conditioning, work hardening",
            ["pages"] = "p.125-126",
        });

        Assert.StartsWith("The request for 10 work conditioning sessions is not medically necessary.", text);
        Assert.Contains("(Work conditioning, work hardening, p.125-126)", text);
        Assert.DoesNotContain("{", text);
    }

    [Fact]
    public void LoadEmbedded_HierarchyEntries_PutUnqualifiedMtusCandidatesBeforeOtherSources()
    {
        var families = Library.Guidelines.GroupBy(g => g.Family).ToDictionary(g => g.Key, g => g.First().Source);

        Assert.All(Library.Hierarchy.Entries, entry =>
        {
            var sources = entry.Candidates.Where(c => c.Qualifiers.Count == 0).Select(c => families[c.Family]).ToList();
            var firstOther = sources.FindIndex(s => s != GuidelineSource.Mtus);
            Assert.True(firstOther < 0 || sources.Skip(firstOther).All(s => s != GuidelineSource.Mtus), entry.Service);
        });
    }

    [Theory]
    [InlineData("openings.upheld")]
    [InlineData("openings.overturned")]
    [InlineData("openings.no-recommendation")]
    [InlineData("hierarchy.mtus")]
    [InlineData("hierarchy.mtus-silent")]
    [InlineData("criteria.met")]
    [InlineData("criteria.not-met")]
    [InlineData("criteria.not-documented")]
    [InlineData("quantity.exceeded")]
    [InlineData("closings.upheld")]
    public void LoadEmbedded_Templates_HaveEveryKeyTheRationaleNeeds(string key) =>
        Assert.False(string.IsNullOrWhiteSpace(Library.Templates.Get(key)), key);

    [Theory]
    [InlineData("mtus-cpmtg-2009/no-such-topic", "Synthetic record. Back pain.", "GL501")]
    [InlineData("mtus-cpmtg-2009/anticonvulsants", "Back pain after lifting at work.", "GL502")]
    public void Load_ExampleNamingNoTopicOrNotSynthetic_IsAProblem(string topic, string record, string code)
    {
        var example = Library.Examples[0] with { Topic = topic, Record = record, Criteria = new Dictionary<string, OpenImr.Domain.Review.CriterionStatus>() };
        var files = LibraryFiles.Read().Select(f => f.Name == "examples/examples.json" ? (f.Name, LibraryFiles.ExamplesJson(example)) : f).ToList();

        var library = GuidelineLibrary.Load(files);

        Assert.Contains(library.Problems, p => p.Code == code && p.File == "examples/examples.json" && p.Path.StartsWith("$.examples[0]", StringComparison.Ordinal));
    }
}
