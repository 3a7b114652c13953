using System.Text.Json;
using OpenImr.Documents;
using OpenImr.Domain.Cases;
using OpenImr.Domain.Serialization;

namespace OpenImr.Cli;

/// <summary>A case read from disk with the text of each document, or the one-line reason it could not be.</summary>
internal sealed record LoadedCase(string CaseFile, Case? Case, IReadOnlyList<string> DocumentTexts, string? Error)
{
    public bool Succeeded => Error is null && Case is not null;
}

/// <summary>
/// Reads a <see cref="Case"/> JSON file (or a folder holding <c>case.json</c>), validates it with
/// <see cref="CaseValidator"/>, and resolves each document's <c>path</c> relative to the case file.
/// Errors name the file and the field and say what to do.
/// </summary>
internal static class CaseFileLoader
{
    public const string CaseFileName = "case.json";

    public static async Task<LoadedCase> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var caseFile = path;
        if (Directory.Exists(path))
        {
            caseFile = Path.Combine(path, CaseFileName);
            if (!File.Exists(caseFile))
            {
                return Fail(path, $"{path}: no {CaseFileName} in this folder; pass a Case JSON file or a folder holding {CaseFileName}");
            }
        }
        else if (!File.Exists(path))
        {
            return Fail(path, $"{path}: file not found; pass a Case JSON file or a folder holding {CaseFileName}");
        }

        Case? @case;
        try
        {
            await using var stream = File.OpenRead(caseFile);
            @case = await JsonSerializer.DeserializeAsync<Case>(stream, ImrJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } jsonPath ? $" at {jsonPath.TrimStart('$', '.')}" : "";
            var line = e.LineNumber is { } n ? $" (line {n + 1})" : "";
            return Fail(caseFile, $"{caseFile}: invalid JSON{where}{line}: {FirstSentence(e.Message)}; fix the file so it is a Case as in CONTRACTS.md");
        }
        catch (IOException e)
        {
            return Fail(caseFile, $"{caseFile}: cannot read the file: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(caseFile, $"{caseFile}: cannot read the file: {e.Message}");
        }

        var issues = CaseValidator.Validate(@case);
        if (issues.Count > 0)
        {
            var issue = issues[0];
            var more = issues.Count > 1 ? $" (and {issues.Count - 1} more)" : "";
            return Fail(caseFile, $"{caseFile}: {issue.Path}: {issue.Message}{more}");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(caseFile)) ?? ".";
        var texts = new List<string>(@case!.Documents.Count);
        for (var i = 0; i < @case.Documents.Count; i++)
        {
            var document = @case.Documents[i];
            if (!string.IsNullOrWhiteSpace(document.Text))
            {
                texts.Add(document.Text);
                continue;
            }

            var documentPath = Path.Combine(folder, document.Path!);
            if (!File.Exists(documentPath))
            {
                return Fail(caseFile, $"{caseFile}: documents[{i}].path: '{document.Path}' not found (paths are relative to the case file); fix the path or give the text inline");
            }

            try
            {
                texts.Add(DocumentText.FromBytes(await File.ReadAllBytesAsync(documentPath, cancellationToken).ConfigureAwait(false)));
            }
            catch (DocumentReadException e)
            {
                return Fail(caseFile, $"{caseFile}: documents[{i}].path: '{document.Path}' cannot be read: {e.Message}");
            }
        }

        return new LoadedCase(caseFile, @case, texts, null);
    }

    private static LoadedCase Fail(string file, string error) => new(file, null, [], error);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
