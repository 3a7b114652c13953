using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenImr.Domain.Letters;
using OpenImr.Domain.Serialization;
using OpenImr.Storage.Letters;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OpenImr.Cli.Commands;

/// <summary>
/// <c>imr import PATH... [--db CONNECTION]</c>: stores letters, idempotently (a letter stored with the
/// same case number and content is left alone; a changed one is updated). Files are read and parsed
/// on every core while the previous batch is written; each batch is one transaction, so an import
/// killed partway keeps whole batches and, run again, completes without duplicates. Files that fail
/// go into a report with the reason, and the import goes on.
/// </summary>
internal static class ImportCommand
{
    private const string Name = "import";

    /// <summary>Files read and parsed together before their letters are handed to the writer.</summary>
    private const int ReadChunk = 64;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Letters (PDF, text, Markdown or HTML) or folders of them.",
        }.RejectingUnknownOptions();
        var db = LetterDatabase.Option();
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Letters written per transaction (an interrupted import keeps every whole batch).",
            DefaultValueFactory = _ => 200,
        };
        batchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                result.AddError("--batch-size must be between 1 and 100000.");
            }
        });
        var report = new Option<string?>("--report")
        {
            Description = "Also write the files that failed or were skipped, with the reason, to this tab-separated file.",
            HelpName = "FILE",
        };
        var json = new Option<bool>("--json") { Description = "Print the outcome as JSON (counts and the failure report)." };
        var command = new Command(Name, "Store published letters in the database, idempotently, with progress.") { paths, db, batchSize, report, json };
        command.SetAction((result, cancellationToken) => RunAsync(
            new Settings(result.GetRequiredValue(paths), result.GetValue(db), result.GetValue(batchSize), result.GetValue(report), result.GetValue(json)),
            stdout, stderr, cancellationToken));
        return command;
    }

    internal sealed record Settings(IReadOnlyList<string> Paths, string? Db, int BatchSize = 200, string? Report = null, bool Json = false);

    /// <summary>A file that was not stored. <paramref name="Failed"/> is false for files skipped as not letters.</summary>
    internal sealed record FileFailure(string File, string Code, string Reason, bool Failed);

    /// <summary>A file holding a case number an earlier file of the same run holds.</summary>
    internal const string DuplicateCaseNumber = "IMP001";

    internal static async Task<int> RunAsync(Settings settings, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var files = InputFiles.Expand(settings.Paths, missing);
        var failures = new ConcurrentQueue<FileFailure>();
        foreach (var path in missing)
        {
            failures.Enqueue(new FileFailure(path, "IO002", "no such file or folder; check the path", Failed: true));
        }

        if (files.Count == 0)
        {
            foreach (var failure in failures)
            {
                await stderr.WriteLineAsync($"imr import: {failure.File}: {failure.Reason}.").ConfigureAwait(false);
            }

            if (missing.Count == 0)
            {
                await stderr.WriteLineAsync($"imr import: no letters found (looked for {string.Join(", ", InputFiles.LetterExtensions)} files).").ConfigureAwait(false);
            }

            return ImrCommandLine.Problem;
        }

        if (LetterDatabase.Parse(settings.Db, Name, stderr) is not { } target)
        {
            return ImrCommandLine.Usage;
        }

        var store = LetterDatabase.Open(target, settings.BatchSize);
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var reader = new LetterReader(files, failures, settings.BatchSize, stop.Token);
        var producer = Task.Run(reader.Run, CancellationToken.None);
        UpsertResult stored;
        try
        {
            stored = ShowsProgressBar(stdout)
                ? await WithProgressBarAsync(store, reader, files.Count, stop.Token).ConfigureAwait(false)
                : await WithProgressLinesAsync(store, reader, files.Count, stderr, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync(
                $"imr import: interrupted; every whole batch already written to {target.Description} stays. Run the same command again to finish: letters already stored are skipped.")
                .ConfigureAwait(false);
            return ImrCommandLine.Problem;
        }
        catch (Exception e) when (LetterDatabase.IsDatabaseFailure(e))
        {
            await stderr.WriteLineAsync(
                $"imr import: {target.Description}: the database failed ({e.GetBaseException().Message}). Whole batches already written stay; fix the database or --db and run again.")
                .ConfigureAwait(false);
            return ImrCommandLine.Problem;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }

        clock.Stop();
        var report = failures.ToList();
        await WriteReportAsync(report, settings.Report, stderr).ConfigureAwait(false);
        var failed = report.Count(f => f.Failed);
        var skipped = report.Count - failed;
        var seconds = clock.Elapsed.TotalSeconds;
        if (settings.Json)
        {
            var outcome = new
            {
                database = target.Description,
                files = files.Count,
                inserted = stored.Inserted,
                updated = stored.Updated,
                unchanged = stored.Unchanged,
                failed,
                skipped,
                seconds = Math.Round(seconds, 3),
                failures = report.Select(f => new { file = f.File, code = f.Code, reason = f.Reason, failed = f.Failed }),
            };
            await stdout.WriteLineAsync(JsonSerializer.Serialize(outcome, ImrJson.Options)).ConfigureAwait(false);
        }
        else
        {
            var rate = seconds > 0 ? stored.Total / seconds : 0;
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"imr import: {files.Count:N0} files into {target.Description}: {stored.Inserted:N0} new, {stored.Updated:N0} updated, " +
                $"{stored.Unchanged:N0} unchanged, {failed:N0} failed, {skipped:N0} skipped, in {seconds:0.0} s ({rate:N0} letters/s)."))
                .ConfigureAwait(false);
        }

        return failed > 0 ? ImrCommandLine.Problem : ImrCommandLine.Success;
    }

    private static bool ShowsProgressBar(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private static async Task<UpsertResult> WithProgressBarAsync(LetterStore store, LetterReader reader, int files, CancellationToken cancellationToken)
    {
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Importing letters", maxValue: files);
                var shown = 0;
                var progress = new InlineProgress(total =>
                {
                    var done = total.Total + reader.NotStored;
                    task.Increment(done - shown);
                    shown = done;
                });
                var result = await store.UpsertAsync(reader.Letters(), progress, cancellationToken).ConfigureAwait(false);
                task.Increment(files - shown);
                task.StopTask();
                return result;
            }).ConfigureAwait(false);
    }

    private static async Task<UpsertResult> WithProgressLinesAsync(
        LetterStore store, LetterReader reader, int files, TextWriter stderr, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var lastLine = TimeSpan.MinValue;
        var progress = new InlineProgress(total =>
        {
            // Note that the first committed batch is always reported (scripts and tests wait for it), then at most once a second.
            if (lastLine != TimeSpan.MinValue && clock.Elapsed - lastLine < TimeSpan.FromSeconds(1))
            {
                return;
            }

            lastLine = clock.Elapsed;
            var done = total.Total + reader.NotStored;
            var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            var left = rate > 0 ? TimeSpan.FromSeconds((files - done) / rate) : TimeSpan.Zero;
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"imr import: {done:N0} of {files:N0} files ({total.Inserted:N0} new, {total.Updated:N0} updated, {total.Unchanged:N0} unchanged, " +
                $"{reader.NotStored:N0} not stored), {rate:N0} letters/s, about {left:hh\\:mm\\:ss} left"));
        });
        return await store.UpsertAsync(reader.Letters(), progress, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteReportAsync(List<FileFailure> report, string? reportFile, TextWriter stderr)
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

    /// <summary>
    /// Reads and parses files on a background thread, a chunk at a time on every core, and hands the
    /// letters over in file order through a bounded queue, so memory stays flat however many files there are.
    /// </summary>
    private sealed class LetterReader(List<InputFiles.InputFile> files, ConcurrentQueue<FileFailure> failures, int batchSize, CancellationToken cancellationToken)
        : IDisposable
    {
        // Note that the writer (one thread) is the import's bottleneck: the readers leave it a core of its own, and the
        // queue holds two batches, so that the next batch is parsed while one is written. Measured on 2 cores, 10,000
        // text letters: 958 letters/s with readers on every core and a queue of 256, 1,005 to 1,023/s with this.
        private static readonly ParallelOptions Readers = new() { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) };

        private readonly BlockingCollection<Letter> _letters = new(boundedCapacity: Math.Max(4 * ReadChunk, 2 * batchSize));

        private readonly Dictionary<string, string> _firstFileOf = new(StringComparer.Ordinal);

        private int _notStored;

        /// <summary>Files read that gave no letter to store (failed or skipped).</summary>
        public int NotStored => Volatile.Read(ref _notStored);

        public void Run()
        {
            try
            {
                var results = new LetterParseResult[ReadChunk];
                for (var start = 0; start < files.Count && !cancellationToken.IsCancellationRequested; start += ReadChunk)
                {
                    var count = Math.Min(ReadChunk, files.Count - start);
                    Parallel.For(0, count, Readers, i => results[i] = Read(files[start + i]));
                    for (var i = 0; i < count; i++)
                    {
                        var file = files[start + i];
                        if (Accept(file, results[i]) is { } letter)
                        {
                            _letters.Add(letter, cancellationToken);
                        }
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The writer stopped (interrupted or failed); it reports why.
            }
            finally
            {
                _letters.CompleteAdding();
            }
        }

        public void Dispose() => _letters.Dispose();

        public IEnumerable<Letter> Letters() => _letters.GetConsumingEnumerable(cancellationToken);

        private Letter? Accept(InputFiles.InputFile file, LetterParseResult result)
        {
            if (result.Letter is { } letter)
            {
                if (string.IsNullOrWhiteSpace(letter.CaseNumber))
                {
                    Interlocked.Increment(ref _notStored);
                    failures.Enqueue(new FileFailure(file.Path, LetterIssueCodes.MissingCaseNumber,
                        "the letter states no case number, and letters are stored by case number", Failed: true));
                    return null;
                }

                // Two files of one case: the first in path order is stored, every run the same; the others are reported.
                if (_firstFileOf.TryGetValue(letter.CaseNumber, out var first))
                {
                    Interlocked.Increment(ref _notStored);
                    failures.Enqueue(new FileFailure(file.Path, DuplicateCaseNumber,
                        $"holds case {letter.CaseNumber}, as {first} does; the first file in path order is the one stored", Failed: false));
                    return null;
                }

                _firstFileOf[letter.CaseNumber] = file.Path;
                return letter;
            }

            var error = result.Issues.First(issue => issue.Severity == IssueSeverity.Error);
            Interlocked.Increment(ref _notStored);
            // A folder may hold notes beside the letters; they are skipped, not failed. Note that a damaged
            // PDF also carries NotALetter, but its text could not be read at all: that is a failure.
            var isNote = file.FromFolder && error.Code == LetterIssueCodes.NotALetter &&
                error.Message.StartsWith("not an IMR determination letter", StringComparison.Ordinal);
            failures.Enqueue(new FileFailure(file.Path, error.Code, error.Message, Failed: !isNote));
            return null;
        }

        private static LetterParseResult Read(InputFiles.InputFile file)
        {
            var result = LetterInputs.ReadOne(file);
            if (result.Letter is { } letter)
            {
                LetterDatabase.Classify(letter);
            }

            return result;
        }
    }

    /// <summary>Reports on the writer's thread, at once (unlike <see cref="Progress{T}"/>, which posts).</summary>
    private sealed class InlineProgress(Action<UpsertResult> report) : IProgress<UpsertResult>
    {
        public void Report(UpsertResult value) => report(value);
    }

    /// <summary>Letters per second, from the progress task's own speed estimate.</summary>
    private sealed class RateColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $"{speed:N0} letters/s") : "– letters/s");
    }
}
