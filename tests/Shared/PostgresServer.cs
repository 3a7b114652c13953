using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using OpenImr.Tests.Shared;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace OpenImr.Tests.Shared;

/// <summary>
/// The PostgreSQL server of a test run. With <c>IMR_TEST_POSTGRES</c> set to a connection string it
/// uses that server. Otherwise it starts a throwaway cluster from Debian's PostgreSQL binaries
/// (<c>pg_config --bindir</c>, else /usr/lib/postgresql/15/bin): initdb into a fresh temporary folder
/// (as the <c>postgres</c> user when running as root), trust authentication, a free loopback port,
/// the unix socket inside that folder; it is stopped and deleted when the assembly's tests end.
/// Without binaries, PostgreSQL tests skip, except when <c>CI</c> is set, where they fail
/// (like Npgsql's IgnoreExceptOnBuildServer).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ConnectionVariable = "IMR_TEST_POSTGRES";

    /// <summary>Names the folder of initdb and pg_ctl, instead of <c>pg_config --bindir</c> and the Debian fallback.</summary>
    public const string BinDirVariable = "IMR_TEST_POSTGRES_BINDIR";
    private const string FallbackBinDir = "/usr/lib/postgresql/15/bin";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private string? _adminConnectionString;
    private string? _unavailable;
    private string? _failure;
    private string? _root;
    private string? _dataDir;
    private string? _binDir;
    private bool _asPostgresUser;
    private int _running;

    /// <summary>Whether this run uses a cluster it started (rather than <c>IMR_TEST_POSTGRES</c>).</summary>
    public bool IsThrowaway => _root is not null;

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
            return;
        }

        _binDir = FindBinDir();
        if (_binDir is null)
        {
            _unavailable = "PostgreSQL server binaries (initdb, pg_ctl) were not found " +
                $"(in {BinDirVariable}, by 'pg_config --bindir', or in {FallbackBinDir}). " +
                $"Install Debian's postgresql-15 (test.sh does), or set {ConnectionVariable} to a connection string.";
            return;
        }

        try
        {
            await StartClusterAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or NpgsqlException or TimeoutException or OperationCanceledException)
        {
            _failure = $"The throwaway PostgreSQL cluster did not start: {e.Message}";
            await StopClusterAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopClusterAsync().ConfigureAwait(false);

    /// <summary>
    /// Creates an empty database with a unique name and returns its connection string. Skips the
    /// calling test when PostgreSQL is unavailable locally; fails it when <c>CI</c> is set or the server broke.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var admin = RequireServer();
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        if (name.Length > 63)
        {
            name = name[..63];
        }

        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its pooled connections first.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        if (_adminConnectionString is null)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private string RequireServer()
    {
        if (_failure is not null)
        {
            Assert.Fail(_failure);
        }

        if (_unavailable is not null)
        {
            var ci = Environment.GetEnvironmentVariable("CI");
            if (!string.IsNullOrWhiteSpace(ci) && !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0")
            {
                Assert.Fail(_unavailable + " CI is set, so PostgreSQL tests fail rather than skip.");
            }

            Assert.Skip(_unavailable);
        }

        return _adminConnectionString!;
    }

    private static string? FindBinDir()
    {
        var chosen = Environment.GetEnvironmentVariable(BinDirVariable);
        if (!string.IsNullOrWhiteSpace(chosen))
        {
            return File.Exists(Path.Combine(chosen, "initdb")) && File.Exists(Path.Combine(chosen, "pg_ctl")) ? chosen : null;
        }

        string? fromPgConfig = null;
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is not null)
            {
                fromPgConfig = process.StandardOutput.ReadToEnd().Trim();
                process.WaitForExit();
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Note that pg_config comes with libpq-dev, which a server install need not have.
        }

        foreach (var candidate in new[] { fromPgConfig, FallbackBinDir })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(Path.Combine(candidate, "initdb")) && File.Exists(Path.Combine(candidate, "pg_ctl")))
            {
                return candidate;
            }
        }

        return null;
    }

    private async Task StartClusterAsync()
    {
        _asPostgresUser = Environment.UserName == "root";
        _root = Directory.CreateTempSubdirectory("imr-pg-").FullName;
        _dataDir = Path.Combine(_root, "data");
        var socketDir = Path.Combine(_root, "socket");
        Directory.CreateDirectory(socketDir);
        if (_asPostgresUser)
        {
            // PostgreSQL refuses to run as root; the cluster belongs to the postgres user.
            await RunAsync("chown", ["-R", "postgres:", _root], asPostgres: false).ConfigureAwait(false);
        }

        await RunAsync(Path.Combine(_binDir!, "initdb"),
            ["-D", _dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            _asPostgresUser).ConfigureAwait(false);

        string? lastError = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreePort();
            try
            {
                await RunAsync(Path.Combine(_binDir!, "pg_ctl"),
                    ["-D", _dataDir, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60", "-o",
                        $"-p {port} -k {socketDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
                        "-c full_page_writes=off -c max_connections=200", "start"],
                    _asPostgresUser).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                // Note that another process may have taken the port between probing and starting.
                lastError = e.Message;
                continue;
            }

            Interlocked.Exchange(ref _running, 1);
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
            _adminConnectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = "postgres",
                Database = "postgres",
                Timeout = 30,
            }.ConnectionString;
            await WaitUntilReadyAsync().ConfigureAwait(false);
            return;
        }

        throw new InvalidOperationException($"pg_ctl start failed three times: {lastError}");
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_adminConnectionString);
                await connection.OpenAsync().ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }

    private async Task StopClusterAsync()
    {
        if (Interlocked.Exchange(ref _running, 0) == 1)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await RunAsync(Path.Combine(_binDir!, "pg_ctl"), ["-D", _dataDir!, "-m", "fast", "-w", "-t", "60", "stop"], _asPostgresUser)
                    .ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                await RunAsync(Path.Combine(_binDir!, "pg_ctl"), ["-D", _dataDir!, "-m", "immediate", "-w", "stop"], _asPostgresUser)
                    .ConfigureAwait(false);
            }

            AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        }

        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        // Note that this runs only if the fixture was never disposed (a crashed or aborted run).
        if (Interlocked.Exchange(ref _running, 0) == 1)
        {
            using var stop = Process.Start(StartInfo(Path.Combine(_binDir!, "pg_ctl"), ["-D", _dataDir!, "-m", "immediate", "stop"], _asPostgresUser));
            stop?.WaitForExit(10_000);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments, bool asPostgres)
    {
        var info = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", file })
            {
                info.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static async Task RunAsync(string file, IEnumerable<string> arguments, bool asPostgres)
    {
        var info = StartInfo(file, arguments, asPostgres);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        using var timeout = new CancellationTokenSource(CommandTimeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{string.Join(' ', info.ArgumentList.Prepend(info.FileName))} exited with {process.ExitCode}: {await error.ConfigureAwait(false)} {await output.ConfigureAwait(false)}");
        }
    }
}
