using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

public class PhraseLexiconTests
{
    private static List<Token> Tokens(string text) => Tokenizer.Tokenize(text, 0, text.Length);

    [Fact]
    public void MatchAll_OverlappingPhrases_LeftmostLongest()
    {
        var lexicon = new PhraseLexicon<string>();
        lexicon.Add("physical therapy", "pt");
        lexicon.Add("physical therapy sessions", "pt-sessions");
        lexicon.Add("therapy", "therapy");
        var matches = lexicon.MatchAll(Tokens("twelve physical therapy sessions and therapy"));
        Assert.Equal([(1, 3, "pt-sessions"), (5, 1, "therapy")], matches);
    }

    [Fact]
    public void TryMatch_PrefixWord_MatchesTokenStart()
    {
        var lexicon = new PhraseLexicon<string>();
        lexicon.Add("radicul*", "radiculopathy");
        Assert.True(lexicon.TryMatch(Tokens("radiculitis"), 0, out var length, out var item));
        Assert.Equal((1, "radiculopathy"), (length, item));
        Assert.False(lexicon.TryMatch(Tokens("radial"), 0, out _, out _));
    }

    [Fact]
    public void TryMatch_PhraseLongerThanText_NoMatch()
    {
        var lexicon = new PhraseLexicon<string>();
        lexicon.Add("straight leg raise", "slr");
        Assert.False(lexicon.TryMatch(Tokens("straight leg"), 0, out _, out _));
    }

    [Fact]
    public void TryMatch_EqualLength_FirstAddedWins()
    {
        var lexicon = new PhraseLexicon<string>();
        lexicon.Add("negative", "first");
        lexicon.Add("negative", "second");
        Assert.True(lexicon.TryMatch(Tokens("negative"), 0, out _, out var item));
        Assert.Equal("first", item);
    }
}
