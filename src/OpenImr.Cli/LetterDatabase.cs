using System.CommandLine;
using OpenImr.Domain.Clinical;
using OpenImr.Domain.Letters;
using OpenImr.Storage;
using OpenImr.Storage.Letters;

namespace OpenImr.Cli;

/// <summary>The <c>--db</c> option shared by the corpus commands, and the store it opens.</summary>
internal static class LetterDatabase
{
    public static Option<string?> Option() => new("--db")
    {
        Description = $"A SQLite file (default: {DatabaseTarget.DefaultSqliteFile} in the current folder), " +
            "a PostgreSQL connection string (Host=...;Database=...) or a postgresql:// URL.",
        HelpName = "CONNECTION",
    };

    /// <summary>Reads <c>--db</c>; on a bad value writes why to <paramref name="stderr"/> and returns null.</summary>
    public static DatabaseTarget? Parse(string? value, string command, TextWriter stderr)
    {
        try
        {
            return DatabaseTarget.Parse(value);
        }
        catch (FormatException e)
        {
            stderr.WriteLine($"imr {command}: --db: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// For the commands that only read: a SQLite file that does not exist yet holds no letters, and
    /// creating it would hide a mistyped path.
    /// </summary>
    public static bool ExistsForReading(DatabaseTarget target, string command, TextWriter stderr)
    {
        if (target.Provider == DatabaseProvider.Sqlite && !File.Exists(target.Description))
        {
            stderr.WriteLine($"imr {command}: {target.Description}: no such database; import letters first (imr import PATH --db {target.Description}) or check --db.");
            return false;
        }

        return true;
    }

    public static LetterStore Open(DatabaseTarget target, int batchSize = 200) =>
        new(target, new LetterStoreOptions { ClassifyService = ClassifyService, BatchSize = batchSize });

    /// <summary>The item's service as <c>FAMILY/KIND</c>, by the Domain's request parser (or as <see cref="Classify"/> found it).</summary>
    public static string ClassifyService(LetterItem item) =>
        Services.TryGetValue(item, out var service) ? service : RequestParser.Parse(item.Request).Service.ToString();

    /// <summary>
    /// Classifies a letter's items ahead, on the reader's threads, so that the single writer thread
    /// only looks them up. Keyed by the item instance, and dropped with it.
    /// </summary>
    public static void Classify(Letter letter)
    {
        foreach (var item in letter.Items)
        {
            Services.AddOrUpdate(item, RequestParser.Parse(item.Request).Service.ToString());
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<LetterItem, string> Services = [];

    /// <summary>Whether a database failure is the server's or the file's (reported), not a programming error.</summary>
    public static bool IsDatabaseFailure(Exception e) =>
        e is System.Data.Common.DbException or InvalidOperationException or TimeoutException or IOException or UnauthorizedAccessException;
}
