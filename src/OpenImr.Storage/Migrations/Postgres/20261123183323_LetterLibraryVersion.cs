using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenImr.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LetterLibraryVersion : Migration
    {
        // One row whose version moves whenever letters are added, changed or removed, by whatever writes them (the
        // importer's COPY, an upload, a script), so that statistics over the library are computed again only when it
        // changed. A statement trigger fires once per statement, not once per letter.

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE TABLE letter_library (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);");
            migrationBuilder.Sql("INSERT INTO letter_library (id, version) VALUES (1, 0);");
            migrationBuilder.Sql("""
                CREATE FUNCTION letter_library_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE letter_library SET version = version + 1 WHERE id = 1;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql(
                "CREATE TRIGGER letter_library_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON letters " +
                "FOR EACH STATEMENT EXECUTE FUNCTION letter_library_changed();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER letter_library_changed ON letters;");
            migrationBuilder.Sql("DROP FUNCTION letter_library_changed();");
            migrationBuilder.Sql("DROP TABLE letter_library;");
        }
    }
}
