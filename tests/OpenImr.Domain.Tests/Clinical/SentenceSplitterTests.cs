using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

public class SentenceSplitterTests
{
    private static List<string> Sentences(string text) => [.. SentenceSplitter.Split(text).Select(s => text[s.Start..s.End])];

    [Fact]
    public void Split_TwoSentences_Two() =>
        Assert.Equal(["He has neck pain.", "She has back pain."], Sentences("He has neck pain. She has back pain."));

    [Theory]
    [InlineData("He was seen by Dr. Smith for follow-up.")]
    [InlineData("The date of injury was 1/16/2012 per the record.")]
    [InlineData("She was injured on 5/6/13 at work.")]
    [InlineData("Pain was rated 7.5 on the scale.")]
    [InlineData("Pain was 10/10 without medication.")]
    [InlineData("Medications, e.g. Norco, were continued.")]
    [InlineData("He saw J. Smith, M.D. yesterday.")]
    [InlineData("He takes Norco 10/325 mg b.i.d. daily.")]
    public void Split_AbbreviationsDatesDecimals_OneSentence(string text) =>
        Assert.Single(Sentences(text));

    [Fact]
    public void Split_MissingSpaceAfterYear_Splits() =>
        Assert.Equal(["Injury of October 24, 2016.", "In a report dated December 13, 2016, UR denied it."],
            Sentences("Injury of October 24, 2016.In a report dated December 13, 2016, UR denied it."));

    [Fact]
    public void Split_PeriodInsideQuote_SplitsAfterQuote() =>
        Assert.Equal(["Work status was \"unable to work.\"", "Treatment included Baclofen."],
            Sentences("Work status was \"unable to work.\" Treatment included Baclofen."));

    [Fact]
    public void Split_ParagraphBreak_Splits() =>
        Assert.Equal(["Heading", "Text here."], Sentences("Heading\nText here."));

    [Fact]
    public void Split_SentenceEndingInScore_Splits() =>
        Assert.Equal(2, Sentences("Pain was 8/10. She had tenderness.").Count);

    [Fact]
    public void Split_VeryLongRun_CappedLength()
    {
        var text = string.Concat(Enumerable.Repeat("word ", 5000));
        Assert.All(SentenceSplitter.Split(text), s => Assert.True(s.End - s.Start <= SentenceSplitter.MaxSentenceLength + 100));
    }
}
