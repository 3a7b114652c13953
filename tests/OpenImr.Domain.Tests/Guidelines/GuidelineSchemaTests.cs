using System.Text.Json;
using Json.Schema;
using OpenImr.Domain.Guidelines;

namespace OpenImr.Domain.Tests.Guidelines;

/// <summary>The published JSON Schema for guideline files (docs/schema/guideline.schema.json), which editors use.</summary>
public class GuidelineSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "guideline.schema.json"))));

    private static readonly string[] NotGuidelineFiles = ["library.json", "hierarchy.json", "templates.json"];

    public static TheoryData<string> GuidelineFiles() =>
        [.. LibraryFiles.Read().Select(f => f.Name).Where(n => !NotGuidelineFiles.Contains(n) && !n.StartsWith("examples/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static EvaluationResults Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    [Theory]
    [MemberData(nameof(GuidelineFiles))]
    public void Evaluate_EveryShippedGuidelineFile_IsValid(string file)
    {
        var results = Evaluate(LibraryFiles.Read().Single(f => f.Name == file).Json);

        Assert.True(results.IsValid, file);
    }

    [Theory]
    [InlineData("\"onFail\": \"upheld\"", "\"onFail\": \"uphold\"")]
    [InlineData("\"regions\": [", "\"regions\": [\"elbowz\", ")]
    [InlineData("\"test\":", "\"tset\":")]
    public void Evaluate_FileWithAMistakeTheLoaderAlsoRejects_IsInvalid(string from, string to)
    {
        var knee = LibraryFiles.Read().Single(f => f.Name == "mtus-2009/knee.json").Json;
        var broken = knee.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(knee, broken);

        Assert.False(Evaluate(broken).IsValid);
        Assert.NotEmpty(GuidelineLibrary.Load(LibraryFiles.Read().Select(f => f.Name == "mtus-2009/knee.json" ? (f.Name, broken) : f)).Problems);
    }

    [Fact]
    public void Schema_Regions_AreTheVocabularysRegions()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "guideline.schema.json")));
        var regions = schema.RootElement.GetProperty("$defs").GetProperty("topic").GetProperty("properties").GetProperty("regions")
            .GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToHashSet();

        Assert.True(regions.SetEquals(GuidelineVocabulary.Regions));
    }
}
