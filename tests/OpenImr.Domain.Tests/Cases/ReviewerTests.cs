using OpenImr.Domain.Cases;

namespace OpenImr.Domain.Tests.Cases;

public class ReviewerTests
{
    [Fact]
    public void New_OnlyIdAndName_HasNothingDeclared()
    {
        var reviewer = new Reviewer("rv-1", "Dr. A");

        Assert.Empty(reviewer.Licensure);
        Assert.Empty(reviewer.Specialties);
        Assert.Empty(reviewer.Affiliations);
        Assert.Null(reviewer.YearsInActivePractice);
        Assert.Null(reviewer.HoursPerWeek);
    }
}
