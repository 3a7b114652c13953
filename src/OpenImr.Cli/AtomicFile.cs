namespace OpenImr.Cli;

/// <summary>Writes a file whole or not at all: to a temporary file beside it, then moved into place.</summary>
internal static class AtomicFile
{
    public static void Write(string path, byte[] content)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"the folder {folder} does not exist");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
