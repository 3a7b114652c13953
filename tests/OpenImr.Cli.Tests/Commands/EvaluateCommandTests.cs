using System.Text.Json;
using OpenImr.Domain.Letters;
using OpenImr.Tests.Shared;

namespace OpenImr.Cli.Tests.Commands;

public class EvaluateCommandTests
{
    private static readonly string Seeds = CliRun.TestData("Seeds");

    [Fact]
    public async Task Evaluate_Seeds_ComparesEveryItemInContractShape()
    {
        var run = await CliRun.InvokeAsync("evaluate", Seeds, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(5, json.RootElement.GetProperty("letters").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("items").GetInt32());
        foreach (var result in json.RootElement.GetProperty("results").EnumerateArray())
        {
            Assert.Equal("Upheld", result.GetProperty("actual").GetString());
            Assert.Equal("Upheld", result.GetProperty("predicted").GetString());
            Assert.StartsWith("physical-medicine/", result.GetProperty("service").GetString(), StringComparison.Ordinal);
            Assert.True(result.TryGetProperty("source", out _) && result.TryGetProperty("caseNumber", out _) && result.TryGetProperty("request", out _));
        }
    }

    [Fact]
    public async Task Evaluate_LettersWithDecisionsAndRationalesStripped_PredictsTheSame()
    {
        using var folder = new TempFolder();
        foreach (var seed in Directory.EnumerateFiles(Seeds))
        {
            var letter = LetterParser.Parse(File.ReadAllText(seed)).Letter!;
            // Flip every decision and replace every guideline and rationale: the engine must not notice.
            var stripped = letter with
            {
                Items = letter.Items.Select(i => i with
                {
                    Decision = i.Decision == Decision.Upheld ? Decision.Overturned : Decision.Upheld,
                    ClaimsAdministratorGuideline = null,
                    ImrGuideline = null,
                    Citations = [],
                    Rationale = "Synthetic placeholder rationale.",
                }).ToList(),
            };
            folder.File(Path.GetFileName(seed), LetterRenderer.Render(stripped, LetterFormat.Text));
        }

        var original = await CliRun.InvokeAsync("evaluate", Seeds, "--json");
        var altered = await CliRun.InvokeAsync("evaluate", folder.Path, "--json");

        Assert.Equal(Predictions(original.Stdout), Predictions(altered.Stdout));
        Assert.NotEqual(Actuals(original.Stdout), Actuals(altered.Stdout));
    }

    [Fact]
    public async Task Evaluate_DevCorpus_ReportsEveryItemWithFamilyFigures()
    {
        var corpus = DevCorpus.Require();

        var run = await CliRun.InvokeAsync("evaluate", corpus, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(99, json.RootElement.GetProperty("letters").GetInt32());
        Assert.Equal(218, json.RootElement.GetProperty("results").GetArrayLength());
        var families = json.RootElement.GetProperty("families");
        foreach (var family in new[] { "physical-medicine", "imaging", "medication", "electrodiagnostic" })
        {
            Assert.True(families.GetProperty(family).GetProperty("coverage").GetDouble() >= 0.9, family);
        }
    }

    private static string[] Predictions(string json) => Column(json, "predicted");

    private static string[] Actuals(string json) => Column(json, "actual");

    private static string[] Column(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("results").EnumerateArray().Select(r => $"{r.GetProperty("request").GetString()}={r.GetProperty(name).GetString()}").ToArray();
    }
}
