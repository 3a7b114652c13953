using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

public class NormalizedTextTests
{
    [Fact]
    public void Create_HardWrappedLines_JoinedWithOneSpace()
    {
        var text = NormalizedText.Create("The applicant\nreported   pain.\n");
        Assert.Equal("The applicant reported pain.", text.Text);
    }

    [Fact]
    public void Create_BlankLine_ParagraphBreak()
    {
        var text = NormalizedText.Create("First line\n\nSecond line");
        Assert.Equal("First line\nSecond line", text.Text);
    }

    [Theory]
    [InlineData("Page 2 of 5")]
    [InlineData("3")]
    [InlineData("  - 4 -  ")]
    [InlineData("Page 7")]
    public void Create_PageNumberLine_Dropped(string noise)
    {
        var text = NormalizedText.Create("before\n" + noise + "\nafter");
        Assert.DoesNotContain(noise.Trim(), text.Text.Replace("before", "", StringComparison.Ordinal).Replace("after", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("before", text.Text, StringComparison.Ordinal);
        Assert.EndsWith("after", text.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_HeadingLine_StandsAlone()
    {
        var text = NormalizedText.Create("CLINICAL CASE SUMMARY\nThe applicant has pain.\nDiagnoses: sprain\nmore text");
        Assert.Equal("CLINICAL CASE SUMMARY\nThe applicant has pain.\nDiagnoses: sprain more text", text.Text);
    }

    [Fact]
    public void ToOriginalSpan_Word_MapsBackToOriginal()
    {
        const string Original = "  The\n applicant   had\nimprovement.";
        var text = NormalizedText.Create(Original);
        var at = text.Text.IndexOf("had improvement", StringComparison.Ordinal);
        var (start, end) = text.ToOriginalSpan(at, at + "had improvement".Length);
        Assert.Equal("had\nimprovement", Original[start..end]);
    }

    [Fact]
    public void Create_Null_Empty()
    {
        var text = NormalizedText.Create(null);
        Assert.Equal("", text.Text);
        Assert.Equal((0, 0), text.ToOriginalSpan(0, 0));
    }
}
