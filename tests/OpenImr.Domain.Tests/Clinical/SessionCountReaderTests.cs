using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

// Every sentence here is synthetic, written for the test.
public class SessionCountReaderTests
{
    private static SentenceContext Sentence(string text)
    {
        var normalized = NormalizedText.Create(text);
        return new SentenceContext(normalized, 0, normalized.Text.Length, 0, new DateOnly(2017, 1, 15));
    }

    [Theory]
    [InlineData("The ferry pilot finished 9 aquatic therapy sessions in the lake pool.", 9)]
    [InlineData("By June she had attended seven visits with the hand clinic.", 7)]
    [InlineData("He was granted no fewer than four (4) additional chiropractic visits.", 4)]
    public void Find_NumberBeforeSessionWord_Count(string text, int expected) =>
        Assert.Equal(expected, Assert.Single(SessionCountReader.Find(Sentence(text)).Counts).Value);

    [Theory]
    [InlineData("The plan is 3 visits per week at the boathouse gym.")]
    [InlineData("Stiffness eased 40% after two massage treatments a month.")]
    [InlineData("The hip ache scored 6 out of 10, prior massage treatments aside.")]
    [InlineData("She booked a single session at the riverside office.")]
    [InlineData("Only 12 of the tulips bloomed this spring.")]
    public void Find_NotACount_NoCount(string text) =>
        Assert.Empty(SessionCountReader.Find(Sentence(text)).Counts);

    [Fact]
    public void ReadUnclaimed_TherapyCarried_CountIsThatTherapy()
    {
        var sentence = Sentence("So far the glazier has had 14 visits.");
        var facts = new List<ClinicalFact>();
        SessionCountReader.ReadUnclaimed(sentence, SessionCountReader.Find(sentence), FactKinds.TreatmentAcupuncture, facts);

        var fact = Assert.Single(facts);
        Assert.Equal((FactKinds.TreatmentAcupuncture, 14m, FactStatus.Affirmed), (fact.Kind, fact.Number, fact.Status));
        Assert.Equal("14 visits", fact.Trigger);
    }

    [Fact]
    public void ReadUnclaimed_NothingCarried_GenericSessions() =>
        Assert.Equal(FactKinds.TreatmentSessions, Assert.Single(ReadUnclaimed("So far the glazier has had 14 visits.")).Kind);

    [Fact]
    public void ReadUnclaimed_CountClaimed_NotRead()
    {
        var sentence = Sentence("So far the glazier has had 14 visits.");
        var counts = SessionCountReader.Find(sentence);
        counts.Claim(0);
        var facts = new List<ClinicalFact>();
        SessionCountReader.ReadUnclaimed(sentence, counts, null, facts);

        Assert.Empty(facts);
    }

    [Fact]
    public void ReadUnclaimed_CountInReviewClause_NotAboutPatient() =>
        Assert.Equal(FactStatus.NotAboutPatient, Assert.Single(ReadUnclaimed("The insurer authorized 5 visits for the lighthouse keeper.")).Status);

    private static List<ClinicalFact> ReadUnclaimed(string text)
    {
        var sentence = Sentence(text);
        var facts = new List<ClinicalFact>();
        SessionCountReader.ReadUnclaimed(sentence, SessionCountReader.Find(sentence), null, facts);
        return facts;
    }
}
