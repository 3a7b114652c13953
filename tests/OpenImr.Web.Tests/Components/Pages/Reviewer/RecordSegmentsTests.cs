using OpenImr.Domain.Clinical;
using OpenImr.Web.Components.Pages.Reviewer;

namespace OpenImr.Web.Tests.Components.Pages.Reviewer;

public sealed class RecordSegmentsTests
{
    private const string Record = "Synthetic. She completed 6 sessions. Pain is 5/10.";

    [Fact]
    public void Cut_OneSpan_MarksExactlyTheQuotedTextAndKeepsTheRest()
    {
        var start = Record.IndexOf("She", StringComparison.Ordinal);
        var end = Record.IndexOf(" Pain", StringComparison.Ordinal);

        var (records, targets) = RecordSegments.Cut([Record], [new Evidence(0, start, end, Record[start..end])]);

        var segments = Assert.Single(records);
        Assert.Equal(Record, string.Concat(segments.Select(s => s.Text)));
        var marked = Assert.Single(segments, s => s.EvidenceId is not null);
        Assert.Equal("She completed 6 sessions.", marked.Text);
        Assert.Equal(marked.EvidenceId, targets[(0, start, end)]);
    }

    [Fact]
    public void Cut_OverlappingSpans_PointsTheLaterAtTheFirstWithoutNesting()
    {
        var (records, targets) = RecordSegments.Cut([Record], [new Evidence(0, 11, 36, "x"), new Evidence(0, 20, 44, "y")]);

        Assert.Single(records[0], s => s.EvidenceId is not null);
        Assert.Equal(targets[(0, 11, 36)], targets[(0, 20, 44)]);
        Assert.Equal(Record, string.Concat(records[0].Select(s => s.Text)));
    }

    [Fact]
    public void Cut_SpanOutsideTheText_IsIgnored()
    {
        var (records, targets) = RecordSegments.Cut([Record], [new Evidence(0, 40, Record.Length + 5, "beyond"), new Evidence(3, 0, 4, "no such record")]);

        Assert.Empty(targets);
        Assert.Equal(Record, Assert.Single(Assert.Single(records)).Text);
    }
}
