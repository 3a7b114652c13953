using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using OpenImr.Storage;
using OpenImr.Web;

// A bounded load test of imr serve on loopback: the real server on a temporary SQLite file,
// after WARMUP unrecorded requests, CLIENTS concurrent clients sending REQUESTS requests in all (at most SECONDS seconds):
// four in five read a case (GET /api/cases/{id}), one in five runs the engine on it
// (POST /api/cases/{id}/review; --review-every N, 0 for reads only; --floor reads /health instead). Prints throughput and
// p50/p95/p99 latency per route, and the statuses answered (a review racing another review of
// the same case is refused with 409, as concurrent edits must be).
var clients = Option("--clients", 200);
var total = Option("--requests", 20_000);
var seconds = Option("--seconds", 60);
var caseCount = Option("--cases", 20);
var reviewEvery = Option("--review-every", 5);
var warmup = Option("--warmup", 2_000);
// Note that --floor reads GET /health instead (no token, no database): what HTTP alone costs on this machine.
var floor = args.Contains("--floor");

var folder = Directory.CreateTempSubdirectory("imr-load-").FullName;
var port = FreePort();
var token = "imr_load_test_bootstrap_token_0123456789";
var app = OpenImrWebApp.Build(new WebAppOptions
{
    Urls = $"http://127.0.0.1:{port}",
    Database = DatabaseTarget.Parse(Path.Combine(folder, "load.db")),
    BootstrapToken = token,
    ConsoleLogging = false,
    Output = TextWriter.Null,
});
await app.StartAsync();
try
{
    using var admin = Client(port, token);
    var reviewer = await Json(await admin.PostAsJsonAsync("/api/reviewers", new
    {
        name = "Synthetic Reviewer",
        licensure = new[] { "CA" },
        specialties = new[] { "Occupational Medicine", "Physical Medicine & Rehabilitation", "Orthopedic Surgery" },
        affiliations = Array.Empty<string>(),
        yearsOfPractice = 12,
        hoursPerWeek = 30,
    }));
    var reviewerId = reviewer.GetProperty("id").GetGuid();
    using var reviewerClient = Client(port, reviewer.GetProperty("token").GetString()!);
    var cases = new List<Guid>();
    for (var i = 0; i < caseCount; i++)
    {
        var id = (await Json(await admin.PostAsJsonAsync("/api/cases", SyntheticCase(i)))).GetProperty("id").GetGuid();
        await Json(await admin.PostAsJsonAsync($"/api/cases/{id}/eligibility", new { }));
        await Json(await admin.PostAsJsonAsync($"/api/cases/{id}/assignment", new { reviewerId }));
        await Json(await admin.PostAsJsonAsync($"/api/cases/{id}/records-complete", new { }));
        cases.Add(id);
    }

    // Note that a first, unrecorded pass lets the JIT, the connection pools and the case views warm up, as a benchmark's warm-up does.
    var reads = new List<double>();
    var reviews = new List<double>();
    var statuses = new Dictionary<int, int>();
    await RunAsync(warmup, recording: false);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var deadline = Stopwatch.StartNew();
    await RunAsync(total, recording: true);

    async Task RunAsync(int count, bool recording)
    {
        var next = -1;
        var started = Stopwatch.StartNew();
        var gate = new object();
        var workers = Enumerable.Range(0, clients).Select(async worker =>
        {
            while (true)
            {
                var n = Interlocked.Increment(ref next);
                if (n >= count || started.Elapsed.TotalSeconds >= seconds)
                {
                    return;
                }

                var id = cases[n % cases.Count];
                var review = reviewEvery > 0 && n % reviewEvery == reviewEvery - 1;
                var watch = Stopwatch.StartNew();
                using var response = review
                    ? await reviewerClient.PostAsJsonAsync($"/api/cases/{id}/review", new { })
                    : await admin.GetAsync(floor ? "/health" : $"/api/cases/{id}");
                await response.Content.ReadAsByteArrayAsync();
                var elapsed = watch.Elapsed.TotalMilliseconds;
                if (!recording)
                {
                    continue;
                }

                lock (gate)
                {
                    (review ? reviews : reads).Add(elapsed);
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
    }
    var wall = deadline.Elapsed.TotalSeconds;
    var done = reads.Count + reviews.Count;
    // Note that client and server share this process: CPU time per request counts both, and depends less than latency on what else the machine runs.
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{clients} clients, {done} requests in {wall:F1} s = {done / wall:F0} requests/s; statuses {string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"))}; " +
        $"CPU {cpu / done:F3} ms per request (client and server); load average {LoadAverage()}"));
    Console.WriteLine("| route | requests | p50 ms | p95 ms | p99 ms | max ms |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
    Row(floor ? "GET /health (floor)" : "GET /api/cases/{id}", reads);
    Row("POST /api/cases/{id}/review", reviews);
}
finally
{
    await app.StopAsync();
    await app.DisposeAsync();
    Directory.Delete(folder, recursive: true);
}

static void Row(string route, List<double> latencies)
{
    latencies.Sort();
    double At(double q) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {route} | {latencies.Count} | {At(0.50):F1} | {At(0.95):F1} | {At(0.99):F1} | {(latencies.Count == 0 ? 0 : latencies[^1]):F1} |"));
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

int Option(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static HttpClient Client(int port, string bearer)
{
    var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
    return client;
}

static async Task<JsonElement> Json(HttpResponseMessage response)
{
    using (response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

static object SyntheticCase(int i) => new
{
    caseNumber = $"SYNTH-LOAD-{i:0000}",
    priority = "standard",
    dates = new { injury = "2016-06-01", urDenial = "2016-11-20", applicationReceived = "2016-11-28" },
    patient = new { age = 45, sex = "male" },
    application = new { signed = true, urDecisionServed = "2016-11-20", servedBy = "mail", urDecisionAttached = true, conditionalNonCertification = false },
    parties = new { employer = "Synthetic Employer", insurer = "Synthetic Insurer", requestingPhysician = "Dr Synthetic" },
    requests = new[]
    {
        new { description = "Additional physical therapy 2 times a week for 2 weeks for the lumbar spine" },
        new { description = "MRI of the lumbar spine" },
    },
    documents = new[]
    {
        new
        {
            type = "progress-report",
            text = "Synthetic record. The patient is a 45-year-old male with low back pain after lifting at work. He has completed 6 sessions " +
                "of physical therapy for the lumbar spine with documented functional improvement: his lifting tolerance increased from 10 to 25 " +
                "pounds. Straight leg raise is positive on the left with decreased sensation in the L5 dermatome.",
        },
    },
};
