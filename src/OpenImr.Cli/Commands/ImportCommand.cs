using System.CommandLine;
using System.Diagnostics;
using OpenImr.Storage.Letters;

namespace OpenImr.Cli.Commands;

/// <summary>
/// <c>imr import PATH... [--db CONNECTION]</c>: stores letters, idempotently (a letter stored with the
/// same case number and content is left alone; a changed one is updated). Files are read and parsed
/// while the previous batch is written (<see cref="ImportPipeline"/>); each batch is one transaction, so an import
/// killed partway keeps whole batches and, run again, completes without duplicates. Files that fail
/// go into a report with the reason (<see cref="ImportReport"/>), and the import goes on; progress is shown
/// as it goes (<see cref="ImportProgress"/>).
/// </summary>
internal static class ImportCommand
{
    private const string Name = "import";

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

    internal static async Task<int> RunAsync(Settings settings, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var files = InputFiles.Expand(settings.Paths, missing);
        var report = new ImportReport();
        foreach (var path in missing)
        {
            report.AddMissing(path);
        }

        if (files.Count == 0)
        {
            await report.WriteNoLettersAsync(stderr).ConfigureAwait(false);
            return ImrCommandLine.Problem;
        }

        if (LetterDatabase.Parse(settings.Db, Name, stderr) is not { } target)
        {
            return ImrCommandLine.Usage;
        }

        var store = LetterDatabase.Open(target, settings.BatchSize);
        var clock = Stopwatch.StartNew();
        var pipeline = new ImportPipeline(files, report, settings.BatchSize);
        UpsertResult stored;
        try
        {
            stored = await ImportProgress.ShowAsync(stdout, stderr, files.Count, () => pipeline.NotStored,
                progress => pipeline.RunAsync(store, progress, cancellationToken)).ConfigureAwait(false);
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

        clock.Stop();
        return await report.WriteAsync(new ImportOutcome(target.Description, files.Count, stored, clock.Elapsed.TotalSeconds), settings.Report, settings.Json, stdout, stderr)
            .ConfigureAwait(false);
    }
}
