namespace OpenImr.Tests.Shared;

/// <summary>A temporary folder removed after the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("imr-cli-").FullName;
    }

    public string Path { get; }

    public string File(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public string File(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A writable copy of the shipped criteria library (the test output's <c>guidelines/</c>), which a test may change.</summary>
    public static TempFolder LibraryCopy()
    {
        var folder = new TempFolder();
        var source = System.IO.Path.Combine(AppContext.BaseDirectory, "guidelines");
        foreach (var file in Directory.EnumerateFiles(source, "*.json", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(folder.Path, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target);
        }

        return folder;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
