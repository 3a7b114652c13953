using System.Text.Json;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Letters;

namespace OpenImr.Storage.Tests.Letters;

public class LetterQueryTests
{
    [Fact]
    public void LetterSearchResult_AsImrJson_HasTheContractShape()
    {
        var result = new LetterSearchResult(1, TotalIsExact: true, [new LetterHit("CM-TEST-0001", "Cervical MRI", Decision.Upheld, "imaging/mri", "no **red** flags")]);

        var json = JsonSerializer.Serialize(result, ImrJson.Compact);

        Assert.Equal(
            """{"total":1,"totalIsExact":true,"hits":[{"caseNumber":"CM-TEST-0001","request":"Cervical MRI","decision":"Upheld","service":"imaging/mri","snippet":"no **red** flags"}]}""",
            json);
    }

    [Fact]
    public void LetterStats_AsImrJson_LeadsWithTheContractCounts()
    {
        var stats = new LetterStats(2, 3, 2, 1, [new StatsBucket("imaging", 3, 2, 1)], [], [], [], [new StatsBucket(null, 3, 2, 1)], []);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(stats, ImrJson.Compact));

        var root = json.RootElement;
        Assert.Equal((2, 3, 2, 1), (root.GetProperty("letters").GetInt32(), root.GetProperty("items").GetInt32(),
            root.GetProperty("upheld").GetInt32(), root.GetProperty("overturned").GetInt32()));
        Assert.Equal(0.3333, root.GetProperty("overturnRate").GetDouble());
        Assert.Equal("imaging", root.GetProperty("byService")[0].GetProperty("key").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("byYear")[0].GetProperty("key").ValueKind);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(3, 0, 0.0)]
    [InlineData(1, 2, 0.6667)]
    public void StatsBucket_OverturnRate_IsOverturnedOverDecided(int upheld, int overturned, double? expected) =>
        Assert.Equal(expected, new StatsBucket("k", upheld + overturned + 1, upheld, overturned).OverturnRate);

    [Fact]
    public void UpsertResult_Total_AddsEveryKind() => Assert.Equal(10, new UpsertResult(1, 2, 3, 4).Total);

    [Theory]
    [InlineData("mri\0")]
    [InlineData("mri\u0001 lumbar")]
    [InlineData("NEAR( NEAR( NEAR( NEAR( NEAR( NEAR( NEAR( NEAR( NEAR( mri")]
    public void TextProblem_ControlCharacterOrDeepNesting_IsAProblem(string text) =>
        Assert.NotNull(LetterQuery.TextProblem(text));

    [Fact]
    public void TextProblem_TooLongOrTooManyTerms_IsAProblem()
    {
        Assert.Contains("characters", LetterQuery.TextProblem(new string('a', LetterQuery.MaxTextLength + 1)), StringComparison.Ordinal);
        Assert.Contains("words", LetterQuery.TextProblem(string.Join(' ', Enumerable.Repeat("mri", LetterQuery.MaxTerms + 1))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"red flags\" OR physio* AND (lumbar\tspine)")]
    public void TextProblem_OrdinaryQuery_IsNone(string? text) => Assert.Null(LetterQuery.TextProblem(text));

    [Fact]
    public void TextProblem_AtTheBounds_IsNone()
    {
        Assert.Null(LetterQuery.TextProblem(new string('a', LetterQuery.MaxTextLength)));
        Assert.Null(LetterQuery.TextProblem(string.Join(' ', Enumerable.Repeat("mri", LetterQuery.MaxTerms))));
    }
}
