using OpenImr.Domain.Guidelines;

namespace OpenImr.Domain.Tests.Guidelines;

public class GuidelineReaderTests
{
    private const string Manifest = """{ "name": "test", "version": "9.9.9", "files": ["bad.json"] }""";
    private const string Hierarchy = """{ "entries": [], "notCovered": [] }""";
    private const string Templates = """{ "openings": { "upheld": "No to {request} under {guidelne}." } }""";

    private const string Malformed = """
        {
          "id": "bad",
          "family": "bad",
          "title": "Bad Guideline",
          "edition": "2009",
          "citesBy": "pages",
          "effective": { "from": "2009-07-18", "confidence": "K-high" },
          "topics": [
            {
              "id": "t1", "section": "One", "recommendation": "recommended", "confidence": "V",
              "services": ["imaging/mri", "imaging/pet"], "regions": ["lumbar"],
              "criteria": [
                { "id": "c1", "test": "x", "facts": ["work.rtw-goal", "work.unicorn"],
                  "rule": { "requires": "affirmed", "fact": "work.employer-agreement" },
                  "onFail": "upheld", "source": {}, "confidence": "V" },
                { "id": "c1", "test": "y", "facts": [], "rule": { "frob": 1 },
                  "onFail": "maybe", "source": { "pages": "12" }, "confidence": "V" }
              ]
            },
            { "id": "t1", "section": "Two", "pages": "3", "recommendation": "option", "confidence": "V", "regions": ["any"] }
          ]
        }
        """;

    private static IReadOnlyList<LibraryProblem> LoadMalformed() =>
        GuidelineLibrary.Load([("library.json", Manifest), ("hierarchy.json", Hierarchy), ("templates.json", Templates), ("bad.json", Malformed)]).Problems;

    [Fact]
    public void Load_MalformedFile_ReportsEveryProblemWithItsPath()
    {
        var problems = LoadMalformed().Where(p => p.File == "bad.json").ToList();

        AssertHas(problems, "GL101", "$.source");
        AssertHas(problems, "GL203", "$.topics[0].services[1]");
        AssertHas(problems, "GL202", "$.topics[0].criteria[0].facts[1]");
        Assert.Contains(problems, p => p is { Code: "GL208", Path: "$.topics[0].criteria[0].rule" } && p.Message.Contains("work.employer-agreement", StringComparison.Ordinal));
        AssertHas(problems, "GL207", "$.topics[0].criteria[0].source");
        AssertHas(problems, "GL209", "$.topics[0].criteria[1].rule");
        AssertHas(problems, "GL104", "$.topics[0].criteria[1].onFail");
        AssertHas(problems, "GL201", "$.topics[0].criteria[1]");
        AssertHas(problems, "GL201", "$.topics[1].id");
        AssertHas(problems, "GL206", "$.topics[0].pages");
    }

    [Fact]
    public void Load_MalformedLibrary_ReportsHierarchyAndTemplateGapsToo()
    {
        var problems = LoadMalformed();

        Assert.Contains(problems, p => p is { Code: "GL302", File: "hierarchy.json" } && p.Message.Contains("'imaging/mri'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p is { Code: "GL401", File: "templates.json", Path: "$.openings.upheld" });
    }

    [Fact]
    public void Load_InvalidJson_ReportsTheFileAndCarriesOn()
    {
        var library = GuidelineLibrary.Load([("library.json", Manifest), ("bad.json", "{ \"id\": ")]);

        Assert.Contains(library.Problems, p => p is { Code: "GL001", File: "bad.json" } && p.Path.StartsWith("line ", StringComparison.Ordinal));
        Assert.Equal("9.9.9", library.Version);
        Assert.Empty(library.Guidelines);
    }

    [Fact]
    public void Load_FileNotInManifest_IsReported()
    {
        var library = GuidelineLibrary.Load([("library.json", Manifest), ("guidelines/bad.json", Malformed), ("extra.json", "{}")]);

        Assert.Contains(library.Problems, p => p is { Code: "GL002", File: "extra.json" });
        Assert.DoesNotContain(library.Problems, p => p is { Code: "GL002", File: "bad.json" });
    }

    [Fact]
    public void Load_WithoutManifest_ReportsItAndHasNoVersion()
    {
        var library = GuidelineLibrary.Load([]);

        Assert.Contains(library.Problems, p => p.Code == "GL003");
        Assert.Equal("unknown", library.Version);
    }

    private static void AssertHas(IReadOnlyList<LibraryProblem> problems, string code, string path) =>
        Assert.True(problems.Any(p => p.Code == code && p.Path == path), $"expected {code} at {path}; got:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");

    [Theory]
    [InlineData("98-99", true)]
    [InlineData("30-34, 49", true)]
    [InlineData("125", true)]
    [InlineData("p.98", false)]
    [InlineData("98-", false)]
    [InlineData("", false)]
    public void IsPageRange_Text_RecognisesPageLists(string pages, bool expected) =>
        Assert.Equal(expected, GuidelineReader.IsPageRange(pages));
}
