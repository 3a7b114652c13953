using System.Reflection;
using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

public class FactKindsTests
{
    private static List<string> Constants(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void FactKinds_AllIds_UniqueLowerCaseDotted()
    {
        var ids = Constants(typeof(FactKinds));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*$", id));
    }

    // The criteria library is written against these ids: they may be added to, never renamed.
    [Theory]
    [InlineData("patient.age")]
    [InlineData("injury.time-since")]
    [InlineData("diagnosis.postoperative")]
    [InlineData("treatment.conservative-care")]
    [InlineData("response.pain-score")]
    [InlineData("work.employer-agreement")]
    [InlineData("redflag.progressive-neuro-deficit")]
    [InlineData("neuro.positive-provocative-test")]
    [InlineData("electrodiagnostic.prior")]
    [InlineData("medication.first-line-failed")]
    [InlineData("psychosocial.disability-dispute")]
    [InlineData("conservative-care.failed")]
    public void FactKinds_ContractIds_Present(string id) => Assert.Contains(id, Constants(typeof(FactKinds)));

    [Fact]
    public void All_EveryConstant_IsInTheSetAndNothingElse() =>
        Assert.Equal(Constants(typeof(FactKinds)).Order(StringComparer.Ordinal), FactKinds.All.Order(StringComparer.Ordinal));

    [Fact]
    public void WorkStatuses_Values_AsContracted() =>
        Assert.Equal(
            ["full-duty", "modified-duty", "off-work", "permanent-and-stationary", "retired", "temporarily-totally-disabled", "working"],
            Constants(typeof(WorkStatuses)).Order(StringComparer.Ordinal));
}
