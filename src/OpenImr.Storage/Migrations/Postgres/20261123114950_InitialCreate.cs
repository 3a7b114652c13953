using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace OpenImr.Storage.Migrations.Postgres
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source = table.Column<string>(type: "text", nullable: true),
                    format = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    assigned_date = table.Column<DateOnly>(type: "date", nullable: true),
                    injury_date = table.Column<DateOnly>(type: "date", nullable: true),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: true),
                    ur_denial_date = table.Column<DateOnly>(type: "date", nullable: true),
                    application_received_date = table.Column<DateOnly>(type: "date", nullable: true),
                    priority = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    reviewer_licensure = table.Column<List<string>>(type: "text[]", nullable: false),
                    reviewer_specialties = table.Column<List<string>>(type: "text[]", nullable: false),
                    patient_age = table.Column<int>(type: "integer", nullable: true),
                    patient_sex = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    clinical_summary = table.Column<string>(type: "text", nullable: true),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    letter_json = table.Column<string>(type: "jsonb", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('english', coalesce(clinical_summary, ''))", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_letters", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "letter_items",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    letter_id = table.Column<int>(type: "integer", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    request = table.Column<string>(type: "text", nullable: false),
                    decision = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    service = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    guideline_source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    guideline_title = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    rationale = table.Column<string>(type: "text", nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "setweight(to_tsvector('english', coalesce(request, '')), 'A') || setweight(to_tsvector('english', coalesce(rationale, '')), 'B')", stored: true)
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
                name: "IX_letter_items_search_vector",
                table: "letter_items",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

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

            migrationBuilder.CreateIndex(
                name: "IX_letters_search_vector",
                table: "letters",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "letter_items");

            migrationBuilder.DropTable(
                name: "letters");
        }
    }
}
