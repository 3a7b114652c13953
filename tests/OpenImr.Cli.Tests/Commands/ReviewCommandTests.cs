using System.Text.Json;
using OpenImr.Domain.Letters;
using OpenImr.Tests.Shared;

namespace OpenImr.Cli.Tests.Commands;

public class ReviewCommandTests
{
    private const string CaseJson = """
        {
          "caseNumber": "SYNTH-0002",
          "priority": "standard",
          "dates": { "injury": "2016-06-01", "urDenial": "2016-11-20", "applicationReceived": "2016-11-28", "assigned": "2016-12-05" },
          "patient": { "age": 45, "sex": "male" },
          "requests": [ { "description": "Additional physical therapy 2 times a week for 2 weeks for the lumbar spine" }, { "description": "Somatosensory evoked potentials" } ],
          "documents": [ { "type": "progress-report", "date": "2016-11-10", "path": "records/pr2.txt" } ]
        }
        """;

    private const string Record =
        "Synthetic record. The patient is a 45-year-old male with a lumbar strain after lifting at work. He has completed 6 sessions of " +
        "physical therapy for the lumbar spine with documented functional improvement: his lifting tolerance increased from 10 to 25 " +
        "pounds and his work restrictions were reduced.";

    private static TempFolder CaseFolder()
    {
        var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "records"));
        folder.File("records/pr2.txt", Record);
        folder.File("case.json", CaseJson);
        return folder;
    }

    [Fact]
    public async Task Review_FolderAsJson_PrintsReviewInContractShape()
    {
        using var folder = CaseFolder();

        var run = await CliRun.InvokeAsync("review", folder.Path, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("SYNTH-0002", json.RootElement.GetProperty("caseNumber").GetString());
        var determinations = json.RootElement.GetProperty("determinations");
        Assert.Equal(2, determinations.GetArrayLength());
        var therapy = determinations[0];
        Assert.Equal("physical-medicine/physical-therapy", therapy.GetProperty("service").GetString());
        Assert.Equal(4, therapy.GetProperty("quantity").GetProperty("sessions").GetDecimal());
        Assert.Equal(2, therapy.GetProperty("quantity").GetProperty("perWeek").GetDecimal());
        Assert.Equal("Overturned", therapy.GetProperty("decision").GetString());
        Assert.Equal("MTUS", therapy.GetProperty("guideline").GetProperty("source").GetString());
        var criterion = therapy.GetProperty("criteria").EnumerateArray().First(c => c.GetProperty("id").GetString() == "pm.functional-improvement");
        Assert.Equal("met", criterion.GetProperty("status").GetString());
        var evidence = criterion.GetProperty("evidence")[0];
        Assert.Equal(0, evidence.GetProperty("document").GetInt32());
        Assert.Equal(Record[evidence.GetProperty("start").GetInt32()..evidence.GetProperty("end").GetInt32()], evidence.GetProperty("quote").GetString());
        Assert.Equal("NoRecommendation", determinations[1].GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, determinations[1].GetProperty("guideline").ValueKind);
    }

    [Fact]
    public async Task Review_DefaultFormat_IssuesALetterThatParsesBack()
    {
        using var folder = CaseFolder();

        var run = await CliRun.InvokeAsync("review", Path.Combine(folder.Path, "case.json"));

        Assert.Equal(0, run.ExitCode);
        var letter = LetterParser.Parse(run.Stdout).Letter;
        Assert.NotNull(letter);
        Assert.Equal("SYNTH-0002", letter.CaseNumber);
        Assert.Equal(Decision.Overturned, letter.Items[0].Decision);
        Assert.Contains("IMR guideline:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_PdfToFile_WritesARealPdf()
    {
        using var folder = CaseFolder();
        var output = Path.Combine(folder.Path, "letter.pdf");

        var run = await CliRun.InvokeAsync("review", folder.Path, "--format", "pdf", "--out", output);

        Assert.Equal(0, run.ExitCode);
        var bytes = File.ReadAllBytes(output);
        Assert.True(OpenImr.Documents.DocumentText.IsPdf(bytes));
        Assert.Contains("SYNTH-0002", OpenImr.Documents.DocumentText.FromBytes(bytes), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public async Task Review_PdfWithoutOut_IsAUsageError()
    {
        using var folder = CaseFolder();

        var run = await CliRun.InvokeAsync("review", folder.Path, "--format", "pdf");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ not json", "invalid JSON")]
    [InlineData("""{ "requests": [], "documents": [ { "text": "x" } ] }""", "requests")]
    [InlineData("""{ "requests": [ { "description": "" } ], "documents": [ { "text": "x" } ] }""", "requests[0].description")]
    [InlineData("""{ "requests": [ { "description": "MRI" } ], "documents": [ { "path": "missing.txt" } ] }""", "documents[0].path")]
    public async Task Review_BadCaseFile_NamesTheFileAndField(string json, string expected)
    {
        using var folder = new TempFolder();
        var file = folder.File("case.json", json);

        var run = await CliRun.InvokeAsync("review", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(file, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Check_RecordsWithoutOutcome_ListsWhatIsMissingAndExitsOne()
    {
        using var folder = new TempFolder();
        folder.File("case.json", CaseJson.Replace("\"path\": \"records/pr2.txt\"", "\"text\": \"Synthetic record. The patient is a 45-year-old male with low back pain after lifting at work. He has completed 6 sessions of physical therapy for the lumbar spine. Pain is 6/10.\"", StringComparison.Ordinal));

        var run = await CliRun.InvokeAsync("check", folder.Path, "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var items = json.RootElement.GetProperty("requests")[0].GetProperty("items").EnumerateArray().ToList();
        var gap = items.Single(i => i.GetProperty("id").GetString() == "pm.functional-improvement");
        Assert.Equal("not-documented", gap.GetProperty("status").GetString());
        Assert.Contains("progress report", gap.GetProperty("supply").GetString(), StringComparison.Ordinal);
        Assert.Equal("not-established", json.RootElement.GetProperty("requests")[0].GetProperty("strength").GetString());
    }

    [Fact]
    public async Task Check_Text_NamesTheStrengthOfEachOutlook()
    {
        using var folder = CaseFolder();

        var run = await CliRun.InvokeAsync("check", folder.Path);

        Assert.Contains("as the records stand: Overturned (criteria met with evidence)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("as the records stand: NoRecommendation (the engine cannot judge it)", run.Stdout, StringComparison.Ordinal);
    }
}
