using System.Text;

namespace OpenImr.Cli;

/// <summary>
/// Expands the PATH arguments of a command into files, in a stable order. Each directory is walked once however
/// many links lead to it (a link to itself or to an ancestor is not followed again), so no folder loops forever.
/// </summary>
internal static class InputFiles
{
    /// <summary>File name endings taken from a folder; named files are read whatever their name.</summary>
    public static readonly string[] LetterExtensions = [".pdf", ".txt", ".text", ".md", ".markdown", ".htm", ".html"];

    /// <summary>Folders nested deeper than this are not walked.</summary>
    public const int MaxDepth = 64;

    /// <param name="FromFolder">True when the file was found in a folder rather than named.</param>
    public sealed record InputFile(string Path, string DisplayName, bool FromFolder);

    /// <summary>The files named or found; <paramref name="missing"/> collects arguments that name nothing.</summary>
    public static List<InputFile> Expand(IEnumerable<string> paths, List<string> missing)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var walked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (seen.Add(RealPath(new FileInfo(path))))
                {
                    files.Add(new InputFile(path, Path.GetFileName(path), FromFolder: false));
                }
            }
            else if (Directory.Exists(path))
            {
                var found = new List<(string Path, string Real)>();
                Walk(new DirectoryInfo(path), path, RealPath(new DirectoryInfo(path)), 0, walked, found);
                foreach (var (file, real) in found.OrderBy(f => f.Path, StringComparer.Ordinal))
                {
                    if (seen.Add(real))
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

    /// <summary>A path as one line: control characters (a newline in a file name) written as escapes.</summary>
    public static string Printable(string path)
    {
        if (!path.Any(char.IsControl) && !path.Any(char.IsSurrogate))
        {
            return path;
        }

        var text = new StringBuilder(path.Length + 8);
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                text.Append(c).Append(path[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                text.Append(c switch { '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:x4}" });
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <param name="shown">The folder as the user named it, joined with the names walked: the path errors print.</param>
    private static void Walk(DirectoryInfo directory, string shown, string real, int depth, HashSet<string> walked, List<(string Path, string Real)> found)
    {
        if (depth > MaxDepth || !walked.Add(real))
        {
            return;
        }

        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = [.. directory.EnumerateFileSystemInfos()];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var entry in entries)
        {
            var entryReal = entry.LinkTarget is null ? Path.Combine(real, entry.Name) : RealPath(entry);
            if (entry is DirectoryInfo child)
            {
                Walk(child, Path.Combine(shown, entry.Name), entryReal, depth + 1, walked, found);
            }
            else if (LetterExtensions.Contains(Path.GetExtension(entry.Name), StringComparer.OrdinalIgnoreCase))
            {
                found.Add((Path.Combine(shown, entry.Name), entryReal));
            }
        }
    }

    /// <summary>Where a file or folder really is: a link resolved to its final target.</summary>
    private static string RealPath(FileSystemInfo info)
    {
        try
        {
            return (info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName) ?? info.FullName;
        }
        catch (IOException)
        {
            return info.FullName;
        }
    }
}
