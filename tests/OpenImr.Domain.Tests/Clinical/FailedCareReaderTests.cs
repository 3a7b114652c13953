using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

// Every sentence here is synthetic, written for the test.
public class FailedCareReaderTests
{
    private static List<ClinicalFact> Read(string text)
    {
        var normalized = NormalizedText.Create(text);
        var facts = new List<ClinicalFact>();
        FailedCareReader.Read(new SentenceContext(normalized, 0, normalized.Text.Length, 0, new DateOnly(2017, 1, 15)), facts);
        return facts;
    }

    [Theory]
    [InlineData("The sculptor's elbow aches despite weekly acupuncture.", "despite weekly acupuncture")]
    [InlineData("The sculptor's elbow aches in spite of naproxen.", "spite of naproxen")]
    [InlineData("Soreness is still there after a month of interferential.", "still there after a month of interferential")]
    public void Read_CareOutlastedOrDespite_ConservativeCareFailed(string text, string trigger)
    {
        var fact = Assert.Single(Read(text));

        Assert.Equal((FactKinds.ConservativeCareFailed, FactStatus.Affirmed, trigger), (fact.Kind, fact.Status, fact.Trigger));
    }

    [Theory]
    [InlineData("She sang in the choir after acupuncture.")]
    [InlineData("Despite the drizzle, the beekeeper walked over the long ridge to the far village for acupuncture.")]
    [InlineData("Despite the drizzle, the beekeeper walked to the clinic.")]
    public void Read_NoCareOrNoLastingComplaint_Nothing(string text) =>
        Assert.Empty(Read(text));

    [Fact]
    public void Read_FailureAlreadyAPhrase_NotReadAgain() =>
        Assert.Empty(Read("The lumberjack failed conservative care, and aches despite weekly acupuncture."));
}
