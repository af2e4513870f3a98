using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Postgres
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
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkSignature",
                table: "wallet_links",
                type: "character varying(132)",
                maxLength: 132,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Signature",
                table: "votes",
                type: "character varying(2082)",
                maxLength: 2082,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(132)",
                oldMaxLength: 132);

            migrationBuilder.CreateTable(
                name: "calendar_tokens",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAtUnixMs = table.Column<long>(type: "bigint", nullable: true)
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

            migrationBuilder.AlterColumn<string>(
                name: "Signature",
                table: "votes",
                type: "character varying(132)",
                maxLength: 132,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(2082)",
                oldMaxLength: 2082);
        }
    }
}
