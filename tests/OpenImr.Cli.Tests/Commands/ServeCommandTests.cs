using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using OpenImr.Cli.Commands;
using OpenImr.Tests.Shared;

namespace OpenImr.Cli.Tests.Commands;

public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_DbInMissingFolder_ExitsWithUsage()
    {
        var run = await CliRun.InvokeAsync("serve", "--db", "/nonexistent-folder-imr/imr.db");

        Assert.Equal(ImrCommandLine.Usage, run.ExitCode);
        Assert.Contains("--db", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_GuidelinesWithAProblem_ExitsWithUsageNamingItAndCreatesNoDatabase()
    {
        using var library = TempFolder.LibraryCopy();
        var knee = Path.Combine(library.Path, "mtus-2009", "knee.json");
        File.WriteAllText(knee, File.ReadAllText(knee).Replace("\"onFail\": \"upheld\"", "\"onFail\": \"uphold\"", StringComparison.Ordinal));
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "refused.db");

        var run = await CliRun.InvokeAsync("serve", "--urls", "http://127.0.0.1:0", "--db", db, "--guidelines", library.Path);

        Assert.Equal(ImrCommandLine.Usage, run.ExitCode);
        Assert.Contains("--guidelines", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("knee.json", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("imr guidelines validate", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("listening on", run.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task Serve_FreePort_AnswersHealthAndPrintsFirstTokenUntilCancelled()
    {
        using var folder = new TempFolder();
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var stdout = TextWriter.Synchronized(output);
        var stderr = TextWriter.Synchronized(errors);
        using var stop = new CancellationTokenSource();
        var serving = ServeCommand.RunAsync("http://127.0.0.1:0", Path.Combine(folder.Path, "serve.db"), stdout, stderr, stop.Token);

        Match listening = Match.Empty;
        for (var i = 0; i < 300 && !serving.IsCompleted; i++)
        {
            listening = ListeningPattern().Match(Read(stdout, output));
            if (listening.Success)
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(listening.Success, $"stdout: {Read(stdout, output)} stderr: {Read(stderr, errors)}");
        using var client = new HttpClient { BaseAddress = new Uri(listening.Groups[1].Value) };
        var health = await client.GetStringAsync("/health", TestContext.Current.CancellationToken);
        await stop.CancelAsync();

        Assert.Equal(ImrCommandLine.Success, await serving);
        Assert.Equal("""{"status":"ok"}""", health);
        Assert.Contains("shown only this once", Read(stdout, output), StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task Serve_KilledDuringAnUpload_KeepsTheFinishedRecordAndNothingOfTheOther()
    {
        using var folder = new TempFolder();
        var db = Path.Combine(folder.Path, "killed.db");
        const string token = "imr_synthetic_kill_test_token_0123456789";
        var cancel = TestContext.Current.CancellationToken;
        Guid caseId;
        string finishedHash;
        using (var server = await ServerProcess.StartAsync(db, token, cancel))
        {
            using var client = server.Client(token);
            using var created = await client.PostAsJsonAsync("/api/cases", new
            {
                caseNumber = "CM-TEST-KILL-0001",
                requests = new[] { new { description = "MRI of the lumbar spine" } },
                documents = new[] { new { type = "clinical-summary", text = "Synthetic record: low back pain for three months." } },
            }, cancel);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            caseId = (await created.Content.ReadFromJsonAsync<JsonElement>(cancel)).GetProperty("id").GetGuid();

            var finished = Encoding.UTF8.GetBytes("Synthetic progress note: straight leg raise positive on the left. " + new string('x', 2000));
            finishedHash = Convert.ToHexStringLower(SHA256.HashData(finished));
            using (var form = Upload(finished, "finished.txt"))
            {
                using var upload = await client.PostAsync($"/api/cases/{caseId}/documents", form, cancel);
                Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
            }

            // Note that the second upload declares 3 MB and sends half: the server is still reading it when it dies.
            using var socket = new TcpClient();
            await socket.ConnectAsync(server.Address.Host, server.Address.Port, cancel);
            var stream = socket.GetStream();
            var body = MultipartBody(new byte[3_000_000], "half.txt", out var contentType);
            var head = $"POST /api/cases/{caseId}/documents HTTP/1.1\r\nHost: {server.Address.Authority}\r\nAuthorization: Bearer {token}\r\n" +
                $"Content-Type: {contentType}\r\nContent-Length: {body.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancel);
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2), cancel);
            await stream.FlushAsync(cancel);
            await Task.Delay(500, cancel);
            server.Kill();
        }

        using (var restarted = await ServerProcess.StartAsync(db, token, cancel))
        {
            using var client = restarted.Client(token);
            var view = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}", cancel);
            var documents = view.GetProperty("documents").EnumerateArray().ToList();
            Assert.Equal(["clinical-summary", null], documents.Select(d => d.GetProperty("type").GetString()).ToArray());
            Assert.Equal("finished.txt", documents[1].GetProperty("fileName").GetString());
            Assert.Equal(finishedHash, documents[1].GetProperty("sha256").GetString());
            var content = await client.GetByteArrayAsync($"/api/cases/{caseId}/documents/{documents[1].GetProperty("id").GetInt32()}/content", cancel);
            Assert.Equal(finishedHash, Convert.ToHexStringLower(SHA256.HashData(content)));
            Assert.Equal(1, view.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("action").GetString() == "case.document-added"));
        }

        await using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        await connection.OpenAsync(cancel);
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await check.ExecuteScalarAsync(cancel));
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string name)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    private static byte[] MultipartBody(byte[] bytes, string name, out string contentType)
    {
        const string boundary = "synthetic-kill-test-boundary";
        contentType = $"multipart/form-data; boundary={boundary}";
        var head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/plain\r\n\r\n");
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        Array.Fill(bytes, (byte)'a');
        return [.. head, .. bytes, .. tail];
    }

    /// <summary>Reads what was written so far; the synchronized writer locks on itself.</summary>
    private static string Read(TextWriter synchronized, StringWriter inner)
    {
        lock (synchronized)
        {
            return inner.ToString();
        }
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningPattern();

    /// <summary><c>imr serve</c> as a child process on a free loopback port, killed or stopped on dispose.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private readonly Process _process;

        private ServerProcess(Process process, Uri address)
        {
            _process = process;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<ServerProcess> StartAsync(string db, string token, CancellationToken cancellationToken)
        {
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "imr.dll"), "serve", "--urls", "http://127.0.0.1:0", "--db", db })
            {
                info.ArgumentList.Add(argument);
            }

            info.Environment["IMR_BOOTSTRAP_TOKEN"] = token;
            var process = Process.Start(info)!;
            var seen = new StringBuilder();
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync(cancellationToken)) is not null)
            {
                seen.AppendLine(line);
                if (ListeningPattern().Match(line) is { Success: true } listening)
                {
                    return new ServerProcess(process, new Uri(listening.Groups[1].Value));
                }
            }

            var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
            throw new InvalidOperationException($"imr serve did not start: {seen} {errors}");
        }

        public HttpClient Client(string token)
        {
            var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Kill();
            }

            _process.Dispose();
        }
    }
}
