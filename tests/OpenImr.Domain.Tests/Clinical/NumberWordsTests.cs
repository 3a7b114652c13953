using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

public class NumberWordsTests
{
    [Theory]
    [InlineData("12", 12)]
    [InlineData("7.5", 7.5)]
    [InlineData("nine", 9)]
    [InlineData("twice", 2)]
    [InlineData("twelve", 12)]
    public void TryParse_Word_Value(string word, double value)
    {
        Assert.True(NumberWords.TryParse(word, out var parsed));
        Assert.Equal((decimal)value, parsed);
    }

    [Theory]
    [InlineData("sessions")]
    [InlineData("")]
    [InlineData("123456789012345")]
    public void TryParse_NotNumber_False(string word) => Assert.False(NumberWords.TryParse(word, out _));

    [Theory]
    [InlineData("eight (8) sessions", 8, 2)]
    [InlineData("twenty four sessions", 24, 2)]
    [InlineData("6 visits", 6, 1)]
    [InlineData("eight (6) sessions", 8, 1)]
    public void TryRead_Phrase_ValueAndLength(string text, int value, int length)
    {
        Assert.True(NumberWords.TryRead(Tokenizer.Tokenize(text, 0, text.Length), 0, out var parsed, out var read));
        Assert.Equal((value, length), ((int)parsed, read));
    }
}
