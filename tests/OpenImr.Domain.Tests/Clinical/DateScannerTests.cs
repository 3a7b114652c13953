using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

public class DateScannerTests
{
    [Theory]
    [InlineData("on 1/16/2012.", 2012, 1, 16)]
    [InlineData("on 08/01/13.", 2013, 8, 1)]
    [InlineData("on 11-01-2016.", 2016, 11, 1)]
    [InlineData("on 10-13-16.", 2016, 10, 13)]
    [InlineData("of May 14, 2015.", 2015, 5, 14)]
    [InlineData("of Sept. 3 2016.", 2016, 9, 3)]
    [InlineData("of December 13, 2016,", 2016, 12, 13)]
    public void Find_DateFormats_Found(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), Assert.Single(DateScanner.Find(text, 0, text.Length)).Date);

    [Theory]
    [InlineData("pain 7/10")]
    [InlineData("13/45/2016")]
    [InlineData("2/30/2016")]
    [InlineData("Norco 10/325")]
    [InlineData("May I help")]
    [InlineData("1/2/3/4/5")]
    public void Find_NotDates_Empty(string text) =>
        Assert.Empty(DateScanner.Find(text, 0, text.Length));
}
