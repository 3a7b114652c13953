using OpenImr.Storage.Letters;

namespace OpenImr.Storage.Tests.Letters;

public class LetterSearchSqlTests
{
    [Theory]
    [InlineData("\"carpal tunnel syndrome\"", "\"carpal tunnel syndrome\"")]
    [InlineData("knee OR hip*", "(\"knee\" OR \"hip\"*)")]
    [InlineData("knee injection", "({request rationale} : (\"knee\" AND \"injection\")) OR (summary : (\"knee\" AND \"injection\"))")]
    public void Fts5Match_Query_FiltersColumnsOnlyWhenPartsMustHoldTogether(string text, string expected) =>
        Assert.Equal(expected, LetterSearchSql.Fts5Match(SearchSyntax.Parse(text)!));
}
