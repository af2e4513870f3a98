using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TaxLlcWalletFeedsTimeZones : Migration
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

            migrationBuilder.AddColumn<bool>(
                name: "ArticlesProvideInheritance",
                table: "communities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "LlcDao",
                table: "communities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "communities",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "book_accounts",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_book_accounts", x => new { x.CommunityId, x.Key });
                });

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

            migrationBuilder.CreateTable(
                name: "community_tax",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequireTaxStatus = table.Column<bool>(type: "INTEGER", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    DefaultKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HalfYearly = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_tax", x => x.CommunityId);
                });

            migrationBuilder.CreateTable(
                name: "llc_members",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApprovedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_llc_members", x => new { x.CommunityId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "payee_kinds",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payee_kinds", x => new { x.CommunityId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "payout_lines",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BatchNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true),
                    Gross = table.Column<string>(type: "TEXT", nullable: false),
                    Withheld = table.Column<string>(type: "TEXT", nullable: false),
                    Net = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payout_lines", x => new { x.CommunityId, x.BatchNumber, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "tax_profiles",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    LegalName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    InvoiceNumber = table.Column<string>(type: "TEXT", maxLength: 14, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tax_profiles", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "withholding_payments",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Amount = table.Column<string>(type: "TEXT", nullable: false),
                    EntryNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidById = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_withholding_payments", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateIndex(
                name: "IX_calendar_tokens_PersonId",
                table: "calendar_tokens",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_payout_lines_CommunityId_PersonId",
                table: "payout_lines",
                columns: new[] { "CommunityId", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "book_accounts");

            migrationBuilder.DropTable(
                name: "calendar_tokens");

            migrationBuilder.DropTable(
                name: "community_tax");

            migrationBuilder.DropTable(
                name: "llc_members");

            migrationBuilder.DropTable(
                name: "payee_kinds");

            migrationBuilder.DropTable(
                name: "payout_lines");

            migrationBuilder.DropTable(
                name: "tax_profiles");

            migrationBuilder.DropTable(
                name: "withholding_payments");

            migrationBuilder.DropColumn(
                name: "LinkMessage",
                table: "wallet_links");

            migrationBuilder.DropColumn(
                name: "LinkSignature",
                table: "wallet_links");

            migrationBuilder.DropColumn(
                name: "ArticlesProvideInheritance",
                table: "communities");

            migrationBuilder.DropColumn(
                name: "LlcDao",
                table: "communities");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "communities");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "AspNetUsers");
        }
    }
}
