namespace OpenImr.Web.Tests.Infrastructure;

/// <summary>
/// One server over a temporary SQLite file, shared by the tests of a class, with a user of every
/// role. Tests make their own cases and letters and never count what others made.
/// </summary>
public sealed class SqliteApp : IAsyncLifetime
{
    private readonly TempSqlite _database = new();
    private ImrServer? _server;

    public ImrServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>A token for each role: administrator, coordinator, reviewer, party.</summary>
    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    public async ValueTask InitializeAsync()
    {
        _server = await ImrServer.StartAsync(_database.Target);
        Tokens["administrator"] = ImrServer.AdminToken;
        Tokens["coordinator"] = await _server.CreateUserAsync("coordinator", "Test Coordinator");
        Tokens["reviewer"] = await _server.CreateUserAsync("reviewer", "Dr Test Reviewer");
        Tokens["party"] = await _server.CreateUserAsync("party", "Test Party");
    }

    public HttpClient Client(string role) => Server.Client(Tokens[role]);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _database.Dispose();
    }
}
