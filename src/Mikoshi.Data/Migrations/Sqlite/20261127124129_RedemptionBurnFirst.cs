using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RedemptionBurnFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "chain_outbox",
                type: "TEXT",
                maxLength: 42,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Serial",
                table: "chain_events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_chain_events_CommunityId_Serial",
                table: "chain_events",
                columns: new[] { "CommunityId", "Serial" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_chain_events_CommunityId_Serial",
                table: "chain_events");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "chain_outbox");

            migrationBuilder.DropColumn(
                name: "Serial",
                table: "chain_events");
        }
    }
}
