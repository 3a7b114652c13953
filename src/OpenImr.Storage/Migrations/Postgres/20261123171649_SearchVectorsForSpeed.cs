using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenImr.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchVectorsForSpeed : Migration
    {
        private const string ItemVector =
            "setweight(to_tsvector('english', coalesce(request, '')), 'A') || setweight(to_tsvector('english', 'the ' || coalesce(rationale, '')), 'B')";

        private const string OldItemVector =
            "setweight(to_tsvector('english', coalesce(request, '')), 'A') || setweight(to_tsvector('english', coalesce(rationale, '')), 'B')";

        private const string LetterVector = "to_tsvector('english', coalesce(clinical_summary, ''))";

        // Written by hand: EF would alter the generated column in place, which PostgreSQL 15 cannot do, and would not
        // recreate its index. Each column is dropped and added again (one rewrite of the table), then indexed.
        // - letter_items: a stop word before the rationale keeps a phrase from matching across request and rationale.
        // - letters: the summary's vector is kept in the row (compressed) instead of out of line. A search ranks every
        //   letter whose summary matches and reads each vector (about 1.7 kB compressed): out of line that is four
        //   more page reads a letter. Setting the storage in the same statement as the column means the rewrite
        //   already stores the vectors in line.

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE letter_items DROP COLUMN search_vector;");
            migrationBuilder.Sql($"ALTER TABLE letter_items ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({ItemVector}) STORED;");
            migrationBuilder.Sql("CREATE INDEX \"IX_letter_items_search_vector\" ON letter_items USING GIN (search_vector);");
            migrationBuilder.Sql("ALTER TABLE letters DROP COLUMN search_vector;");
            migrationBuilder.Sql(
                $"ALTER TABLE letters ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({LetterVector}) STORED, ALTER COLUMN search_vector SET STORAGE MAIN;");
            migrationBuilder.Sql("CREATE INDEX \"IX_letters_search_vector\" ON letters USING GIN (search_vector);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE letter_items DROP COLUMN search_vector;");
            migrationBuilder.Sql($"ALTER TABLE letter_items ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({OldItemVector}) STORED;");
            migrationBuilder.Sql("CREATE INDEX \"IX_letter_items_search_vector\" ON letter_items USING GIN (search_vector);");
            migrationBuilder.Sql("ALTER TABLE letters DROP COLUMN search_vector;");
            migrationBuilder.Sql($"ALTER TABLE letters ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({LetterVector}) STORED;");
            migrationBuilder.Sql("CREATE INDEX \"IX_letters_search_vector\" ON letters USING GIN (search_vector);");
        }
    }
}
