using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Governance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "custodial_keys",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    ProtectedSecret = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    LastExportedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_custodial_keys", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "delegations",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    DelegatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DelegateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UntilUnixMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delegations", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "governance_rules",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    QuorumBps = table.Column<int>(type: "INTEGER", nullable: false),
                    ThresholdBps = table.Column<int>(type: "INTEGER", nullable: false),
                    VotingPeriodHours = table.Column<int>(type: "INTEGER", nullable: false),
                    GracePeriodHours = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_governance_rules", x => new { x.CommunityId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "proposals",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    PayloadJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Strategy = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    QuorumBps = table.Column<int>(type: "INTEGER", nullable: false),
                    ThresholdBps = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    OpensAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    GraceEndsAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    CancelledAtUnixMs = table.Column<long>(type: "INTEGER", nullable: true),
                    SettledAtUnixMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    FailureCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    FailureDetail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ExecutionEntryNumber = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_proposals", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "votes",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Nonce = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 132, nullable: false),
                    Digest = table.Column<string>(type: "TEXT", maxLength: 66, nullable: false),
                    Custodial = table.Column<bool>(type: "INTEGER", nullable: false),
                    AtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_votes", x => new { x.CommunityId, x.ProposalNumber, x.Sequence });
                });

            migrationBuilder.CreateTable(
                name: "wallet_links",
                columns: table => new
                {
                    Address = table.Column<string>(type: "TEXT", maxLength: 42, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    LinkedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wallet_links", x => x.Address);
                });

            migrationBuilder.CreateIndex(
                name: "IX_custodial_keys_Address",
                table: "custodial_keys",
                column: "Address",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_delegations_CommunityId_DelegatorId_UntilUnixMs",
                table: "delegations",
                columns: new[] { "CommunityId", "DelegatorId", "UntilUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_proposals_Outcome_GraceEndsAtUnixMs",
                table: "proposals",
                columns: new[] { "Outcome", "GraceEndsAtUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_votes_CommunityId_ProposalNumber_PersonId_Nonce",
                table: "votes",
                columns: new[] { "CommunityId", "ProposalNumber", "PersonId", "Nonce" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wallet_links_PersonId",
                table: "wallet_links",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "custodial_keys");

            migrationBuilder.DropTable(
                name: "delegations");

            migrationBuilder.DropTable(
                name: "governance_rules");

            migrationBuilder.DropTable(
                name: "proposals");

            migrationBuilder.DropTable(
                name: "votes");

            migrationBuilder.DropTable(
                name: "wallet_links");
        }
    }
}
