using System.Threading.Channels;
using OpenImr.Domain.Letters;
using OpenImr.Storage.Letters;

namespace OpenImr.Cli.Commands;

/// <summary>
/// Readers → writer: files are read and parsed a chunk at a time on a background thread, in parallel, and their
/// letters handed over in file order through a bounded channel to the one writer, which stores them a batch per
/// transaction. Memory stays flat however many files there are. Files that give no letter go into the
/// <see cref="ImportReport"/>.
/// </summary>
internal sealed class ImportPipeline
{
    /// <summary>Files read and parsed together before their letters are handed to the writer.</summary>
    private const int ReadChunk = 64;

    // Note that the writer (one thread) is the import's bottleneck: the readers leave it a core of its own, and the
    // channel holds two batches, so that the next batch is parsed while one is written. Measured on 2 cores, 10,000
    // text letters: 958 letters/s with readers on every core and a queue of 256, 1,005 to 1,023/s with this.
    private static readonly ParallelOptions Readers = new() { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) };

    private readonly List<InputFiles.InputFile> _files;
    private readonly ImportReport _report;
    private readonly Channel<Letter> _letters;
    private readonly Dictionary<string, string> _firstFileOf = new(StringComparer.Ordinal);
    private int _notStored;

    public ImportPipeline(List<InputFiles.InputFile> files, ImportReport report, int batchSize)
    {
        _files = files;
        _report = report;
        _letters = Channel.CreateBounded<Letter>(new BoundedChannelOptions(Math.Max(4 * ReadChunk, 2 * batchSize))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
    }

    /// <summary>Files read that gave no letter to store (failed or skipped).</summary>
    public int NotStored => Volatile.Read(ref _notStored);

    /// <summary>
    /// Reads every file and stores its letter in <paramref name="store"/>; returns what was stored. When the writer
    /// stops (interrupted, or the database failed), the readers stop too, and the writer's exception is thrown.
    /// </summary>
    /// <param name="progress">Told the running totals after each committed batch, on the writer's thread.</param>
    public async Task<UpsertResult> RunAsync(LetterStore store, IProgress<UpsertResult> progress, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var readers = Task.Run(() => ReadAsync(stop.Token), CancellationToken.None);
        try
        {
            return await store.UpsertAsync(_letters.Reader.ReadAllAsync(stop.Token), progress, stop.Token).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await readers.ConfigureAwait(false);
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var results = new LetterParseResult[ReadChunk];
            for (var start = 0; start < _files.Count && !cancellationToken.IsCancellationRequested; start += ReadChunk)
            {
                var count = Math.Min(ReadChunk, _files.Count - start);
                Parallel.For(0, count, Readers, i => results[i] = Read(_files[start + i]));
                for (var i = 0; i < count; i++)
                {
                    if (Accept(_files[start + i], results[i]) is { } letter)
                    {
                        await _letters.Writer.WriteAsync(letter, cancellationToken).ConfigureAwait(false);
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
            _letters.Writer.Complete();
        }
    }

    private Letter? Accept(InputFiles.InputFile file, LetterParseResult result)
    {
        if (result.Letter is { } letter)
        {
            if (string.IsNullOrWhiteSpace(letter.CaseNumber))
            {
                Interlocked.Increment(ref _notStored);
                _report.Add(new FileFailure(file.Path, LetterIssueCodes.MissingCaseNumber,
                    "the letter states no case number, and letters are stored by case number", Failed: true));
                return null;
            }

            // Two files of one case: the first in path order is stored, every run the same; the others are reported.
            if (_firstFileOf.TryGetValue(letter.CaseNumber, out var first))
            {
                Interlocked.Increment(ref _notStored);
                _report.Add(new FileFailure(file.Path, ImportReport.DuplicateCaseNumber,
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
        _report.Add(new FileFailure(file.Path, error.Code, error.Message, Failed: !isNote));
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
