using OpenImr.Tests.Shared;

namespace OpenImr.Application.Tests;

public class GuidelineFolderTests
{
    [Fact]
    public void Load_FolderWithALinkToItself_ReadsEachFileOnce()
    {
        using var folder = new TempFolder();
        folder.File("library.json", """{ "name": "synthetic", "version": "9.9.9", "files": [] }""");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "loop"), folder.Path);

        var (library, error) = GuidelineFolder.Load(folder.Path);

        Assert.Null(error);
        Assert.NotNull(library);
        Assert.Equal("9.9.9", library.Version);
        // The manifest names no hierarchy or templates, so the library has problems, but none about a file read twice.
        Assert.DoesNotContain(library.Problems, p => p.File.StartsWith("loop/", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_FileAboveTheLimit_RefusedNamingTheFileAndTheLimit()
    {
        using var folder = new TempFolder();
        folder.File("library.json", "{}");
        using (var big = File.Create(Path.Combine(folder.Path, "huge.json")))
        {
            big.SetLength(GuidelineFolder.MaxFileBytes + 1);
        }

        var (library, error) = GuidelineFolder.Load(folder.Path);

        Assert.Null(library);
        Assert.Contains("huge.json", error, StringComparison.Ordinal);
        Assert.Contains("8 MB", error, StringComparison.Ordinal);
    }
}
