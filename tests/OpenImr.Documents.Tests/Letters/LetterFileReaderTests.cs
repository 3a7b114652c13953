using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenImr.Documents.Letters;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Serialization;
using OpenImr.Tests.Shared;

namespace OpenImr.Documents.Tests.Letters;

public class LetterFileReaderTests
{
    public static TheoryData<string> Seeds => new(TestFiles.Seeds);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Read_SeedRenderedAsPdf_GivesBackTheSameLetter(string seed)
    {
        var letter = TestFiles.SeedLetter(seed);
        var pdf = LetterDocuments.Pdf(letter);

        var result = LetterFileReader.Read(pdf, letter.Source!);

        Assert.True(result.Succeeded, result.FirstError);
        Assert.Equal(Json(letter), Json(result.Letter! with { Format = letter.Format }));
    }

    [Fact]
    public void Read_TextFileWithByteOrderMark_ReadsLetter()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TestFiles.Read(TestFiles.Seeds[2]))).ToArray();

        var result = LetterFileReader.Read(bytes, "bom.md");

        Assert.Equal("CM15-0174261", result.Letter?.CaseNumber);
    }

    [Fact]
    public void Read_EmptyFile_ReportsEmpty()
    {
        var result = LetterFileReader.Read([], "empty.pdf");

        Assert.Equal(LetterIssueCodes.Empty, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Read_BinaryFile_ReportsBinary()
    {
        var result = LetterFileReader.Read(Enumerable.Range(0, 3000).Select(i => (byte)(i % 7)).ToArray(), "junk.bin");

        Assert.Null(result.Letter);
        Assert.Equal(LetterIssueCodes.Binary, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Read_TruncatedPdf_ReportsWhy()
    {
        var pdf = LetterDocuments.Pdf(TestFiles.SeedLetter(TestFiles.Seeds[0]));

        var result = LetterFileReader.Read(pdf[..(pdf.Length / 2)], "cut.pdf");

        Assert.Null(result.Letter);
        Assert.Contains("truncated", result.FirstError, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DevCorpus_ReadsEveryCaseNumberItemAndDecision()
    {
        var folder = DevCorpus.Require();
        var labels = DevCorpus.Labels(folder);
        Assert.Equal(99, labels.Count);

        var mismatches = new List<string>();
        foreach (var label in labels)
        {
            var result = LetterFileReader.Read(File.ReadAllBytes(Path.Combine(folder, label.CaseNumber + ".pdf")), label.CaseNumber + ".pdf");
            var letter = result.Letter;
            if (letter is null)
            {
                mismatches.Add($"{label.CaseNumber}: {result.FirstError}");
                continue;
            }

            var decisions = letter.Items.Select(i => i.Decision.ToString()).ToArray();
            if (letter.CaseNumber != label.CaseNumber || letter.Items.Count != label.ItemCount || !decisions.SequenceEqual(label.Decisions))
            {
                mismatches.Add($"{label.CaseNumber}: read {letter.CaseNumber} with {string.Join(",", decisions)}; labels say {string.Join(",", label.Decisions)}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Read_DevCorpusWithLineBreaksLost_ReadsEveryCaseNumberAndDecision()
    {
        var folder = DevCorpus.Require();
        var mismatches = new List<string>();
        foreach (var label in DevCorpus.Labels(folder))
        {
            // The letter's text as a web page copy delivers it: one line, runs of spaces collapsed.
            var text = OpenImr.Documents.Pdf.PdfTextExtractor.Extract(File.ReadAllBytes(Path.Combine(folder, label.CaseNumber + ".pdf")));
            var runOn = Regex.Replace(text, @"\s+", " ");

            var letter = LetterFileReader.Read(Encoding.UTF8.GetBytes(runOn), label.CaseNumber + ".txt").Letter;

            var decisions = letter?.Items.Select(i => i.Decision.ToString()).ToArray() ?? [];
            if (letter?.CaseNumber != label.CaseNumber || !decisions.SequenceEqual(label.Decisions))
            {
                mismatches.Add($"{label.CaseNumber}: read {letter?.CaseNumber} with {string.Join(",", decisions)}; labels say {string.Join(",", label.Decisions)}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void Read_DevCorpus_LeavesNoStatedFieldNull()
    {
        var folder = DevCorpus.Require();
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.pdf").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var letter = LetterFileReader.Read(bytes, Path.GetFileName(file)).Letter!;
            var name = Path.GetFileName(file);
            void Require(bool stated, string field)
            {
                if (!stated)
                {
                    missing.Add($"{name}: {field}");
                }
            }

            // Every corpus letter has the full header table, credentials, a summary and three lines per item.
            Require(letter.CaseNumber is not null, "caseNumber");
            Require(letter.Dates.Assigned is not null && letter.Dates.Injury is not null && letter.Dates.Decision is not null
                && letter.Dates.UrDenial is not null && letter.Dates.ApplicationReceived is not null, "dates");
            Require(letter.Priority is not null, "priority");
            Require(letter.Reviewer.Licensure.Count > 0, "reviewer.licensure");
            Require(letter.Reviewer.Specialties.Count > 0, "reviewer.specialties");
            Require(!string.IsNullOrWhiteSpace(letter.ClinicalSummary), "clinicalSummary");
            var summary = letter.ClinicalSummary ?? "";
            Require(letter.Patient.Age is not null || !Regex.IsMatch(summary, @"\b\d{1,3}[- ]years?[- ]old\b"), "patient.age");
            Require(letter.Patient.Sex is not null || !Regex.IsMatch(summary, @"\b(male|female)\b", RegexOptions.IgnoreCase), "patient.sex");
            foreach (var item in letter.Items)
            {
                Require(item.Request.Length > 0, "items.request");
                Require(item.ClaimsAdministratorGuideline is not null, $"items[{item.Request}].claimsAdministratorGuideline");
                Require(item.ImrGuideline is not null, $"items[{item.Request}].imrGuideline");
                Require(item.Rationale is not null, $"items[{item.Request}].rationale");
                Require(item.Citations.Count > 0 || item.ImrGuideline?.Contains("did not cite", StringComparison.Ordinal) == true, $"items[{item.Request}].citations");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Read_DevCorpusPartialAuthorisation_DecidesTheRemainingPortion()
    {
        var folder = DevCorpus.Require();

        var letter = LetterFileReader.Read(File.ReadAllBytes(Path.Combine(folder, "CM16-0239190.pdf")), "CM16-0239190.pdf").Letter!;

        Assert.Equal("Occupational therapy for six sessions", Assert.Single(letter.Items).Request);
    }

    [Fact]
    public void Read_DevCorpusRenderedAsPdf_GivesBackEveryDecision()
    {
        var folder = DevCorpus.Require();
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.pdf").Order(StringComparer.Ordinal))
        {
            var letter = LetterFileReader.Read(File.ReadAllBytes(file), Path.GetFileName(file)).Letter!;

            // Real letters hold characters the standard PDF fonts lack (×, °, accents); rendering must not fail on them.
            var again = LetterFileReader.Read(LetterDocuments.Pdf(letter), letter.Source!).Letter;

            if (again is null || again.CaseNumber != letter.CaseNumber
                || !again.Items.Select(i => i.Decision).SequenceEqual(letter.Items.Select(i => i.Decision)))
            {
                problems.Add(Path.GetFileName(file));
            }
        }

        Assert.True(problems.Count == 0, string.Join(", ", problems));
    }

    private static string Json(Letter letter) => JsonSerializer.Serialize(letter, ImrJson.Compact);
}
