using OpenImr.Domain.Cases;
using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Tests.Cases;

public class LetterCaseTests
{
    [Fact]
    public void From_PublishedLetter_KeepsHeaderSummaryAndRequestsButNoDecisionText()
    {
        var letter = LetterParser.Parse(TestFiles.Read(TestFiles.Seed002)).Letter!;

        var rebuilt = LetterCase.From(letter);

        Assert.Equal("CM15-0174261", rebuilt.CaseNumber);
        Assert.Equal(new DateOnly(2015, 8, 27), rebuilt.Dates!.UrDenial);
        Assert.Equal(["10 work conditioning sessions"], rebuilt.Requests.Select(r => r.Description));
        var document = Assert.Single(rebuilt.Documents);
        Assert.Equal(letter.ClinicalSummary, document.Text);
        var everything = System.Text.Json.JsonSerializer.Serialize(rebuilt);
        Assert.DoesNotContain("Upheld", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(letter.Items[0].Rationale![..60], everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Section(s)", everything, StringComparison.Ordinal);
    }
}
