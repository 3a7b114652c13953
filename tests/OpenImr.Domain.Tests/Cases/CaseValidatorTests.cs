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
}
