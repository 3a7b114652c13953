using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenImr.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "letters",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    case_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "TEXT", nullable: true),
                    format = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    assigned_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    injury_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    decision_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ur_denial_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    application_received_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    reviewer_licensure = table.Column<string>(type: "TEXT", nullable: false),
                    reviewer_specialties = table.Column<string>(type: "TEXT", nullable: false),
                    patient_age = table.Column<int>(type: "INTEGER", nullable: true),
                    patient_sex = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    clinical_summary = table.Column<string>(type: "TEXT", nullable: true),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    letter_json = table.Column<string>(type: "TEXT", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "letter_items",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    letter_id = table.Column<int>(type: "INTEGER", nullable: false),
                    ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    request = table.Column<string>(type: "TEXT", nullable: false),
                    decision = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    service = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    guideline_source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    guideline_title = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    rationale = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letter_items", x => x.id);
                    table.ForeignKey(
                        name: "FK_letter_items_letters_letter_id",
                        column: x => x.letter_id,
                        principalTable: "letters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_letter_items_decision",
                table: "letter_items",
                column: "decision");

            migrationBuilder.CreateIndex(
                name: "IX_letter_items_guideline_source_guideline_title",
                table: "letter_items",
                columns: new[] { "guideline_source", "guideline_title" });

            migrationBuilder.CreateIndex(
                name: "IX_letter_items_letter_id_ordinal",
                table: "letter_items",
                columns: new[] { "letter_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_letter_items_service",
                table: "letter_items",
                column: "service");

            migrationBuilder.CreateIndex(
                name: "IX_letters_case_number",
                table: "letters",
                column: "case_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_letters_decision_date",
                table: "letters",
                column: "decision_date");

            // Full-text index (hand-written; EF does not model FTS5). External content: the index keeps
            // no copy of the text, it reads request, rationale and the letter's clinical summary through
            // the view. LetterStore removes and adds a letter's rows in the same transaction as the
            // letter itself ('delete' needs the indexed values, so it runs before the rows change).
            migrationBuilder.Sql("""
                CREATE VIEW letter_item_search_source AS
                SELECT i.id AS id, i.letter_id AS letter_id, i.request AS request, i.rationale AS rationale,
                       l.clinical_summary AS summary
                FROM letter_items AS i JOIN letters AS l ON l.id = i.letter_id;
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE letter_item_search USING fts5(
                    request, rationale, summary,
                    content = 'letter_item_search_source', content_rowid = 'id',
                    tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE letter_item_search;");
            migrationBuilder.Sql("DROP VIEW letter_item_search_source;");

            migrationBuilder.DropTable(
                name: "letter_items");

            migrationBuilder.DropTable(
                name: "letters");
        }
    }
}
