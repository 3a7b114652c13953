using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

// Every sentence here is synthetic, written for the test.
public class ScoreReaderTests
{
    private static List<ClinicalFact> Read(string text)
    {
        var normalized = NormalizedText.Create(text);
        var facts = new List<ClinicalFact>();
        ScoreReader.Read(new SentenceContext(normalized, 0, normalized.Text.Length, 0, new DateOnly(2017, 1, 15)), facts);
        return facts;
    }

    [Theory]
    [InlineData("The ache in the oar hand ran 4-6/10 all week.", 6, "4-6/10")]
    [InlineData("Today the mason scores it 2 out of 10.", 2, "2 out of 10")]
    [InlineData("Her scale read 6.5/10 at noon.", 6.5, "6.5/10")]
    public void Read_PainScore_UpperBoundAndTrigger(string text, decimal score, string trigger)
    {
        var fact = Assert.Single(Read(text));

        Assert.Equal((FactKinds.ResponsePainScore, score, trigger), (fact.Kind, fact.Number, fact.Trigger));
    }

    [Fact]
    public void Read_WithAndWithoutMedication_EachScoreTagged()
    {
        var facts = Read("With medication it is 3/10, and without medication a 9/10.");

        Assert.Equal([("with-medication", 3m), ("without-medication", 9m)], facts.Select(f => (f.Value, f.Number!.Value)));
    }

    [Fact]
    public void Read_ScoreInHedgedSentence_StillAffirmed() =>
        Assert.Equal(FactStatus.Affirmed, Assert.Single(Read("The mason may rate it 7/10 tomorrow.")).Status);

    [Fact]
    public void Read_ScoreOfRelative_OtherPerson() =>
        Assert.Equal(FactStatus.OtherPerson, Assert.Single(Read("His brother rates the ache 8/10.")).Status);

    [Theory]
    [InlineData("Grip strength 4/5 on the left, the harpist says.", 4, FactStatus.Affirmed)]
    [InlineData("Motor testing was 5/5 at the elbows.", 5, FactStatus.Negated)]
    [InlineData("Weakness graded 5-/5 in the thumb.", 5, FactStatus.Affirmed)]
    public void Read_StrengthGrade_Weakness(string text, decimal grade, FactStatus status)
    {
        var fact = Assert.Single(Read(text));

        Assert.Equal((FactKinds.NeuroWeakness, grade, status), (fact.Kind, fact.Number, fact.Status));
    }

    [Theory]
    [InlineData("The harpist scored 4/5 on the music quiz.")]
    [InlineData("Seen on 3/10/2015 and 4/5/16 by the potter.")]
    [InlineData("A ratio of 7/12 was noted on the kiln dial.")]
    [InlineData("Rated 14/10 by the mason for drama.")]
    public void Read_NotAScore_Nothing(string text) => Assert.Empty(Read(text));
}
