using CsCheck;
using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

/// <summary>
/// Hostile input: extraction and request parsing never throw and finish. There are no timing
/// assertions: linearity comes from the bounded scanners, and a super-linear path would show up
/// here as a test that does not finish.
/// </summary>
public class FactExtractorPropertyTests
{
    private static readonly DateOnly AsOf = new(2017, 1, 1);

    // Fragments that exercise every scanner: triggers, dates, scores, counts, punctuation.
    private static readonly string[] Fragments =
    [
        "no ", "not ", "denied ", "UR ", "authorized ", "would like to try ", "physical therapy ", "12 sessions ", "5/10 ", "4/5 ",
        "1/16/2012 ", "May 14, 2015 ", "Dr. ", "7.5 ", "; ", ". ", "\n", "\n\n", "Page 2 of 3\n", "#60 ", "2x6 ", "x ", "times ",
        "52-year-old male ", "status post ", "date of injury ", "but ", "history of ", "mother ", "Norco ", "for 6 months ",
        "(8) ", "eight ", "/", "-", "%", "  ", "\t", "\u00A0", "\u2019s ", "\uFFFD", "...", "???", "!!!",
    ];

    private static readonly Gen<string> HostileText =
        Gen.OneOf(
            Gen.String,
            Gen.Char.Array[0, 2000].Select(chars => new string(chars)),
            Gen.Int[0, Fragments.Length - 1].Select(i => Fragments[i]).Array[0, 300].Select(parts => string.Concat(parts)));

    [Fact]
    public void Extract_RandomText_NeverThrowsAndEvidenceIndexesOriginal() =>
        HostileText.Sample(text =>
        {
            foreach (var fact in FactExtractor.Extract(text, 0, AsOf))
            {
                if (fact.Evidence is { } evidence)
                {
                    Assert.InRange(evidence.Start, 0, text.Length);
                    Assert.InRange(evidence.End, evidence.Start, text.Length);
                    Assert.Equal(text[evidence.Start..evidence.End], evidence.Quote);
                }
            }
        }, iter: 300);

    [Fact]
    public void Extract_RandomBytesAsText_NeverThrows() =>
        Gen.Byte.Array[0, 4000].Sample(bytes =>
        {
            _ = FactExtractor.Extract(System.Text.Encoding.Latin1.GetString(bytes), 0, AsOf);
            _ = FactExtractor.Extract(System.Text.Encoding.UTF8.GetString(bytes), 0, AsOf);
        }, iter: 200);

    [Fact]
    public void Parse_RandomRequest_NeverThrows() =>
        HostileText.Sample(text => Assert.NotNull(RequestParser.Parse(text)), iter: 500);

    [Fact]
    public void Extract_FiveMegabyteDocument_Completes()
    {
        var sentence = "The applicant has completed 12 sessions of physical therapy without functional improvement; UR denied 6 sessions on 1/16/2012 and pain was 7/10. ";
        var text = string.Concat(Enumerable.Repeat(sentence, (5 * 1024 * 1024 / sentence.Length) + 1));
        var facts = FactExtractor.Extract(text, 0, AsOf);
        Assert.NotEmpty(facts);
    }

    [Fact]
    public void Extract_OneHundredThousandCharacterLine_Completes()
    {
        // One line, no sentence ends, dense with triggers and concepts: the worst case for scope search.
        var text = string.Concat(Enumerable.Repeat("no not denied physical therapy pain 5/10 12 sessions would like to try ", 1500))[..100_000];
        Assert.Equal(100_000, text.Length);
        _ = FactExtractor.Extract(text, 0, AsOf);
        _ = RequestParser.Parse(text);
    }

    [Fact]
    public void Extract_LongRunsOfDigitsAndSlashes_Completes()
    {
        var text = new string('1', 50_000) + "/" + new string('0', 50_000) + string.Concat(Enumerable.Repeat("1/", 50_000));
        _ = FactExtractor.Extract(text, 0, AsOf);
        _ = RequestParser.Parse(text);
    }
}
