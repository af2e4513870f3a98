using System;
using System.Numerics;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TreasuryPools : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "HoldingsChangedAtUnixMs",
                table: "communities",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "token_units",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Serial = table.Column<long>(type: "bigint", nullable: false),
                    Asset = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Holds = table.Column<BigInteger>(type: "numeric(39,0)", nullable: false),
                    Mark = table.Column<BigInteger>(type: "numeric(39,0)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_token_units", x => new { x.CommunityId, x.Serial, x.Asset });
                });

            migrationBuilder.CreateTable(
                name: "treasury_pools",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Asset = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Units = table.Column<BigInteger>(type: "numeric(39,0)", nullable: false),
                    IssuedPerToken = table.Column<BigInteger>(type: "numeric(39,0)", nullable: false),
                    Unowned = table.Column<BigInteger>(type: "numeric(39,0)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_treasury_pools", x => new { x.CommunityId, x.Asset });
                });

            // Existing communities move to share accounting with every balance exact: each token in circulation
            // receives an equal share of each treasury pool as it stands (TreasuryPool.UnitsPerToken units), and a
            // community with no token keeps its treasury unowned. The base asset gets its pool even at a zero balance,
            // so that every token holds base units like every token minted from now on.
            migrationBuilder.Sql("""
                INSERT INTO treasury_pools ("CommunityId", "Asset", "Units", "IssuedPerToken", "Unowned")
                SELECT b."CommunityId", b."Asset",
                       CASE WHEN c."Supply" > 0 THEN c."Supply" * 1000000000000 ELSE 0 END,
                       CASE WHEN c."Supply" > 0 THEN 1000000000000 ELSE 0 END,
                       CASE WHEN c."Supply" > 0 THEN 0 ELSE b."Units" END
                FROM balances b JOIN communities c ON c."Id" = b."CommunityId"
                WHERE b."Account" = 'treasury';
                """);
            migrationBuilder.Sql("""
                INSERT INTO treasury_pools ("CommunityId", "Asset", "Units", "IssuedPerToken", "Unowned")
                SELECT c."Id", c."BaseAsset", c."Supply" * 1000000000000, 1000000000000, 0
                FROM communities c
                WHERE c."Supply" > 0
                  AND NOT EXISTS (SELECT 1 FROM treasury_pools p WHERE p."CommunityId" = c."Id" AND p."Asset" = c."BaseAsset");
                """);
            migrationBuilder.Sql("""
                UPDATE communities SET "HoldingsChangedAtUnixMs" =
                    COALESCE((SELECT MAX(h."AtUnixMs") FROM holdings_checkpoints h WHERE h."CommunityId" = communities."Id"), 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "token_units");

            migrationBuilder.DropTable(
                name: "treasury_pools");

            migrationBuilder.DropColumn(
                name: "HoldingsChangedAtUnixMs",
                table: "communities");
        }
    }
}
