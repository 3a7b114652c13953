using OpenImr.Documents.Letters;
using OpenImr.Domain.Letters;

namespace OpenImr.Cli;

/// <summary>
/// Reads the letters named by PATH arguments for a command, in parallel and in a stable order,
/// reporting each file that cannot be read on stderr (one line: file, code, why) and going on.
/// </summary>
internal static class LetterInputs
{
    /// <param name="warnings">Whether to print warnings (a field that could not be read) too.</param>
    /// <returns>The letters read, and whether any path or file failed.</returns>
    public static (List<Letter> Letters, bool Failed) Read(string command, IReadOnlyList<string> paths, TextWriter stderr, bool warnings)
    {
        var missing = new List<string>();
        var files = InputFiles.Expand(paths, missing);
        foreach (var path in missing)
        {
            stderr.WriteLine($"imr {command}: {InputFiles.Printable(path)}: no such file or folder; check the path.");
        }

        if (files.Count == 0 && missing.Count == 0)
        {
            stderr.WriteLine($"imr {command}: no letters found (looked for {string.Join(", ", InputFiles.LetterExtensions)} files).");
            return ([], true);
        }

        var results = new LetterParseResult[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            results[i] = ReadOne(files[i]);
        });

        var failed = missing.Count > 0;
        var letters = new List<Letter>(results.Length);
        for (var i = 0; i < results.Length; i++)
        {
            var (file, result) = (files[i], results[i]);
            if (result.Letter is { } letter)
            {
                letters.Add(letter);
                if (warnings)
                {
                    foreach (var issue in result.Issues)
                    {
                        stderr.WriteLine($"imr {command}: {InputFiles.Printable(file.Path)}: warning {issue.Code}: {issue.Message}");
                    }
                }

                continue;
            }

            var error = result.Issues.First(issue => issue.Severity == IssueSeverity.Error);
            if (file.FromFolder && error.Code == LetterIssueCodes.NotALetter)
            {
                // A folder may hold notes beside the letters; they are skipped, not failed.
                stderr.WriteLine($"imr {command}: {InputFiles.Printable(file.Path)}: skipped, {error.Message}");
                continue;
            }

            failed = true;
            stderr.WriteLine($"imr {command}: {InputFiles.Printable(file.Path)}: {error.Code}: {error.Message}");
        }

        return (letters, failed);
    }

    /// <summary>A letter file is at most this large; a published letter is well under a megabyte.</summary>
    public const long MaxLetterBytes = 32L * 1024 * 1024;

    /// <summary>
    /// One file, whatever goes wrong with it: an empty or special file (a FIFO, a device) is not opened, a file too
    /// large is not read, and a failure of any kind is that file's problem, never the others'.
    /// </summary>
    public static LetterParseResult ReadOne(InputFiles.InputFile file)
    {
        static LetterParseResult Problem(string code, string message) => new(null, [new LetterParseIssue(code, IssueSeverity.Error, message)]);
        try
        {
            var info = new FileInfo(file.Path);
            if (info.Length == 0)
            {
                // A FIFO or a device reports no length and may block forever once opened: such a file is never read.
                return Problem(LetterIssueCodes.Empty, "the file is empty, or not a regular file");
            }

            if (info.Length > MaxLetterBytes)
            {
                return Problem(LetterIssueCodes.TooLarge, $"{info.Length} bytes, above the {MaxLetterBytes / (1024 * 1024)} MB a letter file may have; is this a letter?");
            }

            return LetterFileReader.Read(File.ReadAllBytes(file.Path), file.DisplayName);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Problem("IO001", $"cannot be read ({exception.Message})");
        }
        catch (OutOfMemoryException)
        {
            return Problem(LetterIssueCodes.TooLarge, "reading it needs more memory than this process may use; the file is too large or damaged");
        }
        catch (InsufficientExecutionStackException)
        {
            return Problem(LetterIssueCodes.UnreadablePdf, "the file nests too deeply to be read; it is damaged or built to harm");
        }
    }
}
