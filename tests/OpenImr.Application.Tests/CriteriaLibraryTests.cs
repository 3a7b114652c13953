using OpenImr.Tests.Shared;

namespace OpenImr.Application.Tests;

public sealed class CriteriaLibraryTests
{
    [Fact]
    public void Embedded_ReadTwice_IsTheOneLoadOfTheProcess()
    {
        Assert.Same(CriteriaLibrary.Embedded, CriteriaLibrary.Embedded);
        Assert.Same(CriteriaLibrary.Embedded, CriteriaLibrary.Load(null));
        Assert.Same(CriteriaLibrary.Embedded.Library, CriteriaLibrary.Read(null).Library);
        Assert.Empty(CriteriaLibrary.Embedded.Library.Problems);
        Assert.Equal("the built-in criteria library", CriteriaLibrary.Embedded.Source);
    }

    [Fact]
    public void Load_FolderWithProblems_RefusedNamingTheProblems()
    {
        using var folder = TempFolder.LibraryCopy();
        File.WriteAllText(Path.Combine(folder.Path, "hierarchy.json"), "{ \"synthetic\": ");

        var refused = Assert.Throws<CriteriaLibraryException>(() => CriteriaLibrary.Load(folder.Path));

        Assert.NotEmpty(refused.Problems);
        Assert.StartsWith($"{folder.Path}: the criteria library has {refused.Problems.Count} problem(s): ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("hierarchy.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains("imr guidelines validate", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_RefusedNamingTheFolder()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"imr-no-such-library-{Guid.NewGuid():N}");

        var refused = Assert.Throws<CriteriaLibraryException>(() => CriteriaLibrary.Load(missing));

        Assert.Empty(refused.Problems);
        Assert.StartsWith(missing, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedLibraryCopy_ServesItsVersionAndAnEngine()
    {
        using var folder = TempFolder.LibraryCopy();

        var criteria = CriteriaLibrary.Load(folder.Path);

        Assert.Equal(CriteriaLibrary.Embedded.Version, criteria.Version);
        Assert.Equal(folder.Path, criteria.Source);
        Assert.Equal(criteria.Version, criteria.Engine.LibraryVersion);
    }
}
