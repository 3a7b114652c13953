using OpenImr.Domain.Cases;
using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

public class CaseFactsTests
{
    [Fact]
    public void Extract_InjuryDateInText_TimeSinceInMonths()
    {
        var @case = new Case { Requests = [new CaseRequest { Description = "10 work conditioning sessions" }] };
        var facts = CaseFacts.Extract(@case, ["The applicant sustained an industrial injury on 05/14/2015."], new DateOnly(2016, 5, 20));
        var since = Assert.Single(facts, f => f.Kind == FactKinds.InjuryTimeSince);
        Assert.Equal(12, since.Number);
        Assert.NotNull(since.Evidence);
    }

    [Fact]
    public void Extract_StructuredFields_FactsWithoutEvidence()
    {
        var @case = new Case
        {
            Patient = new CasePatient { Age = 52, Sex = "male" },
            Dates = new CaseDates { Injury = new DateOnly(2015, 5, 14) },
        };
        var facts = CaseFacts.Extract(@case, [], new DateOnly(2015, 11, 13));
        Assert.Contains(facts, f => f.Kind == FactKinds.PatientAge && f.Number == 52 && f.Evidence is null);
        Assert.Contains(facts, f => f.Kind == FactKinds.PatientSex && f.Value == "male");
        Assert.Equal(5, Assert.Single(facts, f => f.Kind == FactKinds.InjuryTimeSince).Number);
    }

    [Fact]
    public void Extract_SeveralDocuments_EvidenceNamesEachDocument()
    {
        var facts = CaseFacts.Extract(new Case(), ["She has neck pain.", "An MRI of the lumbar spine showed stenosis."], new DateOnly(2017, 1, 1));
        Assert.Contains(facts, f => f.Kind == FactKinds.DiagnosisStenosis && f.Evidence!.Document == 1);
    }

    [Theory]
    [InlineData(2015, 5, 14, 2016, 5, 13, 11)]
    [InlineData(2015, 5, 14, 2016, 5, 14, 12)]
    [InlineData(2016, 5, 14, 2015, 5, 14, 0)]
    public void WholeMonths_Dates_Counted(int y1, int m1, int d1, int y2, int m2, int d2, int months) =>
        Assert.Equal(months, CaseFacts.WholeMonths(new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2)));
}
