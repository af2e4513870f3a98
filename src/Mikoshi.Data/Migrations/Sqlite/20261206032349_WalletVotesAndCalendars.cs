using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WalletVotesAndCalendars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LinkMessage",
                table: "wallet_links",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkSignature",
                table: "wallet_links",
                type: "TEXT",
                maxLength: 132,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "calendar_tokens",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_tokens", x => x.TokenHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_calendar_tokens_PersonId",
                table: "calendar_tokens",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "calendar_tokens");

            migrationBuilder.DropColumn(
                name: "LinkMessage",
                table: "wallet_links");

            migrationBuilder.DropColumn(
                name: "LinkSignature",
                table: "wallet_links");
        }
    }
}
