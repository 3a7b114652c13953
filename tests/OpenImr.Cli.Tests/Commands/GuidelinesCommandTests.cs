using System.Text.Json;
using System.Text.Json.Nodes;
using OpenImr.Tests.Shared;

namespace OpenImr.Cli.Tests.Commands;

public class GuidelinesCommandTests
{
    /// <summary>Drops every criterion and quantity of one topic, as an organisation's edit might.</summary>
    private static void EmptyTopic(string library, string file, string topicId)
    {
        var path = Path.Combine(library, file);
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var topic = root["topics"]!.AsArray().Single(t => (string?)t!["id"] == topicId)!;
        topic["criteria"] = new JsonArray();
        topic["quantities"] = new JsonArray();
        File.WriteAllText(path, root.ToJsonString());
    }

    [Fact]
    public async Task Validate_BuiltInLibrary_NoProblemsExitZero()
    {
        var run = await CliRun.InvokeAsync("guidelines", "validate");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("the built-in library: version", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("no problems", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_FolderWithBrokenFiles_EveryProblemWithFilePathAndCodeExitOne()
    {
        using var library = TempFolder.LibraryCopy();
        File.WriteAllText(Path.Combine(library.Path, "odg", "hip.json"), "{");
        var knee = Path.Combine(library.Path, "mtus-2009", "knee.json");
        File.WriteAllText(knee, File.ReadAllText(knee).Replace("\"onFail\": \"upheld\"", "\"onFail\": \"uphold\"", StringComparison.Ordinal));

        var run = await CliRun.InvokeAsync("guidelines", "validate", library.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"odg/hip.json line \d+, byte \d+: GL001 not valid JSON", run.Stdout);
        Assert.Contains("mtus-2009/knee.json $.topics[0].criteria[0].onFail: GL104 'uphold' is not one of", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("problem(s)", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-library", "no such folder")]
    [InlineData("case.json", "is a file")]
    [InlineData("", "holds no library.json")]
    public async Task Validate_NotALibraryFolder_NamesItAndExitsTwo(string relative, string message)
    {
        using var folder = new TempFolder();
        folder.File("case.json", "{}");

        var run = await CliRun.InvokeAsync("guidelines", "validate", Path.Combine(folder.Path, relative));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Review_GuidelinesFolder_UsesThatLibraryInsteadOfTheBuiltIn()
    {
        using var library = TempFolder.LibraryCopy();
        EmptyTopic(library.Path, "mtus-2009/chronic-pain.json", "physical-medicine");
        var seed = CliRun.TestData("Seeds/004_c2ed943a33e6df3f.txt");
        using var folder = new TempFolder();
        var letter = await CliRun.InvokeAsync("parse", seed, "--json");
        var parsed = JsonDocument.Parse(letter.Stdout).RootElement[0];
        var caseFile = folder.File("case.json", JsonSerializer.Serialize(new
        {
            caseNumber = parsed.GetProperty("caseNumber").GetString(),
            dates = new { urDenial = "2015-06-01", injury = "2014-01-10" },
            requests = new[] { new { description = parsed.GetProperty("items")[0].GetProperty("request").GetString() } },
            documents = new[] { new { type = "clinical-summary", text = parsed.GetProperty("clinicalSummary").GetString() } },
        }));

        var builtIn = await CliRun.InvokeAsync("review", caseFile, "--format", "json");
        var changed = await CliRun.InvokeAsync("review", caseFile, "--format", "json", "--guidelines", library.Path);

        Assert.Equal("Upheld", JsonDocument.Parse(builtIn.Stdout).RootElement.GetProperty("determinations")[0].GetProperty("decision").GetString());
        var determination = JsonDocument.Parse(changed.Stdout).RootElement.GetProperty("determinations")[0];
        Assert.Equal("NoRecommendation", determination.GetProperty("decision").GetString());
        Assert.Contains("encodes none of its criteria", determination.GetProperty("rationale").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_GuidelinesFolderWithProblems_RefusesAndPointsToValidate()
    {
        using var library = TempFolder.LibraryCopy();
        File.WriteAllText(Path.Combine(library.Path, "odg", "hip.json"), "[]");
        using var folder = new TempFolder();
        var caseFile = folder.File("case.json", """{ "caseNumber": "SYNTH-1", "requests": [ { "description": "MRI of the lumbar spine" } ], "documents": [] }""");

        var run = await CliRun.InvokeAsync("review", caseFile, "--guidelines", library.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("imr guidelines validate", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Impact_TopicEmptied_ListsTheChangedDeterminationWithItsCriteria()
    {
        using var library = TempFolder.LibraryCopy();
        EmptyTopic(library.Path, "mtus-2009/chronic-pain.json", "physical-medicine");

        var run = await CliRun.InvokeAsync("guidelines", "impact", "builtin", library.Path, "--corpus", CliRun.TestData("Seeds"), "--json");

        Assert.Equal(0, run.ExitCode);
        var impact = JsonDocument.Parse(run.Stdout).RootElement;
        Assert.Equal(5, impact.GetProperty("letters").GetInt32());
        var change = Assert.Single(impact.GetProperty("changes").EnumerateArray(), c => c.GetProperty("after").GetString() == "NoRecommendation");
        Assert.Equal("Upheld", change.GetProperty("before").GetString());
        Assert.Contains(change.GetProperty("criteria").EnumerateArray(),
            c => c.GetProperty("id").GetString() == "pm.functional-improvement" && c.GetProperty("after").ValueKind == JsonValueKind.Null);
        Assert.True(impact.GetProperty("before").GetProperty("upheldAsUpheld").GetInt32() > impact.GetProperty("after").GetProperty("upheldAsUpheld").GetInt32());
    }

    [Fact]
    public async Task Impact_SameLibraryTwice_NothingChanges()
    {
        var run = await CliRun.InvokeAsync("guidelines", "impact", "builtin", "builtin", "--corpus", CliRun.TestData("Seeds"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("5 letters", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("0 determinations changed", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_BuiltInLibrary_EveryExamplePassesAndUntestedCriteriaCounted()
    {
        var run = await CliRun.InvokeAsync("guidelines", "test");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^(\d+) of \1 examples passed; \d+ criteria have no example", run.Stdout);
        Assert.DoesNotContain("FAIL", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_ExampleWhoseExpectationTheLibraryNoLongerMeets_FailsNamingItExitOne()
    {
        using var library = TempFolder.LibraryCopy();
        var path = Path.Combine(library.Path, "mtus-2009", "chronic-pain.json");
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        root["topics"]!.AsArray().Single(t => (string?)t!["id"] == "anticonvulsants")!["recommendation"] = "not-recommended";
        File.WriteAllText(path, root.ToJsonString());

        var run = await CliRun.InvokeAsync("guidelines", "test", library.Path, "--untested");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL aed-first-trial-radiculopathy (examples/examples.json $.examples[0]): decision Upheld, expected Overturned", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("untested mtus-cpmtg-2009/physical-medicine: pm.condition-addressed", run.Stdout, StringComparison.Ordinal);
    }
}
