using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenImr.Storage;

/// <summary>
/// The schema on SQLite, with its migrations in <c>Migrations/Sqlite</c>. The full-text index is the
/// FTS5 table <c>letter_item_search</c> over the view <c>letter_item_search_source</c> (external
/// content), created by raw SQL in the migration and kept in sync by <c>LetterStore</c>.
/// </summary>
public sealed class SqliteImrDbContext : ImrDbContext
{
    public SqliteImrDbContext(DbContextOptions<SqliteImrDbContext> options)
        : base(options)
    {
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without a host.</summary>
internal sealed class SqliteImrDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SqliteImrDbContext>
{
    public SqliteImrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteImrDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
