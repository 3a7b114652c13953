namespace OpenImr.Cli;

/// <summary>Expands the PATH arguments of a command into files, in a stable order.</summary>
internal static class InputFiles
{
    /// <summary>File name endings taken from a folder; named files are read whatever their name.</summary>
    public static readonly string[] LetterExtensions = [".pdf", ".txt", ".text", ".md", ".markdown", ".htm", ".html"];

    /// <param name="FromFolder">True when the file was found in a folder rather than named.</param>
    public sealed record InputFile(string Path, string DisplayName, bool FromFolder);

    /// <summary>The files named or found; <paramref name="missing"/> collects arguments that name nothing.</summary>
    public static List<InputFile> Expand(IEnumerable<string> paths, List<string> missing)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path)))
                {
                    files.Add(new InputFile(path, Path.GetFileName(path), FromFolder: false));
                }
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => LetterExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal);
                foreach (var file in found)
                {
                    if (seen.Add(Path.GetFullPath(file)))
                    {
                        files.Add(new InputFile(file, Path.GetRelativePath(path, file), FromFolder: true));
                    }
                }
            }
            else
            {
                missing.Add(path);
            }
        }

        return files;
    }
}
