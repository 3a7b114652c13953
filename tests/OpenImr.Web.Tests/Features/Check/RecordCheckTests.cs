using System.Text;
using OpenImr.Documents.Pdf;
using OpenImr.Domain.Review;
using OpenImr.Storage;
using OpenImr.Web.Features.Check;

namespace OpenImr.Web.Tests.Features.Check;

public sealed class RecordCheckTests
{
    internal const string Request = "Additional physical therapy 2 times a week for 2 weeks for the lumbar spine";

    /// <summary>A synthetic record that names earlier therapy but not what it achieved.</summary>
    internal const string RecordWithoutOutcome =
        "Synthetic record. The patient is a 45-year-old male with low back pain after lifting at work. " +
        "He has completed 6 sessions of physical therapy for the lumbar spine. Pain is rated 6/10. He is on modified duty.";

    private static readonly DateOnly UrDecision = new(2016, 11, 20);

    private static RecordCheck Checker(long maxBytes = 64 * 1024) =>
        new(new WebAppOptions { Database = DatabaseTarget.Parse("unused.db"), MaxDocumentBytes = maxBytes }, OpenImr.Application.CriteriaLibrary.Embedded);

    [Fact]
    public void Run_PastedRecordWithoutOutcome_ListsTheMissingProgressReport()
    {
        var result = Checker().Run(Request, RecordWithoutOutcome, [], UrDecision);

        Assert.True(result.Succeeded);
        var check = Assert.Single(result.Checks);
        Assert.Equal("MTUS", check.Guideline?.Source);
        Assert.Contains(check.Items, i => i.Status == CriterionStatus.NotDocumented && i.Supply?.Contains("progress report", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Run_RecordAsPdf_ReadsLikeTheSameTextPasted()
    {
        var pdf = TextPdfWriter.Write(RecordWithoutOutcome, _ => false, "Synthetic progress report");

        var fromPdf = Checker().Run(Request, null, [new RecordFile("report.pdf", pdf)], UrDecision);
        var pasted = Checker().Run(Request, RecordWithoutOutcome, [], UrDecision);

        Assert.True(fromPdf.Succeeded, string.Join("; ", fromPdf.Errors));
        Assert.Equal(pasted.Checks.Single().Items.Select(i => (i.Id, i.Status)), fromPdf.Checks.Single().Items.Select(i => (i.Id, i.Status)));
    }

    [Fact]
    public void Run_NothingGiven_AsksForRequestsAndRecords()
    {
        var result = Checker().Run("  \n ", "", []);

        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("Requests:", result.Errors[0], StringComparison.Ordinal);
        Assert.StartsWith("Records:", result.Errors[1], StringComparison.Ordinal);
        Assert.Empty(result.Checks);
    }

    [Theory]
    [InlineData("empty.txt", new byte[0], "'empty.txt' is empty")]
    [InlineData("scan.pdf", new byte[] { 0x53, 0x79, 0x6E }, "'scan.pdf' is named .pdf but is not a PDF")]
    [InlineData("photo.jpg", new byte[] { 0xFF, 0xD8, 0x00, 0x00, 0x01, 0x02 }, "'photo.jpg' cannot be read")]
    public void Run_BadFile_NamesTheFileAndChecksNothing(string name, byte[] content, string expected)
    {
        var result = Checker().Run(Request, RecordWithoutOutcome, [new RecordFile(name, content)], UrDecision);

        Assert.Contains(expected, Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.Empty(result.Checks);
    }

    [Fact]
    public void Run_FileOverTheLimit_SaysTheLimit()
    {
        var result = Checker(maxBytes: 100).Run(Request, null, [new RecordFile("long.txt", Encoding.UTF8.GetBytes(new string('a', 101)))]);

        Assert.Contains("'long.txt' has 101 bytes; a record may have at most 100", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TooManyRequests_SaysTheLimit()
    {
        var requests = string.Join('\n', Enumerable.Repeat(Request, RecordCheck.MaxRequests + 1));

        var result = Checker().Run(requests, RecordWithoutOutcome, []);

        Assert.Contains($"check at most {RecordCheck.MaxRequests}", Assert.Single(result.Errors), StringComparison.Ordinal);
    }
}
