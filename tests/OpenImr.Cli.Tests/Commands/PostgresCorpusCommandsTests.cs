using System.Text.Json;
using OpenImr.Domain.Letters;
using OpenImr.Tests.Shared;

namespace OpenImr.Cli.Tests.Commands;

/// <summary><c>import</c>, <c>search</c> and <c>stats</c> against PostgreSQL (see <see cref="PostgresServer"/>), by connection string and by URL.</summary>
public class PostgresCorpusCommandsTests(PostgresServer server)
{
    [Fact]
    public async Task ImportSearchStats_OnPostgres_IdempotentWithFiltersAndPhrase()
    {
        var connection = await server.CreateDatabaseAsync("imr_cli");
        try
        {
            using var folder = new TempFolder();
            var letters = ImportCommandTests.WriteLetters(folder.Path, 40);

            var first = await CliRun.InvokeAsync("import", folder.Path, "--db", connection, "--json");
            var second = await CliRun.InvokeAsync("import", folder.Path, "--db", connection, "--json");
            var search = await CliRun.InvokeAsync("search", "\"functional improvement\"", "--decision", "Upheld", "--db", connection, "--json", "--limit", "500");
            var stats = await CliRun.InvokeAsync("stats", "--db", connection, "--json");

            Assert.True(first.ExitCode == 0, first.Stderr);
            Assert.Equal(40, JsonDocument.Parse(first.Stdout).RootElement.GetProperty("inserted").GetInt32());
            Assert.Equal(40, JsonDocument.Parse(second.Stdout).RootElement.GetProperty("unchanged").GetInt32());
            Assert.True(search.ExitCode == 0, search.Stderr);
            var hits = JsonDocument.Parse(search.Stdout).RootElement.GetProperty("hits").EnumerateArray().ToList();
            Assert.NotEmpty(hits);
            Assert.All(hits, h => Assert.Equal("Upheld", h.GetProperty("decision").GetString()));
            Assert.All(hits, h => Assert.Contains("**", h.GetProperty("snippet").GetString(), StringComparison.Ordinal));
            var root = JsonDocument.Parse(stats.Stdout).RootElement;
            Assert.Equal(40, root.GetProperty("letters").GetInt32());
            Assert.Equal(letters.Sum(l => l.Items.Count(i => i.Decision == Decision.Upheld)), root.GetProperty("upheld").GetInt32());
        }
        finally
        {
            await server.DropDatabaseAsync(connection);
        }
    }
}
