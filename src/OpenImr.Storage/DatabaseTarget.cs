using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace OpenImr.Storage;

/// <summary>The database engines OpenIMR stores into.</summary>
public enum DatabaseProvider
{
    /// <summary>A SQLite file (the default, <c>imr.db</c> in the current folder).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server.</summary>
    Postgres,
}

/// <summary>
/// Which database to use, as given by <c>--db</c>: a SQLite file path or a PostgreSQL connection
/// string (<c>Host=...;Database=...</c>, or a <c>postgresql://user:pass@host:port/db</c> URL).
/// </summary>
public sealed class DatabaseTarget
{
    /// <summary>The SQLite file used when no value is given.</summary>
    public const string DefaultSqliteFile = "imr.db";

    private Func<ImrDbContext>? _factory;

    private DatabaseTarget(DatabaseProvider provider, string connectionString, string description)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Description = description;
    }

    /// <summary>The engine.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The ADO.NET connection string for <see cref="Provider"/>.</summary>
    public string ConnectionString { get; }

    /// <summary>A description safe to print: the SQLite file, or host/port/database without the password.</summary>
    public string Description { get; }

    /// <inheritdoc/>
    public override string ToString() => Description;

    /// <summary>A SQLite database in the file at <paramref name="path"/>.</summary>
    public static DatabaseTarget Sqlite(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            // Note that this is the busy timeout too: a writer waits this long for another writer.
            DefaultTimeout = 30,
        };
        return new DatabaseTarget(DatabaseProvider.Sqlite, builder.ToString(), full);
    }

    /// <summary>A PostgreSQL database described by an Npgsql connection string.</summary>
    public static DatabaseTarget Postgres(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{Redact(connectionString)}' is not a valid PostgreSQL connection string: {e.Message}", e);
        }

        if (string.IsNullOrWhiteSpace(builder.Host))
        {
            throw new FormatException("The PostgreSQL connection string names no Host; give one like 'Host=localhost;Database=imr;Username=imr'.");
        }

        var description = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username ?? ""}";
        return new DatabaseTarget(DatabaseProvider.Postgres, builder.ConnectionString, description);
    }

    /// <summary>
    /// Reads a <c>--db</c> value. <see langword="null"/> or blank means <see cref="DefaultSqliteFile"/> in the
    /// current folder; a <c>postgres://</c> or <c>postgresql://</c> URL or a connection string with a
    /// <c>Host</c> (or <c>Server</c>) key means PostgreSQL; a connection string with a <c>Data Source</c>
    /// key, or anything else, is a SQLite file path.
    /// </summary>
    /// <exception cref="FormatException">The value is neither a usable path nor a valid connection string; the message says why.</exception>
    public static DatabaseTarget Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Sqlite(DefaultSqliteFile);
        }

        value = value.Trim();
        if (value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
            value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(FromUrl(value));
        }

        if (value.Contains('=', StringComparison.Ordinal))
        {
            return FromConnectionString(value);
        }

        return SqliteFile(value);
    }

    /// <summary>
    /// A context of the provider's own type (so that its own migrations apply), from a pool: a
    /// server takes one for every request, and a pooled context comes back reset when disposed.
    /// </summary>
    public ImrDbContext CreateContext()
    {
        _factory ??= Provider switch
        {
            DatabaseProvider.Sqlite => new PooledDbContextFactory<SqliteImrDbContext>(
                new DbContextOptionsBuilder<SqliteImrDbContext>().UseSqlite(ConnectionString).Options).CreateDbContext,
            _ => new PooledDbContextFactory<PostgresImrDbContext>(
                new DbContextOptionsBuilder<PostgresImrDbContext>().UseNpgsql(ConnectionString).Options).CreateDbContext,
        };
        return _factory();
    }

    /// <summary>
    /// Creates the schema or brings it up to date (EF migrations of the provider). For SQLite it also
    /// switches the file to WAL journal mode, so that readers never block the importer.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var context = CreateContext();
        if (Provider == DatabaseProvider.Sqlite)
        {
            // Note that WAL mode is a property of the file: set once, it stays for every later connection.
            await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
                await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await context.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
        else
        {
            // Note that a migration may rewrite a table (SearchVectorsForSpeed rewrites letters and letter_items), which
            // takes minutes at a million letters: far past the 30 s a command may otherwise take.
            context.Database.SetCommandTimeout(TimeSpan.Zero);
            await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static DatabaseTarget FromConnectionString(string value)
    {
        DbConnectionStringBuilder builder;
        try
        {
            builder = new DbConnectionStringBuilder { ConnectionString = value };
        }
        catch (ArgumentException e)
        {
            throw new FormatException(
                $"'{Redact(value)}' is neither a SQLite file path nor a valid connection string ({e.Message}). " +
                "Give a file path such as 'imr.db', 'Host=HOST;Database=DB;Username=USER', or a postgresql://USER:PASSWORD@HOST:PORT/DB URL.", e);
        }

        if (builder.ContainsKey("host") || builder.ContainsKey("server"))
        {
            return Postgres(value);
        }

        if (builder.TryGetValue("data source", out var dataSource) || builder.TryGetValue("datasource", out dataSource) ||
            builder.TryGetValue("filename", out dataSource))
        {
            return SqliteFile(Convert.ToString(dataSource, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        throw new FormatException(
            $"'{Redact(value)}' looks like a connection string but names neither a PostgreSQL Host nor a SQLite Data Source. " +
            "Give 'Host=HOST;Database=DB;Username=USER' for PostgreSQL or a file path for SQLite.");
    }

    private static DatabaseTarget SqliteFile(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new FormatException("The SQLite file path is empty; give a path such as 'imr.db'.");
        }

        if (path.Equals(":memory:", StringComparison.Ordinal))
        {
            throw new FormatException("An in-memory SQLite database would lose everything on exit; give a file path such as 'imr.db'.");
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new FormatException($"'{path}' is not a usable file path: {e.Message}", e);
        }

        if (Directory.Exists(full))
        {
            throw new FormatException($"'{path}' is a folder; give a SQLite file path such as '{Path.Combine(path, DefaultSqliteFile)}'.");
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new FormatException($"The folder '{folder}' of the SQLite file '{path}' does not exist; create it or choose another path.");
        }

        return Sqlite(full);
    }

    /// <summary>Converts a <c>postgresql://user:password@host:port/database?key=value</c> URL to an Npgsql connection string.</summary>
    internal static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException($"'{Redact(url)}' is not a valid PostgreSQL URL; expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            try
            {
                // libpq spells some keys differently from Npgsql.
                builder[key.ToLowerInvariant() switch
                {
                    "sslmode" => "SSL Mode",
                    "application_name" => "Application Name",
                    "connect_timeout" => "Timeout",
                    "user" => "Username",
                    "dbname" => "Database",
                    _ => key,
                }] = value;
            }
            catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
            {
                throw new FormatException($"The PostgreSQL URL parameter '{key}={value}' is not understood: {e.Message}", e);
            }
        }

        return builder.ConnectionString;
    }

    private static string Redact(string value)
    {
        // Note that a rejected value may still carry a password; never echo it.
        if (value.Contains("://", StringComparison.Ordinal) && value.Contains('@', StringComparison.Ordinal))
        {
            var scheme = value.IndexOf("://", StringComparison.Ordinal) + 3;
            return value[..scheme] + "***" + value[value.LastIndexOf('@')..];
        }

        return System.Text.RegularExpressions.Regex.Replace(
            value, "(password|pwd)\\s*=[^;]*", "$1=***", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
    }
}
