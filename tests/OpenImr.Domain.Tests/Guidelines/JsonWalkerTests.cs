using System.Text.Json;
using OpenImr.Domain.Guidelines;

namespace OpenImr.Domain.Tests.Guidelines;

public sealed class JsonWalkerTests
{
    private readonly List<LibraryProblem> _problems = [];

    private JsonWalker Walker() => new("synthetic.json", _problems);

    private static JsonElement Json(string text) => JsonElement.Parse(text);

    [Fact]
    public void CheckProperties_UnknownProperty_ReportsGL103WithItsPathAndTheKnownOnes()
    {
        Walker().CheckProperties(Json("""{"id":"x","colour":"red"}"""), "$.topics[0]", "id", "title");

        var problem = Assert.Single(_problems);
        Assert.Equal(new LibraryProblem("GL103", "synthetic.json", "$.topics[0].colour", problem.Message), problem);
        Assert.Contains("known: id, title", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsObject_Array_FalseAndReportsGL102()
    {
        Assert.False(Walker().IsObject(Json("[1]"), "$"));

        Assert.Equal(("GL102", "$"), (Assert.Single(_problems).Code, _problems[0].Path));
        Assert.Contains("an array", _problems[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{}""", true, "GL101")]
    [InlineData("""{"title":null}""", true, "GL101")]
    [InlineData("""{"title":"  "}""", true, "GL101")]
    [InlineData("""{"title":7}""", false, "GL102")]
    public void String_MissingBlankOrWrongKind_NullAndReports(string json, bool required, string code)
    {
        Assert.Null(Walker().String(Json(json), "title", "$", required));

        Assert.Equal((code, "$.title"), (Assert.Single(_problems).Code, _problems[0].Path));
    }

    [Fact]
    public void String_OptionalAndAbsent_NullWithoutAProblem()
    {
        Assert.Null(Walker().String(Json("{}"), "title", "$", required: false));

        Assert.Empty(_problems);
    }

    [Fact]
    public void Strings_OneItemNotAString_KeepsTheOthersAndReportsThatItem()
    {
        var strings = Walker().Strings(Json("""{"aliases":["a", 3, "", "b"]}"""), "aliases", "$", required: true);

        Assert.Equal(["a", "b"], strings);
        Assert.Equal(["$.aliases[1]", "$.aliases[2]"], _problems.Select(p => p.Path));
        Assert.All(_problems, p => Assert.Equal("GL102", p.Code));
    }

    [Fact]
    public void Integer_Fraction_NullAndReportsAWholeNumberIsNeeded()
    {
        var walker = Walker();

        Assert.Equal(12, walker.Integer(Json("""{"visits":12}"""), "visits", "$"));
        Assert.Null(walker.Integer(Json("""{"visits":1.5}"""), "visits", "$"));
        Assert.Contains("whole number", Assert.Single(_problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Number_String_NullAndReportsGL102()
    {
        Assert.Null(Walker().Number(Json("""{"weeks":"six"}"""), "weeks", "$"));

        Assert.Contains("the string \"six\"", Assert.Single(_problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Boolean_AbsentTrueAndWrongKind_FalseTrueAndOneProblem()
    {
        var walker = Walker();

        Assert.False(walker.Boolean(Json("{}"), "flag", "$"));
        Assert.True(walker.Boolean(Json("""{"flag":true}"""), "flag", "$"));
        Assert.False(walker.Boolean(Json("""{"flag":"yes"}"""), "flag", "$"));
        Assert.Equal("GL102", Assert.Single(_problems).Code);
    }

    [Fact]
    public void Date_NotIso_NullAndReportsGL105()
    {
        var walker = Walker();

        Assert.Equal(new DateOnly(2016, 12, 1), walker.Date(Json("""{"effective":"2016-12-01"}"""), "effective", "$", required: true));
        Assert.Null(walker.Date(Json("""{"effective":"12/01/2016"}"""), "effective", "$", required: true));
        Assert.Equal(("GL105", "$.effective"), (Assert.Single(_problems).Code, _problems[0].Path));
    }

    [Fact]
    public void Word_OutsideTheSet_NullAndReportsGL104NamingTheWords()
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal) { ["low"] = 1, ["high"] = 2 };
        var walker = Walker();

        Assert.Equal(2, walker.Word(Json("""{"level":"high"}"""), "level", "$", words, required: true));
        Assert.Null(walker.Word(Json("""{"level":"medium"}"""), "level", "$", words, required: true));
        Assert.Contains("not one of: low, high", Assert.Single(_problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Array_Items_GivesEachWithItsIndexedPath()
    {
        var items = Walker().Array(Json("""{"criteria":[{},{}]}"""), "criteria", "$.topics[2]", required: true).ToList();

        Assert.Equal(["$.topics[2].criteria[0]", "$.topics[2].criteria[1]"], items.Select(i => i.Path));
        Assert.Empty(_problems);
    }

    [Fact]
    public void Array_AnObjectInstead_EmptyAndReportsGL102()
    {
        Assert.Empty(Walker().Array(Json("""{"criteria":{}}"""), "criteria", "$", required: true));

        Assert.Equal(("GL102", "$.criteria"), (Assert.Single(_problems).Code, _problems[0].Path));
    }
}
