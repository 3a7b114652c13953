using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenImr.Storage.Migrations.Sqlite
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    document_id = table.Column<int>(type: "INTEGER", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    start = table.Column<int>(type: "INTEGER", nullable: false),
                    end = table.Column<int>(type: "INTEGER", nullable: false),
                    fact_json = table.Column<string>(type: "TEXT", nullable: false)
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
