using Microsoft.Data.Sqlite;
using OpenImr.Storage;

namespace OpenImr.Tests.Shared;

/// <summary>A temporary folder holding one SQLite database file, deleted with its -wal/-shm companions.</summary>
public sealed class TempSqliteFolder(string prefix)
{
    private readonly string _folder = Directory.CreateTempSubdirectory(prefix).FullName;

    public DatabaseTarget Target => DatabaseTarget.Parse(Path.Combine(_folder, "imr-test.db"));

    public void Delete()
    {
        // Note that pooled connections keep the file (and its -wal/-shm companions) open.
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
