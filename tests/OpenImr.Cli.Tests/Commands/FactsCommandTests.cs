using System.Text.Json;

namespace OpenImr.Cli.Tests.Commands;

// Case files here are synthetic.
public sealed class FactsCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "imr-facts-" + Guid.NewGuid().ToString("N"));

    public FactsCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string ValidCase = """
        {
          "caseNumber": "SYN-0001",
          "dates": { "applicationReceived": "2016-12-20" },
          "requests": [ { "description": "Physical therapy 2 times a week for 6 weeks, lumbar spine" } ],
          "documents": [
            { "type": "clinical-summary", "text": "The applicant is a 45-year-old male with an industrial injury of May 14, 2015. He has completed 12 sessions of physical therapy without functional improvement." },
            { "type": "progress-report", "path": "records/pr2.txt" }
          ]
        }
        """;

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ImrCommandLine.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Facts_FolderWithCaseJson_PrintsTable()
    {
        Write("case.json", ValidCase);
        Write("records/pr2.txt", "Pain was rated 7/10.\nThe applicant remains off work.\n");
        var (code, output, error) = await Run("facts", _folder);
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("physical-medicine/physical-therapy", output, StringComparison.Ordinal);
        Assert.Contains("response.functional-improvement", output, StringComparison.Ordinal);
        Assert.Contains("off-work", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_Json_FactsWithEvidenceIntoDocuments()
    {
        var file = Write("case.json", ValidCase);
        Write("records/pr2.txt", "Pain was rated 7/10.\nThe applicant remains off work.\n");
        var (code, output, _) = await Run("facts", file, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("2016-12-20", root.GetProperty("asOf").GetString());
        var request = root.GetProperty("requests")[0];
        Assert.Equal("physical-medicine/physical-therapy", request.GetProperty("service").GetString());
        Assert.Equal(12, request.GetProperty("quantity").GetProperty("sessions").GetInt32());
        var facts = root.GetProperty("facts").EnumerateArray().ToList();
        var work = Assert.Single(facts, f => f.GetProperty("kind").GetString() == "work.status");
        Assert.Equal("off-work", work.GetProperty("value").GetString());
        var evidence = work.GetProperty("evidence");
        Assert.Equal(1, evidence.GetProperty("document").GetInt32());
        var text = File.ReadAllText(Path.Combine(_folder, "records/pr2.txt"));
        Assert.Equal(text[evidence.GetProperty("start").GetInt32()..evidence.GetProperty("end").GetInt32()], evidence.GetProperty("quote").GetString());
        Assert.Contains(facts, f => f.GetProperty("kind").GetString() == "injury.time-since" && f.GetProperty("number").GetInt32() == 19);
    }

    [Fact]
    public async Task Facts_InvalidJson_Exit2NamingFile()
    {
        var file = Write("case.json", "{ \"requests\": [ { \"description\": ");
        var (code, output, error) = await Run("facts", file);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("""{ "documents": [ { "text": "x" } ] }""", "requests")]
    [InlineData("""{ "requests": [ { "description": "MRI" } ] }""", "documents")]
    [InlineData("""{ "requests": [ { "description": "  " } ], "documents": [ { "text": "x" } ] }""", "requests[0].description")]
    [InlineData("""{ "requests": [ { "description": "MRI" } ], "documents": [ { "type": "note" } ] }""", "documents[0].text")]
    [InlineData("""{ "requests": null, "documents": [ { "text": "x" } ] }""", "requests")]
    public async Task Facts_MissingField_Exit2NamingField(string content, string field)
    {
        var file = Write("case.json", content);
        var (code, _, error) = await Run("facts", file);
        Assert.Equal(2, code);
        Assert.Contains($"{file}: {field}:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_DocumentPathMissing_Exit2NamingPath()
    {
        var file = Write("case.json", """{ "requests": [ { "description": "MRI" } ], "documents": [ { "path": "records/missing.txt" } ] }""");
        var (code, _, error) = await Run("facts", file);
        Assert.Equal(2, code);
        Assert.Contains("documents[0].path", error, StringComparison.Ordinal);
        Assert.Contains("records/missing.txt", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_DamagedPdfDocument_Exit2NamingTheDocument()
    {
        Write("records/note.pdf", "%PDF-1.4");
        var file = Write("case.json", """{ "requests": [ { "description": "MRI" } ], "documents": [ { "path": "records/note.pdf" } ] }""");
        var (code, _, error) = await Run("facts", file);
        Assert.Equal(2, code);
        Assert.Contains("documents[0].path", error, StringComparison.Ordinal);
        Assert.Contains("damaged or truncated", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_PdfDocument_ReadsItsText()
    {
        var pdf = OpenImr.Documents.Pdf.TextPdfWriter.Write("Synthetic record. He has completed 6 sessions of physical therapy.", _ => false, "synthetic");
        Directory.CreateDirectory(Path.Combine(_folder, "records"));
        File.WriteAllBytes(Path.Combine(_folder, "records", "note.pdf"), pdf);
        var file = Write("case.json", """{ "requests": [ { "description": "Physical therapy x 6" } ], "documents": [ { "path": "records/note.pdf" } ] }""");
        var (code, output, _) = await Run("facts", file, "--json");
        Assert.Equal(0, code);
        Assert.Contains("treatment.physical-therapy", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_CaseFileMissing_Exit2()
    {
        var (code, _, error) = await Run("facts", Path.Combine(_folder, "nope.json"));
        Assert.Equal(2, code);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_FolderWithoutCaseJson_Exit2()
    {
        var (code, _, error) = await Run("facts", _folder);
        Assert.Equal(2, code);
        Assert.Contains("no case.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_BadAsOf_Exit2()
    {
        Write("case.json", ValidCase);
        Write("records/pr2.txt", "Pain was rated 7/10.");
        var (code, _, error) = await Run("facts", _folder, "--as-of", "yesterday");
        Assert.Equal(2, code);
        Assert.Contains("--as-of", error, StringComparison.Ordinal);
    }
}
