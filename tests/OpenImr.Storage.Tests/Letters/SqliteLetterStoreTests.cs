using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OpenImr.Storage.Tests.Infrastructure;
using OpenImr.Tests.Shared;

namespace OpenImr.Storage.Tests.Letters;

/// <summary>The facade on a real SQLite file in a temporary folder, and the SQLite schema it migrates.</summary>
public sealed class SqliteLetterStoreTests : LetterStoreTests
{
    private readonly TempSqliteFolder _folder = new("imr-sqlite-");

    protected override Task<DatabaseTarget> CreateTargetAsync() => Task.FromResult(_folder.Target);

    protected override Task DeleteTargetAsync(DatabaseTarget target)
    {
        _folder.Delete();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task MigrateAsync_NewFile_UsesWalJournalMode()
    {
        await CreateStore().StatsAsync(Cancel);

        await using var connection = new SqliteConnection(Target.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", await command.ExecuteScalarAsync(Cancel));
    }

    [Fact]
    public async Task MigrateAsync_IndexWithPrefixIndexes_IsRebuiltWithoutThemAndFindsEveryStoredLetter()
    {
        await CreateStore().UpsertAsync(SyntheticLetters.Corpus(), Cancel);
        await using var context = Target.CreateContext();
        var migrator = context.GetService<IMigrator>();

        // Back to the schema before the change (its Down rebuilds the old index), then forward again.
        await migrator.MigrateAsync("20261123161936_NoticeSentElectronically", Cancel);
        var before = await FtsSqlAsync(context);
        await migrator.MigrateAsync(cancellationToken: Cancel);
        var after = await FtsSqlAsync(context);

        Assert.Contains("prefix = '2 3'", before, StringComparison.Ordinal);
        Assert.DoesNotContain("prefix", after, StringComparison.Ordinal);
        await context.Database.ExecuteSqlRawAsync("INSERT INTO letter_item_search(letter_item_search, rank) VALUES('integrity-check', 1);", Cancel);
        // "Diabetes" is only in the first letter's summary: both of its items are found through the rebuilt index.
        var found = await CreateStore().SearchAsync(new Storage.Letters.LetterQuery("diabetes"), Cancel);
        Assert.Equal(["CM-TEST-0001", "CM-TEST-0001"], found.Hits.Select(h => h.CaseNumber));
        var prefixed = await CreateStore().SearchAsync(new Storage.Letters.LetterQuery("physio*"), Cancel);
        Assert.Equal("12 sessions of physical therapy", Assert.Single(prefixed.Hits).Request);
    }

    private static Task<string> FtsSqlAsync(ImrDbContext context) =>
        context.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE name = 'letter_item_search'").SingleAsync(Cancel);
}
