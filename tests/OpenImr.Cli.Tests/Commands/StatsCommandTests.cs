using System.Text.Json;
using OpenImr.Domain.Letters;
using OpenImr.Tests.Shared;

namespace OpenImr.Cli.Tests.Commands;

public class StatsCommandTests
{
    [Fact]
    public async Task Stats_DevCorpus_CountsEqualTheLettersOwnDecisions()
    {
        var corpus = DevCorpus.Require();
        var labels = DevCorpus.Labels(corpus);
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "imr.db");
        var import = await CliRun.InvokeAsync("import", corpus, "--db", db);
        Assert.True(import.ExitCode == 0, import.Stderr);

        var run = await CliRun.InvokeAsync("stats", "--db", db, "--json");

        Assert.Equal(0, run.ExitCode);
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        var decisions = labels.SelectMany(l => l.Decisions).ToList();
        Assert.Equal(labels.Count, root.GetProperty("letters").GetInt32());
        Assert.Equal(labels.Sum(l => l.ItemCount), root.GetProperty("items").GetInt32());
        Assert.Equal(decisions.Count(d => d == "Upheld"), root.GetProperty("upheld").GetInt32());
        Assert.Equal(decisions.Count(d => d == "Overturned"), root.GetProperty("overturned").GetInt32());
        Assert.Equal(labels.Sum(l => l.ItemCount), root.GetProperty("byService").EnumerateArray().Sum(b => b.GetProperty("items").GetInt32()));
        Assert.Equal(labels.Sum(l => l.ItemCount), root.GetProperty("byYear").EnumerateArray().Sum(b => b.GetProperty("items").GetInt32()));
    }

    [Fact]
    public async Task Stats_GeneratedLetters_BreakdownsAddUpToTheTotals()
    {
        using var folder = new TempFolder();
        var letters = ImportCommandTests.WriteLetters(folder.Path, 60);
        var db = Path.Combine(folder.Path, "imr.db");
        await CliRun.InvokeAsync("import", folder.Path, "--db", db);

        var run = await CliRun.InvokeAsync("stats", "--db", db, "--json");

        var root = JsonDocument.Parse(run.Stdout).RootElement;
        var items = letters.SelectMany(l => l.Items).ToList();
        Assert.Equal((60, items.Count), (root.GetProperty("letters").GetInt32(), root.GetProperty("items").GetInt32()));
        Assert.Equal(items.Count(i => i.Decision == Decision.Overturned), root.GetProperty("overturned").GetInt32());
        foreach (var breakdown in new[] { "byService", "byGuideline", "byGuidelineSource", "byYear", "byMonth" })
        {
            Assert.Equal(items.Count, root.GetProperty(breakdown).EnumerateArray().Sum(b => b.GetProperty("items").GetInt32()));
        }

        Assert.Equal(letters.Sum(l => l.Items.Count * l.Reviewer.Specialties.Count),
            root.GetProperty("bySpecialty").EnumerateArray().Sum(b => b.GetProperty("items").GetInt32()));
        Assert.All(root.GetProperty("byService").EnumerateArray(), b => Assert.DoesNotContain("/", b.GetProperty("key").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stats_WithoutJson_PrintsTotalsAndTables()
    {
        using var folder = new TempFolder();
        ImportCommandTests.WriteLetters(folder.Path, 10);
        var db = Path.Combine(folder.Path, "imr.db");
        await CliRun.InvokeAsync("import", folder.Path, "--db", db);

        var run = await CliRun.InvokeAsync("stats", "--db", db);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^10 letters, \d+ items: \d+ upheld, \d+ overturned", run.Stdout);
        Assert.Contains("Service family", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Reviewer specialty", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Month decided", run.Stdout, StringComparison.Ordinal);
    }
}
