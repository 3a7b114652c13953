using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Letters;

namespace OpenImr.Cli.Commands;

/// <summary>A file that was not stored. <paramref name="Failed"/> is false for files skipped as not letters.</summary>
internal sealed record FileFailure(string File, string Code, string Reason, bool Failed);

/// <summary>What an import stored, where, from how many files, and in how long.</summary>
internal sealed record ImportOutcome(string Database, int Files, UpsertResult Stored, double Seconds);

/// <summary>
/// The report of an import: the files not stored, each with its code (<c>IO002</c>, <c>IMP001</c>, a reader's
/// <c>LTR</c> code) and reason, gathered as they are found; at the end, the list on stderr (and as TSV with
/// <c>--report</c>) and the summary on stdout, as a line or as JSON.
/// </summary>
internal sealed class ImportReport
{
    /// <summary>A file holding a case number an earlier file of the same run holds.</summary>
    internal const string DuplicateCaseNumber = "IMP001";

    private readonly ConcurrentQueue<FileFailure> _failures = new();

    public void Add(FileFailure failure) => _failures.Enqueue(failure);

    /// <summary>A path given that names no file or folder.</summary>
    public void AddMissing(string path) => Add(new FileFailure(path, "IO002", "no such file or folder; check the path", Failed: true));

    /// <summary>When no path led to a letter file: each missing path, or, if none was missing, that no letters were found.</summary>
    public async Task WriteNoLettersAsync(TextWriter stderr)
    {
        foreach (var failure in _failures)
        {
            await stderr.WriteLineAsync($"imr import: {failure.File}: {failure.Reason}.").ConfigureAwait(false);
        }

        if (_failures.IsEmpty)
        {
            await stderr.WriteLineAsync($"imr import: no letters found (looked for {string.Join(", ", InputFiles.LetterExtensions)} files).").ConfigureAwait(false);
        }
    }

    /// <summary>Writes the files not stored on stderr (and <paramref name="reportFile"/>), then the summary on stdout; returns the exit code.</summary>
    public async Task<int> WriteAsync(ImportOutcome outcome, string? reportFile, bool json, TextWriter stdout, TextWriter stderr)
    {
        var report = _failures.ToList();
        await WriteFailuresAsync(report, reportFile, stderr).ConfigureAwait(false);
        var failed = report.Count(f => f.Failed);
        var skipped = report.Count - failed;
        var (stored, seconds) = (outcome.Stored, outcome.Seconds);
        if (json)
        {
            var summary = new
            {
                database = outcome.Database,
                files = outcome.Files,
                inserted = stored.Inserted,
                updated = stored.Updated,
                unchanged = stored.Unchanged,
                failed,
                skipped,
                seconds = Math.Round(seconds, 3),
                failures = report.Select(f => new { file = f.File, code = f.Code, reason = f.Reason, failed = f.Failed }),
            };
            await stdout.WriteLineAsync(JsonSerializer.Serialize(summary, ImrJson.Options)).ConfigureAwait(false);
        }
        else
        {
            var rate = seconds > 0 ? stored.Total / seconds : 0;
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"imr import: {outcome.Files:N0} files into {outcome.Database}: {stored.Inserted:N0} new, {stored.Updated:N0} updated, " +
                $"{stored.Unchanged:N0} unchanged, {failed:N0} failed, {skipped:N0} skipped, in {seconds:0.0} s ({rate:N0} letters/s)."))
                .ConfigureAwait(false);
        }

        return failed > 0 ? ImrCommandLine.Problem : ImrCommandLine.Success;
    }

    private static async Task WriteFailuresAsync(List<FileFailure> report, string? reportFile, TextWriter stderr)
    {
        var failed = report.Where(f => f.Failed).ToList();
        if (failed.Count > 0)
        {
            await stderr.WriteLineAsync($"imr import: {failed.Count} file(s) not stored; fix or remove them and run again (stored letters are skipped):").ConfigureAwait(false);
        }

        foreach (var failure in report)
        {
            await stderr.WriteLineAsync(failure.Failed
                ? $"  {InputFiles.Printable(failure.File)}: {failure.Code}: {failure.Reason}"
                : $"  {InputFiles.Printable(failure.File)}: skipped, {failure.Reason}").ConfigureAwait(false);
        }

        if (reportFile is null)
        {
            return;
        }

        var text = new StringBuilder("file\tstatus\tcode\treason\n");
        foreach (var failure in report)
        {
            text.Append(failure.File).Append('\t').Append(failure.Failed ? "failed" : "skipped").Append('\t')
                .Append(failure.Code).Append('\t').Append(failure.Reason.ReplaceLineEndings(" ")).Append('\n');
        }

        try
        {
            await File.WriteAllTextAsync(reportFile, text.ToString()).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"imr import: --report {reportFile}: cannot be written ({e.Message}); the report above is complete.").ConfigureAwait(false);
        }
    }
}
