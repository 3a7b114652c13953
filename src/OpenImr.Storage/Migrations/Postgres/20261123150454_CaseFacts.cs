using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenImr.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CaseFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_facts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    document_id = table.Column<int>(type: "integer", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    start = table.Column<int>(type: "integer", nullable: false),
                    end = table.Column<int>(type: "integer", nullable: false),
                    fact_json = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_facts", x => x.id);
                    table.ForeignKey(
                        name: "FK_case_facts_case_documents_document_id",
                        column: x => x.document_id,
                        principalTable: "case_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_injury_date_ur_denial_date",
                table: "cases",
                columns: new[] { "injury_date", "ur_denial_date" });

            migrationBuilder.CreateIndex(
                name: "IX_case_facts_case_id_kind",
                table: "case_facts",
                columns: new[] { "case_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "IX_case_facts_document_id",
                table: "case_facts",
                column: "document_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_facts");

            migrationBuilder.DropIndex(
                name: "IX_cases_injury_date_ur_denial_date",
                table: "cases");
        }
    }
}
