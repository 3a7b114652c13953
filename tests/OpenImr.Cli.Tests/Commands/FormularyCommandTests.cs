using System.Text.Json;
using OpenImr.Tests.Shared;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace OpenImr.Cli.Tests.Commands;

/// <summary>Importing a Drug List in the published layout; every list here is synthetic, with invented drug names.</summary>
public class FormularyCommandTests
{
    private const string Csv = """
        SYNTHETIC TEST LIST - MTUS Drug List v.99 (8 CCR 9792.27.15) EFFECTIVE DATE: March 1, 2026
        Drug Ingredient,Exempt/Non-Exempt,Special Fill,Perioperative Fill,Drug Class,Reference in ACOEM Guidelines
        Synthetamol,Exempt,,,Analgesic,Chronic Pain ✓
        Fictocodone,Non-Exempt,4,4,Opioid Analgesic,"Opioids ✓; Low Back Disorders ✕"
        Brokenrow,Maybe,,,Other,
        """;

    /// <summary>A one-page synthetic list laid out in columns, as a real PDF.</summary>
    private static byte[] SyntheticPdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.Letter);
        void Row(double y, params (double X, string Text)[] cells)
        {
            foreach (var (x, text) in cells)
            {
                page.AddText(text, 8, new PdfPoint(x, y), font);
            }
        }

        Row(740, (40, "SYNTHETIC TEST LIST - MTUS Drug List v.99 EFFECTIVE DATE: March 1, 2026"));
        Row(700, (40, "Drug Ingredient"), (150, "Exempt/Non-Exempt"), (250, "Special Fill"), (310, "Perioperative Fill"), (390, "Drug Class"), (470, "Reference in ACOEM Guidelines"));
        Row(685, (40, "Synthetamol"), (150, "Exempt"), (390, "Analgesic"), (470, "Chronic Pain (R)"));
        Row(670, (40, "Fictocodone"), (150, "Non-Exempt"), (250, "4"), (310, "4"), (390, "Opioid"), (470, "Opioids (R);"));
        Row(660, (470, "Low Back Disorders (NR)"));
        Row(645, (40, "Placeboprofen"), (150, "Non-Exempt"), (390, "NSAID"));
        return builder.Build();
    }

    [Fact]
    public async Task Import_Csv_WritesTheDatedDataAndReportsTheUnreadRowExitOne()
    {
        using var folder = new TempFolder();
        var list = folder.File("synthetic-list.csv", Csv);
        var output = Path.Combine(folder.Path, "list.json");

        var run = await CliRun.InvokeAsync("formulary", "import", list, "--out", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("synthetic-list.csv line 5: 'Maybe' is neither Exempt nor Non-Exempt", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("2 rows read, 1 could not be read", run.Stderr, StringComparison.Ordinal);
        using var data = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("v.99", data.RootElement.GetProperty("version").GetString());
        Assert.Equal("2026-03-01", data.RootElement.GetProperty("effective").GetString());
        Assert.Equal("non-exempt", data.RootElement.GetProperty("entries")[1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Import_PdfInThePublishedColumns_ReadsEveryRowExitZero()
    {
        using var folder = new TempFolder();
        var list = folder.File("synthetic-list.pdf", SyntheticPdf());

        var run = await CliRun.InvokeAsync("formulary", "import", list, "--json");

        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(run.Stdout);
        Assert.Equal(3, summary.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(0, summary.RootElement.GetProperty("unread").GetArrayLength());
    }

    [Fact]
    public async Task Import_IntoALibrary_TheReviewShowsTheDrugListRule()
    {
        using var library = TempFolder.LibraryCopy();

        using var folder = new TempFolder();
        var list = folder.File("synthetic-list.pdf", SyntheticPdf());
        var caseFile = folder.File("case.json", """
            { "caseNumber": "SYNTH-F1", "dates": { "injury": "2026-05-01", "urDenial": "2026-06-01" },
              "requests": [ { "description": "Fictocodone 5mg #30" } ],
              "documents": [ { "type": "progress-report", "text": "Synthetic record. A 40-year-old man strained his low back lifting at work a month ago. Pain is 7/10 with paraspinal tenderness. He works modified duty." } ] }
            """);

        var import = await CliRun.InvokeAsync("formulary", "import", list, "--library", library.Path);
        var validate = await CliRun.InvokeAsync("guidelines", "validate", library.Path);
        var review = await CliRun.InvokeAsync("review", caseFile, "--format", "json", "--guidelines", library.Path);

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(0, validate.ExitCode);
        var criterion = JsonDocument.Parse(review.Stdout).RootElement.GetProperty("determinations")[0].GetProperty("criteria")
            .EnumerateArray().Single(c => c.GetProperty("id").GetString() == "formulary.mtus-drug-list");
        Assert.Equal("not-met", criterion.GetProperty("status").GetString());
        Assert.Contains("Non-Exempt on the MTUS Drug List v.99", criterion.GetProperty("finding").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list.xlsx", "PK", "save it so")]
    [InlineData("list.csv", "name,age\nx,1\n", "no header row")]
    [InlineData("list.pdf", "%PDF-1.4 garbage", "damaged")]
    public async Task Import_FileThatIsNotAReadableList_SaysWhatIsWrongExitTwo(string name, string content, string message)
    {
        using var folder = new TempFolder();
        var path = folder.File(name, content);

        var run = await CliRun.InvokeAsync("formulary", "import", path, "--version", "v.1", "--effective", "2018-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Import_EffectiveDateBeforeTheDrugList_RefusedExitTwo()
    {
        using var folder = new TempFolder();
        var path = folder.File("list.csv", Csv);

        var run = await CliRun.InvokeAsync("formulary", "import", path, "--effective", "2017-06-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--effective", run.Stderr, StringComparison.Ordinal);
    }
}
