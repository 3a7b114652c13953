using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using OpenImr.Storage;

namespace OpenImr.Web.Tests.Infrastructure;

/// <summary>
/// The real application, started on a free loopback port over a real database (a temporary SQLite
/// file or a PostgreSQL database), called over HTTP. The first administrator's token is
/// <see cref="AdminToken"/>.
/// </summary>
public sealed class ImrServer : IAsyncDisposable
{
    public const string AdminToken = "imr_test_bootstrap_administrator";

    /// <summary>The document size limit of test servers, small enough to exceed cheaply.</summary>
    public const long MaxDocumentBytes = 256 * 1024;

    /// <summary>The request size limit of test servers: a few documents.</summary>
    public const long MaxRequestBytes = 1024 * 1024;

    private readonly WebApplication _app;
    private readonly List<HttpClient> _clients = [];

    private ImrServer(WebApplication app, DatabaseTarget database, StringWriter output)
    {
        _app = app;
        Database = database;
        Output = output;
        BaseAddress = new Uri(app.Urls.First());
    }

    public DatabaseTarget Database { get; }

    public Uri BaseAddress { get; }

    /// <summary>What the server printed (the generated first token, if any).</summary>
    public StringWriter Output { get; }

    /// <param name="searchTimeout">How long a library search may run; the default is the application's.</param>
    public static async Task<ImrServer> StartAsync(DatabaseTarget database, string? bootstrapToken = AdminToken, bool demo = false, TimeSpan? searchTimeout = null)
    {
        var output = new StringWriter();
        var app = OpenImrWebApp.Build(new WebAppOptions
        {
            Urls = "http://127.0.0.1:0",
            Database = database,
            BootstrapToken = bootstrapToken,
            Output = output,
            ConsoleLogging = false,
            MaxDocumentBytes = MaxDocumentBytes,
            MaxRequestBytes = MaxRequestBytes,
            Demo = demo,
            SearchTimeout = searchTimeout ?? new WebAppOptions().SearchTimeout,
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ImrServer(app, database, output);
    }

    /// <summary>A client sending <paramref name="token"/> as its bearer token (none when null).</summary>
    public HttpClient Client(string? token = AdminToken)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        _clients.Add(client);
        return client;
    }

    /// <summary>Makes a user of the role through the API and returns its token.</summary>
    public async Task<string> CreateUserAsync(string role, string name)
    {
        using var response = role == "reviewer"
            ? await Client().PostAsJsonAsync("/api/reviewers", new { name, licensure = new[] { "CA" }, specialties = new[] { "Occupational Medicine" } }, TestContext.Current.CancellationToken)
            : await Client().PostAsJsonAsync("/api/users", new { name, role }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<TokenResponse>(TestContext.Current.CancellationToken);
        return created!.Token;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private sealed record TokenResponse(Guid Id, string Token);
}
