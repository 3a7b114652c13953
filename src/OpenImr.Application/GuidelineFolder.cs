using OpenImr.Domain.Guidelines;

namespace OpenImr.Application;

/// <summary>
/// Reads a criteria library kept outside the binary: every <c>*.json</c> under a folder (its <c>library.json</c>
/// manifest included), bounded so that no folder costs minutes or gigabytes. Symbolic links are not followed
/// and only regular files are read.
/// </summary>
public static class GuidelineFolder
{
    /// <summary>At most this many JSON files.</summary>
    public const int MaxFiles = 2_000;

    /// <summary>At most this many bytes in one file.</summary>
    public const long MaxFileBytes = 8L * 1024 * 1024;

    /// <summary>At most this many bytes in all files together.</summary>
    public const long MaxTotalBytes = 64L * 1024 * 1024;

    /// <summary>The library in <paramref name="folder"/>, or a one-line error naming the folder or file and what to do.</summary>
    public static (GuidelineLibrary? Library, string? Error) Load(string folder)
    {
        if (File.Exists(folder))
        {
            return (null, $"{folder}: is a file; give the folder that holds {GuidelineLibrary.ManifestName}");
        }

        if (!Directory.Exists(folder))
        {
            return (null, $"{folder}: no such folder; give the folder that holds {GuidelineLibrary.ManifestName}");
        }

        if (!File.Exists(Path.Combine(folder, GuidelineLibrary.ManifestName)))
        {
            return (null, $"{folder}: holds no {GuidelineLibrary.ManifestName}; a criteria library folder starts with its manifest (see guidelines/README.md)");
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Device,
            IgnoreInaccessible = true,
            MatchCasing = MatchCasing.CaseSensitive,
        };
        var files = new List<(string Name, string Json)>();
        long total = 0;
        try
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.json", options).Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(path);
                if (info.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    continue;
                }

                if (files.Count == MaxFiles)
                {
                    return (null, $"{folder}: holds more than {MaxFiles} JSON files; a criteria library has far fewer, so check the folder");
                }

                if (info.Length > MaxFileBytes)
                {
                    return (null, $"{path}: {info.Length} bytes, above the {MaxFileBytes / (1024 * 1024)} MB a guideline file may have");
                }

                total += info.Length;
                if (total > MaxTotalBytes)
                {
                    return (null, $"{folder}: its JSON files pass {MaxTotalBytes / (1024 * 1024)} MB together; a criteria library is far smaller, so check the folder");
                }

                var name = Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/');
                files.Add((name, File.ReadAllText(path)));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"{folder}: cannot be read ({e.Message})");
        }

        return (GuidelineLibrary.Load(files), null);
    }
}
