using Npgsql;

namespace OpenImr.Storage.Tests;

public class DatabaseTargetTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_NoValue_IsImrDbInTheCurrentFolder(string? value)
    {
        var target = DatabaseTarget.Parse(value);

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Equal(Path.GetFullPath("imr.db"), target.Description);
        Assert.Contains(Path.GetFullPath("imr.db"), target.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FilePath_IsSqliteWithForeignKeys()
    {
        var path = Path.Combine(Path.GetTempPath(), "imr-parse-test.db");

        var target = DatabaseTarget.Parse(path);

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Equal(path, target.Description);
        Assert.Contains("Foreign Keys=True", target.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SqliteConnectionString_IsSqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), "imr-parse-test.db");

        var target = DatabaseTarget.Parse($"Data Source={path}");

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Equal(path, target.Description);
    }

    [Theory]
    [InlineData("Host=db.example;Database=imr;Username=reader")]
    [InlineData("host=db.example; database=imr; username=reader")]
    [InlineData("Server=db.example;Database=imr;Username=reader")]
    public void Parse_PostgresConnectionString_IsPostgres(string value)
    {
        var target = DatabaseTarget.Parse(value);

        Assert.Equal(DatabaseProvider.Postgres, target.Provider);
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(("db.example", "imr", "reader"), (builder.Host, builder.Database, builder.Username));
    }

    [Fact]
    public void Parse_PostgresUrl_IsConvertedWithDecodedParts()
    {
        var target = DatabaseTarget.Parse("postgresql://imr%20user:p%40ss%3Aword@db.example:6543/imr_corpus?sslmode=require&application_name=imr-cli");

        Assert.Equal(DatabaseProvider.Postgres, target.Provider);
        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal("db.example", builder.Host);
        Assert.Equal(6543, builder.Port);
        Assert.Equal("imr_corpus", builder.Database);
        Assert.Equal("imr user", builder.Username);
        Assert.Equal("p@ss:word", builder.Password);
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal("imr-cli", builder.ApplicationName);
        Assert.DoesNotContain("p@ss", target.Description, StringComparison.Ordinal);
        Assert.Equal("postgresql://db.example:6543/imr_corpus", target.ToString());
    }

    [Fact]
    public void Parse_PostgresUrlWithoutPortOrUser_UsesDefaults()
    {
        var target = DatabaseTarget.Parse("postgres://localhost/imr");

        var builder = new NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(("localhost", 5432, "imr"), (builder.Host, builder.Port, builder.Database));
        Assert.Null(builder.Password);
    }

    [Theory]
    [InlineData("postgresql://", "not a valid PostgreSQL URL")]
    [InlineData("postgresql://u:secret@db.example/imr?nonsense=1", "'nonsense=1' is not understood")]
    [InlineData("Database=imr;Username=reader", "names neither a PostgreSQL Host nor a SQLite Data Source")]
    [InlineData("Host=db.example;Frobnicate=yes", "not a valid PostgreSQL connection string")]
    [InlineData("Host=;Database=imr", "names neither a PostgreSQL Host")]
    [InlineData(":memory:", "in-memory")]
    [InlineData("/nonexistent-imr-folder/imr.db", "does not exist")]
    public void Parse_BadValue_ThrowsFormatExceptionSayingWhy(string value, string expected)
    {
        var error = Assert.Throws<FormatException>(() => DatabaseTarget.Parse(value));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Folder_ThrowsAndSuggestsAFileInIt()
    {
        var folder = Path.GetTempPath();

        var error = Assert.Throws<FormatException>(() => DatabaseTarget.Parse(folder));

        Assert.Contains("is a folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("imr.db", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RejectedPassword_IsNeverEchoed()
    {
        var error = Assert.Throws<FormatException>(() => DatabaseTarget.Parse("Host=db.example;Password=secret;Frobnicate=yes"));

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateContext_EachProvider_GivesItsOwnContextType()
    {
        using var sqlite = DatabaseTarget.Parse(Path.Combine(Path.GetTempPath(), "imr-parse-test.db")).CreateContext();
        using var postgres = DatabaseTarget.Parse("Host=db.example;Database=imr").CreateContext();

        Assert.IsType<SqliteImrDbContext>(sqlite);
        Assert.IsType<PostgresImrDbContext>(postgres);
    }
}
