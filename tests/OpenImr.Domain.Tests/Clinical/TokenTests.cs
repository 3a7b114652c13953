using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

public class TokenTests
{
    private static List<string> Words(string text) => [.. Tokenizer.Tokenize(text, 0, text.Length).Select(t => t.Value)];

    [Fact]
    public void Tokenize_Hyphenated_SplitLowerCase() =>
        Assert.Equal(["a", "52", "year", "old", "male"], Words("A 52-year-old Male"));

    [Fact]
    public void Tokenize_Decimal_OneToken() => Assert.Equal(["norco", "7.5", "mg"], Words("Norco 7.5 mg."));

    [Fact]
    public void Tokenize_Semicolon_ScopeBreakToken() => Assert.Equal(["no", Tokenizer.ScopeBreak, "pain"], Words("no; pain"));

    [Fact]
    public void Tokenize_Colon_NoToken() => Assert.Equal(["included", "pt"], Words("included: PT"));

    [Fact]
    public void Tokenize_Offsets_IndexText()
    {
        const string Text = "  Spurling's test";
        var tokens = Tokenizer.Tokenize(Text, 0, Text.Length);
        Assert.Equal(["Spurling", "s", "test"], tokens.Select(t => Text[t.Start..t.End]));
        Assert.True(tokens[0].IsNumber is false);
    }
}
