using OpenImr.Domain.Letters;

namespace OpenImr.Domain.Tests.Letters;

public class UsStatesTests
{
    [Theory]
    [InlineData("Texas, New York, California", new[] { "TX", "NY", "CA" })]
    [InlineData("California,Washington", new[] { "CA", "WA" })]
    [InlineData("California and Nevada", new[] { "CA", "NV" })]
    [InlineData("West Virginia", new[] { "WV" })]
    [InlineData("CA, TX", new[] { "CA", "TX" })]
    public void CodesIn_StateList_ReturnsCodesInOrder(string list, string[] codes)
    {
        Assert.Equal(codes, UsStates.CodesIn(list));
    }

    [Fact]
    public void Name_Code_ReturnsFullName()
    {
        Assert.Equal("New York", UsStates.Name("NY"));
    }
}
