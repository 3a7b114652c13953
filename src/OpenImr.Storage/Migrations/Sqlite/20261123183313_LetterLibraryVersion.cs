using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenImr.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LetterLibraryVersion : Migration
    {
        // One row whose version moves whenever a letter is added, changed or removed, by whatever writes it (the
        // importer, an upload, a script), so that statistics over the library are computed again only when it changed.
        // SQLite has row triggers only; one small update per letter written costs little next to indexing the letter.

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE letter_library (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);");
            migrationBuilder.Sql("INSERT INTO letter_library (id, version) VALUES (1, 0);");
            foreach (var change in new[] { "INSERT", "UPDATE", "DELETE" })
            {
                migrationBuilder.Sql(
                    $"CREATE TRIGGER letter_library_on_{change.ToLowerInvariant()} AFTER {change} ON letters " +
                    "BEGIN UPDATE letter_library SET version = version + 1 WHERE id = 1; END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var change in new[] { "insert", "update", "delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER letter_library_on_{change};");
            }

            migrationBuilder.Sql("DROP TABLE letter_library;");
        }
    }
}
