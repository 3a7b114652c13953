using OpenImr.Domain.Cases;

namespace OpenImr.Domain.Tests.Cases;

public class CaseValidatorTests
{
    private static readonly Case Valid = new()
    {
        Requests = [new CaseRequest { Description = "MRI of the lumbar spine" }],
        Documents = [new CaseDocument { Text = "Synthetic note." }],
    };

    [Fact]
    public void Validate_MinimalCase_NoIssues() => Assert.Empty(CaseValidator.Validate(Valid));

    [Fact]
    public void Validate_Null_OneIssueAtRoot() => Assert.Equal("$", Assert.Single(CaseValidator.Validate(null)).Path);

    [Fact]
    public void Validate_EverythingWrong_AllIssuesWithPaths()
    {
        var @case = new Case
        {
            Priority = "urgent",
            Patient = new CasePatient { Sex = "m" },
            Application = new CaseApplication { ServedBy = "fax" },
            Requests = [new CaseRequest { Description = "ok" }, new CaseRequest { Description = "" }],
            Documents = [new CaseDocument { Type = "note" }],
        };
        var paths = CaseValidator.Validate(@case).Select(i => i.Path).ToList();
        Assert.Equal(["requests[1].description", "documents[0].text", "priority", "patient.sex", "application.servedBy"], paths);
    }

    [Fact]
    public void Validate_NoRequestsNoDocuments_TwoIssues()
    {
        var paths = CaseValidator.Validate(new Case()).Select(i => i.Path).ToList();
        Assert.Equal(["requests", "documents"], paths);
    }

    [Fact]
    public void Validate_DocumentWithPathOnly_Valid() =>
        Assert.Empty(CaseValidator.Validate(Valid with { Documents = [new CaseDocument { Path = "records/pr2.txt" }] }));

    [Fact]
    public void Validate_OverlongNumbersAndNames_NameEachField()
    {
        var @case = Valid with
        {
            CaseNumber = new string('9', 5000),
            ClaimNumber = new string('9', 65),
            Worker = new CaseWorker { Name = new string('z', 257) },
            Parties = new CaseParties { Employer = new string('z', 300) },
            Requests = [new CaseRequest { Description = new string('x', 1001) }],
        };

        var paths = CaseValidator.Validate(@case).Select(i => i.Path).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["caseNumber", "claimNumber", "parties.employer", "requests[0].description", "worker.name"], paths);
    }

    [Fact]
    public void Validate_NumbersAtTheLimit_NoIssues() =>
        Assert.Empty(CaseValidator.Validate(Valid with { CaseNumber = new string('9', CaseValidator.MaxNumberLength), ClaimNumber = "WC-77-4412-98" }));

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1899, 12, 31)]
    [InlineData(2100, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void Validate_DateOutOfRange_IsAnIssueAtItsPath(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);
        var @case = Valid with
        {
            Dates = new CaseDates { Injury = date },
            Worker = new CaseWorker { DateOfBirth = date },
            Documents = [new CaseDocument { Text = "Synthetic note.", Date = date }],
        };

        var paths = CaseValidator.Validate(@case).Select(i => i.Path).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["dates.injury", "documents[0].date", "worker.dateOfBirth"], paths);
    }

    [Fact]
    public void Validate_DatesInRange_NoIssues() =>
        Assert.Empty(CaseValidator.Validate(Valid with { Dates = new CaseDates { Injury = new DateOnly(1900, 1, 1), UrDenial = new DateOnly(2099, 12, 31) } }));
}
