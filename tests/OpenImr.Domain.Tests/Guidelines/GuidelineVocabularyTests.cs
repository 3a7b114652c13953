using OpenImr.Domain.Cases;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Guidelines;

namespace OpenImr.Domain.Tests.Guidelines;

public class GuidelineVocabularyTests
{
    private static readonly GuidelineLibrary Library = GuidelineLibrary.LoadEmbedded();

    private static IEnumerable<GuidelineTopic> Topics => Library.Guidelines.SelectMany(g => g.Topics);

    // Every fact kind the loaded library reads: the conditions a topic names, what its criteria list and read, and the
    // rules that scope its quantities.
    private static HashSet<string> LibraryFactKinds()
    {
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var topic in Topics)
        {
            kinds.UnionWith(topic.Conditions);
            foreach (var criterion in topic.Criteria)
            {
                kinds.UnionWith(criterion.Facts);
                kinds.UnionWith(criterion.Rule.FactKinds());
                kinds.UnionWith(criterion.When?.FactKinds() ?? []);
            }

            foreach (var quantity in topic.Quantities)
            {
                kinds.UnionWith(quantity.When?.FactKinds() ?? []);
                kinds.UnionWith(quantity.ExemptWhen?.FactKinds() ?? []);
            }
        }

        return kinds;
    }

    // A synthetic record with the facts the extractor reads by pattern rather than from a phrase of its lexicon.
    private const string PatternRecord =
        "Synthetic note. The claimant is a 47-year-old man with neck pain. He was hurt on 04/12/2015 (date of injury). " +
        "He has taken hydrocodone for 8 months. Pain is 7/10 today.";

    [Fact]
    public void FactKinds_EveryKindTheLibraryReads_IsAFactKind()
    {
        var kinds = LibraryFactKinds();

        var unknown = kinds.Where(k => !FactKinds.All.Contains(k)).ToList();

        Assert.NotEmpty(kinds);
        Assert.Empty(unknown);
    }

    [Fact]
    public void FactKinds_EveryKindTheLibraryReads_TheExtractorProduces()
    {
        var fromLexicon = ClinicalLexicon.Concepts.Items.SelectMany(c => c.Kinds);
        var fromPatterns = CaseFacts.Extract(new Case { CaseNumber = "SYNTH-VOCAB" }, [PatternRecord], new DateOnly(2016, 6, 1)).Select(f => f.Kind);
        var produced = fromLexicon.Concat(fromPatterns).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(LibraryFactKinds().Where(k => !produced.Contains(k)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FactKinds_Vocabulary_IsTheExtractorsSet() => Assert.Same(FactKinds.All, GuidelineVocabulary.FactKinds);

    [Fact]
    public void Regions_EveryRegionALoadedTopicNames_IsInTheVocabulary()
    {
        var named = Topics.SelectMany(t => t.Regions).ToHashSet(StringComparer.Ordinal);

        var unknown = named.Where(r => !GuidelineVocabulary.Regions.Contains(r)).ToList();

        Assert.Contains("lumbar", named);
        Assert.Empty(unknown);
    }

    // A region the library names must be one a request's wording can reach: its own word, found in text, reads back as it.
    [Fact]
    public void Regions_EveryLibraryRegion_ReachedFromItsOwnWordInText()
    {
        var unreached = GuidelineVocabulary.Regions.Where(r => r != GuidelineVocabulary.AnyRegion)
            .Where(r => BodyRegions.Find($"pain of the {r}") is not [var found, ..] || GuidelineVocabulary.RegionOf(found.Region) != r);

        Assert.Empty(unreached);
    }

    [Fact]
    public void Regions_Vocabulary_IsEveryBodyRegionReadAsALibraryRegionAndAny() =>
        Assert.Equal(
            ["ankle", "any", "cervical", "elbow", "foot", "hand", "head", "hip", "knee", "lumbar", "shoulder", "thoracic", "wrist"],
            GuidelineVocabulary.Regions.Order(StringComparer.Ordinal));

    [Fact]
    public void Regions_BodyRegionsWithALexiconPhrase_AreExactlyTheBodyRegions() =>
        Assert.Equal(BodyRegions.All.Order(StringComparer.Ordinal), BodyRegions.Lexicon.Items.Distinct().Order(StringComparer.Ordinal));

    [Theory]
    [InlineData(BodyRegions.LumbarSpine, "lumbar")]
    [InlineData(BodyRegions.Spine, "lumbar")]
    [InlineData(BodyRegions.CervicalSpine, "cervical")]
    [InlineData(BodyRegions.ThoracicSpine, "thoracic")]
    [InlineData(BodyRegions.Finger, "hand")]
    [InlineData(BodyRegions.Face, "head")]
    [InlineData(BodyRegions.Knee, "knee")]
    [InlineData(BodyRegions.UpperExtremity, null)]
    [InlineData(BodyRegions.LowerExtremity, null)]
    [InlineData(BodyRegions.Chest, null)]
    [InlineData(null, null)]
    public void RegionOf_BodyRegion_LibraryRegion(string? bodyRegion, string? region) =>
        Assert.Equal(region, GuidelineVocabulary.RegionOf(bodyRegion));

    [Fact]
    public void QuantityUnits_EveryUnitALoadedRuleCountsIn_IsInTheVocabulary()
    {
        var units = Topics.SelectMany(t => t.Quantities).Select(q => q.Unit).ToHashSet(StringComparer.Ordinal);

        var unknown = units.Where(u => !GuidelineVocabulary.QuantityUnits.Contains(u)).ToList();

        Assert.Contains("hours-per-week", units);
        Assert.Empty(unknown);
    }

    [Fact]
    public void ServiceKinds_EveryServiceALoadedTopicNames_IsInTheCatalogueOrAFamilyOfIt()
    {
        var outside = Topics.SelectMany(t => t.Services)
            .Where(s => !GuidelineVocabulary.ServiceKinds.Contains(s)
                && !(s.EndsWith("/*", StringComparison.Ordinal) && GuidelineVocabulary.ServiceKinds.Any(k => k.StartsWith(s[..^1], StringComparison.Ordinal))));

        Assert.Empty(outside);
    }
}
