using System.Diagnostics;
using System.Globalization;
using OpenImr.Storage.Letters;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace OpenImr.Cli.Commands;

/// <summary>
/// The progress of an import, told after each committed batch: a progress bar (rate, time left) on a terminal,
/// otherwise a line on stderr after the first batch and then at most once a second.
/// </summary>
internal static class ImportProgress
{
    /// <summary>Runs <paramref name="import"/>, showing its progress over <paramref name="files"/> files.</summary>
    /// <param name="notStored">How many files read so far gave no letter to store (failed or skipped); they count as done.</param>
    /// <param name="import">The import, given the progress to report each committed batch's running totals to.</param>
    public static Task<UpsertResult> ShowAsync(
        TextWriter stdout, TextWriter stderr, int files, Func<int> notStored, Func<IProgress<UpsertResult>, Task<UpsertResult>> import) =>
        ShowsProgressBar(stdout)
            ? WithProgressBarAsync(files, notStored, import)
            : WithProgressLinesAsync(files, notStored, import, stderr);

    private static bool ShowsProgressBar(TextWriter stdout) =>
        ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    private static async Task<UpsertResult> WithProgressBarAsync(int files, Func<int> notStored, Func<IProgress<UpsertResult>, Task<UpsertResult>> import)
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
                    var done = total.Total + notStored();
                    task.Increment(done - shown);
                    shown = done;
                });
                var result = await import(progress).ConfigureAwait(false);
                task.Increment(files - shown);
                task.StopTask();
                return result;
            }).ConfigureAwait(false);
    }

    private static async Task<UpsertResult> WithProgressLinesAsync(
        int files, Func<int> notStored, Func<IProgress<UpsertResult>, Task<UpsertResult>> import, TextWriter stderr)
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
            var done = total.Total + notStored();
            var rate = done / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            var left = rate > 0 ? TimeSpan.FromSeconds((files - done) / rate) : TimeSpan.Zero;
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"imr import: {done:N0} of {files:N0} files ({total.Inserted:N0} new, {total.Updated:N0} updated, {total.Unchanged:N0} unchanged, " +
                $"{notStored():N0} not stored), {rate:N0} letters/s, about {left:hh\\:mm\\:ss} left"));
        });
        return await import(progress).ConfigureAwait(false);
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
