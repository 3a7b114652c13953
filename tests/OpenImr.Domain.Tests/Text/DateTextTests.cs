using OpenImr.Domain.Text;

namespace OpenImr.Domain.Tests.Text;

public class DateTextTests
{
    [Theory]
    [InlineData("1/16/2012", 2012, 1, 16)]
    [InlineData("08/01/13", 2013, 8, 1)]
    [InlineData("11-01-2016", 2016, 11, 1)]
    [InlineData("10-13-16", 2016, 10, 13)]
    [InlineData("May 14, 2015", 2015, 5, 14)]
    [InlineData("Sept. 3 2014", 2014, 9, 3)]
    [InlineData("2015-05-14", 2015, 5, 14)]
    [InlineData("12/31/99", 1999, 12, 31)]
    public void Parse_SupportedFormat_ReadsDate(string text, int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), DateText.Parse(text));
    }

    [Theory]
    [InlineData("13/01/2016")]
    [InlineData("02/30/2016")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("10/10")]
    public void Parse_NotADate_ReturnsNull(string text)
    {
        Assert.Null(DateText.Parse(text));
    }

    [Fact]
    public void FindFirst_SkipsImpossibleDates_FindsTheRealOne()
    {
        var found = DateText.FindFirst("pain 10/10 rated, seen 02/30/2016 (typo) and again on 03/01/2016.");

        Assert.NotNull(found);
        Assert.Equal(new DateOnly(2016, 3, 1), found.Value.Date);
    }
}
