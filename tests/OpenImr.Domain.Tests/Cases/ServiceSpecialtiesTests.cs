using OpenImr.Domain.Cases;

namespace OpenImr.Domain.Tests.Cases;

public class ServiceSpecialtiesTests
{
    [Theory]
    [InlineData("Physical Medicine & Rehabilitation", "Physical Medicine and Rehabilitation")]
    [InlineData("PM&R", "Physical Medicine and Rehabilitation")]
    [InlineData("orthopaedic surgery", "Orthopedic Surgery")]
    [InlineData("Pain Medicine", "Pain Management")]
    [InlineData("Family Medicine", "Family Practice")]
    [InlineData("Chiropractor", "Chiropractic")]
    [InlineData("Preventive Medicine", "preventive medicine")]
    public void Canonical_Specialty_MapsSynonyms(string specialty, string expected) =>
        Assert.Equal(expected, ServiceSpecialties.Canonical(specialty));

    [Theory]
    [InlineData("imaging/mri", "imaging")]
    [InlineData("Physical-Medicine", "physical-medicine")]
    [InlineData(" surgery ", "surgery")]
    public void Family_ServiceId_IsTheFamilyPart(string service, string expected) =>
        Assert.Equal(expected, ServiceSpecialties.Family(service));

    [Fact]
    public void Fit_BestListedSpecialty_ScoresHighest()
    {
        Assert.Equal(10, ServiceSpecialties.Fit("physical-medicine/therapy", ["PM&R"]));
        Assert.Equal(9, ServiceSpecialties.Fit("physical-medicine", ["Occupational Medicine", "Pain Management"]));
        Assert.Equal(6, ServiceSpecialties.Fit("physical-medicine", ["Pain Management"]));
        Assert.Equal(10, ServiceSpecialties.Fit("surgery", ["Orthopedic Surgery"]));
        Assert.Equal(0, ServiceSpecialties.Fit("electrodiagnostic", ["Orthopedic Surgery"]));
        Assert.Equal(0, ServiceSpecialties.Fit("other/unknown", ["Orthopedic Surgery"]));
    }

    [Fact]
    public void Table_EveryContractFamilyButOther_HasCanonicalSpecialties()
    {
        string[] families = ["physical-medicine", "imaging", "electrodiagnostic", "medication", "injection", "surgery", "equipment", "testing", "evaluation", "home-care"];

        Assert.Equal(families.Order(StringComparer.Ordinal), ServiceSpecialties.Table.Keys.Order(StringComparer.Ordinal));
        Assert.All(ServiceSpecialties.Table.Values.SelectMany(s => s), s => Assert.Equal(s, ServiceSpecialties.Canonical(s)));
        Assert.All(ServiceSpecialties.Table.Values, s => Assert.InRange(s.Count, 1, ServiceSpecialties.BestFit));
    }
}
