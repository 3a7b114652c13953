using System.Net;
using System.Text.RegularExpressions;

namespace OpenImr.Web.Tests.Infrastructure;

public sealed partial class DatabaseInitializerTests
{
    [Fact]
    public async Task Start_EmptyDatabaseWithoutBootstrapToken_PrintsGeneratedTokenOnce()
    {
        using var database = new TempSqlite();
        string token;
        await using (var server = await ImrServer.StartAsync(database.Target, bootstrapToken: null))
        {
            var match = TokenPattern().Match(server.Output.ToString());
            Assert.True(match.Success, server.Output.ToString());
            token = match.Value;
            using var response = await server.Client(token).GetAsync("/api/stats", Http.Cancel);
            await response.ExpectAsync(HttpStatusCode.OK);
        }

        await using var restarted = await ImrServer.StartAsync(database.Target, bootstrapToken: null);
        Assert.Equal("", restarted.Output.ToString());
        using var again = await restarted.Client(token).GetAsync("/api/stats", Http.Cancel);
        await again.ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Start_EmptyDatabaseWithBootstrapToken_UsesItAndPrintsNothing()
    {
        using var database = new TempSqlite();

        await using var server = await ImrServer.StartAsync(database.Target, bootstrapToken: "imr_chosen_by_the_operator");

        Assert.Equal("", server.Output.ToString());
        using var response = await server.Client("imr_chosen_by_the_operator").PostJsonAsync("/api/users", new { name = "Coordinator", role = "coordinator" });
        await response.ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Start_Sqlite_UsesWalJournal()
    {
        using var database = new TempSqlite();
        await using var server = await ImrServer.StartAsync(database.Target);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.Target.ConnectionString);
        await connection.OpenAsync(Http.Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Http.Cancel));
    }

    [Fact]
    public async Task Start_TokensAreStoredOnlyAsHashes()
    {
        using var database = new TempSqlite();
        await using var server = await ImrServer.StartAsync(database.Target);
        var token = await server.CreateUserAsync("party", "Hash Check");

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.Target.ConnectionString);
        await connection.OpenAsync(Http.Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT token_hash FROM api_tokens";
        var hashes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Http.Cancel);
        while (await reader.ReadAsync(Http.Cancel))
        {
            hashes.Add(reader.GetString(0));
        }

        Assert.Equal(2, hashes.Count);
        Assert.DoesNotContain(token, hashes);
        Assert.DoesNotContain(ImrServer.AdminToken, hashes);
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{64}$", h));
    }

    [GeneratedRegex("imr_[A-Za-z0-9_-]{43}")]
    private static partial Regex TokenPattern();
}
