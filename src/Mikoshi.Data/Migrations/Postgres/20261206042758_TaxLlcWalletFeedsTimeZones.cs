using System;
using System.Numerics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Postgres
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

            migrationBuilder.AddColumn<bool>(
                name: "ArticlesProvideInheritance",
                table: "communities",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "LlcDao",
                table: "communities",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "communities",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "AspNetUsers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "book_accounts",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_book_accounts", x => new { x.CommunityId, x.Key });
                });

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

            migrationBuilder.CreateTable(
                name: "community_tax",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequireTaxStatus = table.Column<bool>(type: "boolean", nullable: false),
                    InvoiceNumber = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    DefaultKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HalfYearly = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_tax", x => x.CommunityId);
                });

            migrationBuilder.CreateTable(
                name: "llc_members",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ApprovedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ApprovedAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_llc_members", x => new { x.CommunityId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "payee_kinds",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payee_kinds", x => new { x.CommunityId, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "payout_lines",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    BatchNumber = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Asset = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    InvoiceNumber = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    Gross = table.Column<BigInteger>(type: "numeric(39,0)", nullable: false),
                    Withheld = table.Column<BigInteger>(type: "numeric(39,0)", nullable: false),
                    Net = table.Column<BigInteger>(type: "numeric(39,0)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payout_lines", x => new { x.CommunityId, x.BatchNumber, x.PersonId });
                });

            migrationBuilder.CreateTable(
                name: "tax_profiles",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    LegalName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    InvoiceNumber = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tax_profiles", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "withholding_payments",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    Period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Amount = table.Column<BigInteger>(type: "numeric(39,0)", nullable: false),
                    EntryNumber = table.Column<long>(type: "bigint", nullable: false),
                    PaidById = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false)
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
