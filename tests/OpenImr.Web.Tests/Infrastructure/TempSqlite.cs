using Microsoft.Data.Sqlite;
using OpenImr.Storage;

namespace OpenImr.Web.Tests.Infrastructure;

/// <summary>A SQLite file in a folder of its own, deleted with the folder.</summary>
public sealed class TempSqlite : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("imr-web-").FullName;

    public TempSqlite() => Target = DatabaseTarget.Parse(Path.Combine(_folder, "imr.db"));

    public DatabaseTarget Target { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
