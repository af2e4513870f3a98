using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Chain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chain_blocks",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_blocks", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "chain_deployments",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChainId = table.Column<long>(type: "INTEGER", nullable: false),
                    Membership = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Claims = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Operator = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    DeployedBlock = table.Column<long>(type: "INTEGER", nullable: false),
                    DeployedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    IndexedBlock = table.Column<long>(type: "INTEGER", nullable: false),
                    IndexedBlockHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_deployments", x => x.CommunityId);
                });

            migrationBuilder.CreateTable(
                name: "chain_entitlements",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Epoch = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Cumulative = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_entitlements", x => new { x.CommunityId, x.Asset, x.Epoch, x.Address });
                });

            migrationBuilder.CreateTable(
                name: "chain_epochs",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Epoch = table.Column<long>(type: "INTEGER", nullable: false),
                    Root = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false),
                    Total = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Funding = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PreparedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_epochs", x => new { x.CommunityId, x.Asset, x.Epoch });
                });

            migrationBuilder.CreateTable(
                name: "chain_events",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BlockHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false),
                    LogIndex = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    TransactionHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_events", x => new { x.CommunityId, x.BlockHash, x.LogIndex });
                });

            migrationBuilder.CreateTable(
                name: "chain_outbox",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Serial = table.Column<long>(type: "INTEGER", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    Epoch = table.Column<long>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    TransactionHash = table.Column<string>(type: "TEXT", maxLength: 66, nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_outbox", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateIndex(
                name: "IX_chain_events_CommunityId_BlockNumber",
                table: "chain_events",
                columns: new[] { "CommunityId", "BlockNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_chain_outbox_CommunityId_State",
                table: "chain_outbox",
                columns: new[] { "CommunityId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chain_blocks");

            migrationBuilder.DropTable(
                name: "chain_deployments");

            migrationBuilder.DropTable(
                name: "chain_entitlements");

            migrationBuilder.DropTable(
                name: "chain_epochs");

            migrationBuilder.DropTable(
                name: "chain_events");

            migrationBuilder.DropTable(
                name: "chain_outbox");
        }
    }
}
