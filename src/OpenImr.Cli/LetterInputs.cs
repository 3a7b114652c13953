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
            stderr.WriteLine($"imr {command}: {path}: no such file or folder; check the path.");
        }

        if (files.Count == 0 && missing.Count == 0)
        {
            stderr.WriteLine($"imr {command}: no letters found (looked for {string.Join(", ", InputFiles.LetterExtensions)} files).");
            return ([], true);
        }

        var results = new LetterParseResult[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            try
            {
                results[i] = LetterFileReader.Read(File.ReadAllBytes(files[i].Path), files[i].DisplayName);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                results[i] = new LetterParseResult(null, [new LetterParseIssue("IO001", IssueSeverity.Error, $"cannot be read ({exception.Message})")]);
            }
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
                        stderr.WriteLine($"imr {command}: {file.Path}: warning {issue.Code}: {issue.Message}");
                    }
                }

                continue;
            }

            var error = result.Issues.First(issue => issue.Severity == IssueSeverity.Error);
            if (file.FromFolder && error.Code == LetterIssueCodes.NotALetter)
            {
                // A folder may hold notes beside the letters; they are skipped, not failed.
                stderr.WriteLine($"imr {command}: {file.Path}: skipped, {error.Message}");
                continue;
            }

            failed = true;
            stderr.WriteLine($"imr {command}: {file.Path}: {error.Code}: {error.Message}");
        }

        return (letters, failed);
    }
}
