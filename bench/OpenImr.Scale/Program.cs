using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenImr.Documents.Letters;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Letters;
using OpenImr.Scale;
using OpenImr.Storage;
using OpenImr.Storage.Letters;

// The corpus scale harness. Every figure it prints goes into bench/RESULTS.md ("Corpus at scale").
//   generate --count N --out DIR [--seed S] [--format text|pdf]   write N synthetic letters as files
//   import   --count N --db DB [--seed S] [--batch-size B]        generate, render, parse and store N letters, streamed
//   search   --db DB [--runs R] [--common-runs C] [--only KIND]   latency percentiles of ranked, filtered search vs the floor (the bare ranked full-text query)
//   pdf      --count N [--seed S] [--from DIR]                    PDF letters (generated, or DIR's): our reader against poppler's pdftotext on the same files
var options = Options.Parse(args);
return options.Command switch
{
    "generate" => Generate(options),
    "import" => await ImportAsync(options),
    "search" => await SearchAsync(options),
    "pdf" => Pdf(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: OpenImr.Scale generate|import|search|pdf [--count N] [--out DIR] [--db DB] [--seed S] [--batch-size B] [--runs R] [--common-runs C] [--only KIND] [--format text|pdf]");
    return 2;
}

static int Generate(Options options)
{
    var generator = new SyntheticLetterGenerator(options.Seed);
    Directory.CreateDirectory(options.Out);
    var clock = Stopwatch.StartNew();
    var pdf = options.Format == "pdf";
    Parallel.For(0, options.Count, i =>
    {
        var letter = generator.Letter(i);
        var path = Path.Combine(options.Out, $"{letter.CaseNumber}.{(pdf ? "pdf" : "txt")}");
        if (pdf)
        {
            File.WriteAllBytes(path, LetterDocuments.Pdf(letter));
        }
        else
        {
            File.WriteAllText(path, LetterRenderer.Render(letter, LetterFormat.Text));
        }
    });
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {options.Count:N0} {(pdf ? "PDF" : "text")} letters (seed {options.Seed}) in {options.Out} in {clock.Elapsed.TotalSeconds:0.0} s"));
    return 0;
}

static async Task<int> ImportAsync(Options options)
{
    var target = DatabaseTarget.Parse(options.Db);
    var services = new System.Runtime.CompilerServices.ConditionalWeakTable<LetterItem, string>();
    var store = new LetterStore(target, new LetterStoreOptions
    {
        ClassifyService = item => services.TryGetValue(item, out var service) ? service : RequestParser.Parse(item.Request).Service.ToString(),
        BatchSize = options.BatchSize,
    });
    var generator = new SyntheticLetterGenerator(options.Seed);
    long peakManaged = 0;
    var clock = Stopwatch.StartNew();
    var lastLine = TimeSpan.Zero;
    var progress = new InlineProgress(total =>
    {
        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(forceFullCollection: false));
        if (clock.Elapsed - lastLine > TimeSpan.FromSeconds(30))
        {
            lastLine = clock.Elapsed;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {total.Total:N0} letters, {total.Total / clock.Elapsed.TotalSeconds:N0}/s, managed heap {peakManaged / 1048576.0:N0} MiB"));
        }
    });

    // As imr import does: text rendered (the file's content), parsed and its services classified on every core,
    // in order, while the previous batch is written.
    var letters = Chunks(options.Count, 512)
        .Select(chunk => chunk.AsParallel().AsOrdered().Select(i =>
        {
            var letter = LetterParser.Parse(LetterRenderer.Render(generator.Letter(i), LetterFormat.Text)).Letter!;
            foreach (var item in letter.Items)
            {
                services.AddOrUpdate(item, RequestParser.Parse(item.Request).Service.ToString());
            }

            return letter;
        }).ToArray())
        .SelectMany(batch => batch);
    var result = await store.UpsertAsync(Prefetch(letters, 2048), progress);
    clock.Stop();
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    var size = target.Provider == DatabaseProvider.Sqlite ? new FileInfo(target.Description).Length : await PostgresSizeAsync(target);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"import {options.Count:N0} letters into {target.Provider} ({target.Description}): {result.Inserted:N0} new, {result.Updated:N0} updated, {result.Unchanged:N0} unchanged " +
        $"in {clock.Elapsed.TotalSeconds:0.0} s = {result.Total / clock.Elapsed.TotalSeconds:N0} letters/s; peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MiB, " +
        $"peak managed heap {peakManaged / 1048576.0:N0} MiB; database {size / 1048576.0:N0} MiB"));
    return 0;
}

static async Task<long> PostgresSizeAsync(DatabaseTarget target)
{
    await using var connection = new NpgsqlConnection(target.ConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT pg_database_size(current_database())", connection);
    return (long)(await command.ExecuteScalarAsync())!;
}

static async Task<int> SearchAsync(Options options)
{
    var target = DatabaseTarget.Parse(options.Db);
    var store = new LetterStore(target);
    // Note that the exact number of matches is counted once per query, untimed, by asking for a page past the
    // last hit (which counts without ranking, as far as need be); the timed search counts up to its limit.
    var exact = new LetterStore(target, new LetterStoreOptions { CountLimit = int.MaxValue - 1 });
    var kinds = new (string Kind, string[] Queries)[]
    {
        ("one term", ["fibromyalgia", "spondylolisthesis", "syringomyelia", "osteomyelitis", "sarcoidosis", "scoliosis"]),
        ("two terms", ["piriformis syndrome", "tarsal tunnel", "plantar fasciitis", "trigger finger", "psoriatic arthritis"]),
        ("phrase", ["\"complex regional pain syndrome\"", "\"carpal tunnel syndrome\"", "\"ankylosing spondylitis\"", "\"thoracic outlet syndrome\""]),
        ("common term", ["radiculopathy", "functional improvement"]),
    };
    var stored = (await store.StatsAsync()).Letters;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search at {stored:N0} letters ({target.Provider}), {options.Runs} runs per kind, decision filter Upheld, 20 hits a page"));
    Console.WriteLine("| query | matches (mean) | total shown (mean) | p50 ms | p95 ms | floor p50 ms | floor p95 ms | ratio p95 |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var (kind, queries) in kinds.Where(k => options.Only is null || k.Kind.StartsWith(options.Only, StringComparison.Ordinal)))
    {
        var matches = new Dictionary<string, int>();
        foreach (var q in kind == "common term" && options.CommonRuns == 0 ? [] : queries)
        {
            try
            {
                matches[q] = (await exact.SearchAsync(new LetterQuery(q, Decision.Upheld, Page: 100_000_000))).Total;
            }
            catch (System.Data.Common.DbException e) when (e.InnerException is TimeoutException)
            {
                // An exact count of most of the corpus can outlast the command timeout; the table says so.
                matches[q] = -1;
            }
        }

        // Warm up: the first query of a process pays for JIT and the page cache.
        foreach (var q in matches.Keys)
        {
            await store.SearchAsync(new LetterQuery(q, Decision.Upheld));
            await BareAsync(target, q);
        }

        var timings = new List<double>();
        var floor = new List<double>();
        long hits = 0, matched = 0;
        // Note that the common terms match most letters: a tenth of the runs (or --common-runs) keeps the harness short at 1,000,000.
        var runs = kind == "common term" ? options.CommonRuns ?? Math.Max(10, options.Runs / 10) : options.Runs;
        if (runs == 0)
        {
            continue;
        }

        for (var run = 0; run < runs; run++)
        {
            var q = queries[run % queries.Length];
            var clock = Stopwatch.StartNew();
            var result = await store.SearchAsync(new LetterQuery(q, Decision.Upheld));
            timings.Add(clock.Elapsed.TotalMilliseconds);
            hits += result.Total;
            matched += matches[q];
            clock.Restart();
            await BareAsync(target, q);
            floor.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {kind} ({string.Join(", ", queries)}) | {(matches.Values.Any(m => m < 0) ? "not counted (timeout)" : (matched / runs).ToString("N0", CultureInfo.InvariantCulture))} | {hits / runs:N0} | {Percentile(timings, 50):0.0} | {Percentile(timings, 95):0.0} | {Percentile(floor, 50):0.0} | {Percentile(floor, 95):0.0} | {Percentile(timings, 95) / Math.Max(Percentile(floor, 95), 0.001):0.00} |"));
    }

    return 0;
}

// The floor: the bare ranked full-text query over exactly the text the search reads (LetterSearchSql.Floor),
// best 20 item ids; no filter, no join for display, no count, no snippet.
static async Task BareAsync(DatabaseTarget target, string query)
{
    var (sql, parameters) = LetterSearchSql.Floor(target.Provider, query, new LetterStoreOptions().RankLimit);
    await using var context = target.CreateContext();
    var connection = context.Database.GetDbConnection();
    await connection.OpenAsync();
    if (target.Provider == DatabaseProvider.Postgres)
    {
        // The search's own session settings, so that the floor is measured as the search runs.
        await using var settings = connection.CreateCommand();
        settings.CommandText = LetterSearchSql.PostgresSessionSettings;
        await settings.ExecuteNonQueryAsync();
    }

    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    for (var i = 0; i < parameters.Count; i++)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
        parameter.Value = parameters[i];
        command.Parameters.Add(parameter);
    }

    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
    }
}

static int Pdf(Options options)
{
    var folder = Directory.CreateTempSubdirectory("imr-scale-pdf-").FullName;
    try
    {
        var generator = new SyntheticLetterGenerator(options.Seed);
        var files = new List<string>();
        if (options.From is { } from)
        {
            // Real letters (the dev corpus): every PDF in the folder.
            files.AddRange(Directory.EnumerateFiles(from, "*.pdf").Order(StringComparer.Ordinal));
        }

        for (var i = 0; options.From is null && i < options.Count; i++)
        {
            var path = Path.Combine(folder, $"{i:D6}.pdf");
            File.WriteAllBytes(path, LetterDocuments.Pdf(generator.Letter(i)));
            files.Add(path);
        }

        // Both on every core, on the same files, warm page cache; ours after one letter read untimed (JIT),
        // as pdftotext is a native program that needs no warming.
        LetterFileReader.Read(File.ReadAllBytes(files[0]), Path.GetFileName(files[0]));
        var ours = Stopwatch.StartNew();
        var parsed = 0;
        Parallel.ForEach(files, file =>
        {
            if (LetterFileReader.Read(File.ReadAllBytes(file), Path.GetFileName(file)).Succeeded)
            {
                Interlocked.Increment(ref parsed);
            }
        });
        ours.Stop();
        var poppler = Stopwatch.StartNew();
        Parallel.ForEach(files, file =>
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-q", "-layout", file, "-"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        });
        poppler.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pdf: {files.Count:N0} {(options.From is null ? "synthetic" : "dev corpus")} PDF letters: read and parsed {parsed:N0} in {ours.Elapsed.TotalSeconds:0.00} s ({files.Count / ours.Elapsed.TotalSeconds:N0}/s); " +
            $"pdftotext -layout (text only) {poppler.Elapsed.TotalSeconds:0.00} s ({files.Count / poppler.Elapsed.TotalSeconds:N0}/s); ratio {ours.Elapsed.TotalSeconds / poppler.Elapsed.TotalSeconds:0.00}"));
        return 0;
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

static IEnumerable<int[]> Chunks(int count, int size)
{
    for (var start = 0; start < count; start += size)
    {
        yield return Enumerable.Range(start, Math.Min(size, count - start)).ToArray();
    }
}

// Produces ahead on another thread, bounded, so parsing overlaps the writer.
static IEnumerable<T> Prefetch<T>(IEnumerable<T> source, int capacity)
{
    using var queue = new System.Collections.Concurrent.BlockingCollection<T>(capacity);
    var producer = Task.Run(() =>
    {
        try
        {
            foreach (var item in source)
            {
                queue.Add(item);
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    });
    foreach (var item in queue.GetConsumingEnumerable())
    {
        yield return item;
    }

    producer.GetAwaiter().GetResult();
}

static double Percentile(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}


internal sealed record Options(string Command, int Count, string Out, string? Db, int Seed, int BatchSize, int Runs, string Format, string? From, int? CommonRuns, string? Only)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new Options(
            args.Length > 0 ? args[0] : "",
            Number("--count", 10_000),
            Value("--out", "letters"),
            Value("--db", "scale.db"),
            Number("--seed", 20261123),
            Number("--batch-size", 1000),
            Number("--runs", 200),
            Value("--format", "text"),
            Array.IndexOf(args, "--from") >= 0 ? Value("--from", "") : null,
            Array.IndexOf(args, "--common-runs") >= 0 ? Number("--common-runs", 0) : null,
            Array.IndexOf(args, "--only") >= 0 ? Value("--only", "") : null);
    }
}

internal sealed class InlineProgress(Action<UpsertResult> report) : IProgress<UpsertResult>
{
    public void Report(UpsertResult value) => report(value);
}
