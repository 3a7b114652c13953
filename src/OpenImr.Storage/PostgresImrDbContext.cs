using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NpgsqlTypes;
using OpenImr.Storage.Letters;

namespace OpenImr.Storage;

/// <summary>
/// The schema on PostgreSQL, with its migrations in <c>Migrations/Postgres</c>. Full-text search
/// uses stored generated <c>tsvector</c> columns with GIN indexes: <c>letter_items.search_vector</c>
/// (request weighted A, rationale B) and <c>letters.search_vector</c> (clinical summary).
/// </summary>
public sealed class PostgresImrDbContext : ImrDbContext
{
    /// <summary>The text search configuration; SQLite's FTS5 uses the matching Porter stemmer.</summary>
    internal const string TextSearchConfig = "english";

    public PostgresImrDbContext(DbContextOptions<PostgresImrDbContext> options)
        : base(options)
    {
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<StoredLetter>(letter =>
        {
            letter.Property(l => l.LetterJson).HasColumnType("jsonb");
            letter.Property<NpgsqlTsVector>("SearchVector")
                .HasColumnName("search_vector")
                .HasComputedColumnSql($"to_tsvector('{TextSearchConfig}', coalesce(clinical_summary, ''))", stored: true);
            letter.HasIndex("SearchVector").HasMethod("GIN");
        });

        modelBuilder.Entity<StoredLetterItem>(item =>
        {
            // Note that || puts the rationale's first word right after the request's last, where a phrase could match
            // across the two; a stop word before the rationale leaves a gap, as FTS5's columns do.
            item.Property<NpgsqlTsVector>("SearchVector")
                .HasColumnName("search_vector")
                .HasComputedColumnSql(
                    $"setweight(to_tsvector('{TextSearchConfig}', coalesce(request, '')), 'A') || " +
                    $"setweight(to_tsvector('{TextSearchConfig}', 'the ' || coalesce(rationale, '')), 'B')",
                    stored: true);
            item.HasIndex("SearchVector").HasMethod("GIN");
        });
    }
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server (generating migrations never connects).</summary>
internal sealed class PostgresImrDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgresImrDbContext>
{
    public PostgresImrDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresImrDbContext>().UseNpgsql("Host=localhost;Database=imr_design_time").Options);
}
