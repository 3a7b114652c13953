using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenImr.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NoticeSentElectronically : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "notice_sent_electronically",
                table: "cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "notice_sent_electronically",
                table: "cases");
        }
    }
}
