using OpenImr.Storage.Letters;

namespace OpenImr.Storage.Tests.Letters;

public class SearchSyntaxTests
{
    [Theory]
    [InlineData("knee", "\"knee\"")]
    [InlineData("knee injection", "(\"knee\" AND \"injection\")")]
    [InlineData("knee AND injection", "(\"knee\" AND \"injection\")")]
    [InlineData("knee OR hip", "(\"knee\" OR \"hip\")")]
    [InlineData("a b OR c", "((\"a\" AND \"b\") OR \"c\")")]
    [InlineData("a (b OR c)", "(\"a\" AND (\"b\" OR \"c\"))")]
    [InlineData("\"steroid injection\" lumbar", "(\"steroid injection\" AND \"lumbar\")")]
    [InlineData("physio*", "\"physio\"*")]
    [InlineData("say \"hi", "(\"say\" AND \"hi\")")]
    [InlineData("col:knee", "\"col:knee\"")]
    [InlineData("OR knee OR", "\"knee\"")]
    [InlineData("((knee", "\"knee\"")]
    public void ToFts5_Query_QuotesEveryWordAndKeepsOperators(string text, string expected)
    {
        var node = SearchSyntax.Parse(text);

        Assert.NotNull(node);
        Assert.Equal(expected, SearchSyntax.ToFts5(node));
    }

    [Theory]
    [InlineData("knee", false)]
    [InlineData("\"carpal tunnel syndrome\"", false)]
    [InlineData("physio* OR \"steroid injection\" OR hip", false)]
    [InlineData("knee injection", true)]
    [InlineData("knee OR (hip AND injection)", true)]
    public void JoinsWithAnd_Query_TellsWhetherTwoPartsMustHoldAtOnce(string text, bool expected) =>
        Assert.Equal(expected, SearchSyntax.JoinsWithAnd(SearchSyntax.Parse(text)!));

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    [InlineData("OR AND")]
    [InlineData("\"\"")]
    [InlineData("* - ()")]
    public void Parse_NothingToSearch_ReturnsNull(string? text) => Assert.Null(SearchSyntax.Parse(text));

    [Fact]
    public void ToTsQuery_Query_PassesUserTextOnlyAsParameters()
    {
        var parameters = new List<object>();

        var sql = SearchSyntax.ToTsQuery(SearchSyntax.Parse("\"red flags\" OR physio* -x'; drop")!, "english", parameters);

        Assert.Equal(
            "(websearch_to_tsquery('english', @p0) || (to_tsquery('english', @p1) && websearch_to_tsquery('english', @p2) && websearch_to_tsquery('english', @p3)))",
            sql);
        Assert.Equal(["\"red flags\"", "physio:*", "x", "drop"], parameters);
    }
}
