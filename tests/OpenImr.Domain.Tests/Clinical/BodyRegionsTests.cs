using OpenImr.Domain.Clinical;

namespace OpenImr.Domain.Tests.Clinical;

public class BodyRegionsTests
{
    [Theory]
    [InlineData("MRI of the neck", BodyRegions.CervicalSpine)]
    [InlineData("low back pain", BodyRegions.LumbarSpine)]
    [InlineData("lumbosacral spine", BodyRegions.LumbarSpine)]
    [InlineData("rotator cuff", BodyRegions.Shoulder)]
    [InlineData("bilateral upper extremities", BodyRegions.UpperExtremity)]
    [InlineData("fingers of the right hand", BodyRegions.Finger)]
    public void Find_Wording_FirstRegion(string text, string region) =>
        Assert.Equal(region, BodyRegions.Find(text)[0].Region);

    [Theory]
    [InlineData("left shoulder", Laterality.Left)]
    [InlineData("right upper extremity", Laterality.Right)]
    [InlineData("bilateral knees", Laterality.Bilateral)]
    [InlineData("knees bilaterally", Laterality.Bilateral)]
    public void Find_Side_Laterality(string text, Laterality laterality) =>
        Assert.Equal(laterality, BodyRegions.Find(text)[0].Laterality);

    [Fact]
    public void Find_RepeatedRegion_Once() =>
        Assert.Equal([BodyRegions.LumbarSpine, BodyRegions.Hip], BodyRegions.Find("lumbar spine, left hip and lumbar").Select(r => r.Region));

    [Fact]
    public void Find_NoRegion_Empty() => Assert.Empty(BodyRegions.Find("Norco 10/325mg #60"));
}
