using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Revenue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CapHolderDistributions",
                table: "communities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HolderShareToTreasury",
                table: "communities",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RevenueHolderBps",
                table: "communities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1000);

            migrationBuilder.AddColumn<int>(
                name: "RevenueReserveBps",
                table: "communities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Communities founded before revenue existed start on the default policy (20% treasury, 10% holders).
            migrationBuilder.AddColumn<int>(
                name: "RevenueTreasuryBps",
                table: "communities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2000);

            migrationBuilder.AddColumn<long>(
                name: "Supply",
                table: "communities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // The supply counter starts from the tokens already in circulation.
            migrationBuilder.Sql("UPDATE communities SET \"Supply\" = (SELECT COUNT(*) FROM tokens WHERE tokens.\"CommunityId\" = communities.\"Id\" AND tokens.\"BurnedAtUnixMs\" IS NULL)");

            migrationBuilder.CreateTable(
                name: "bank_accounts",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BankCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BranchCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    BranchName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AccountType = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    HolderName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bank_accounts", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "claims",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Amount = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    BatchNumber = table.Column<long>(type: "INTEGER", nullable: true),
                    AtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryNumber = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_claims", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "holder_payments",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Received = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holder_payments", x => new { x.CommunityId, x.PersonId, x.Asset });
                });

            migrationBuilder.CreateTable(
                name: "holder_pools",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PerTokenScaled = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CarryScaled = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_holder_pools", x => new { x.CommunityId, x.Asset });
                });

            migrationBuilder.CreateTable(
                name: "payout_batches",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Total = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    TransferDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidById = table.Column<Guid>(type: "TEXT", nullable: true),
                    PaidAtUnixMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payout_batches", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "payout_senders",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    BankCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BranchCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    BranchName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AccountType = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountNumber = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payout_senders", x => x.CommunityId);
                });

            migrationBuilder.CreateTable(
                name: "project_funding",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Granted = table.Column<string>(type: "TEXT", nullable: false),
                    Outstanding = table.Column<string>(type: "TEXT", nullable: false),
                    Recouped = table.Column<string>(type: "TEXT", nullable: false),
                    RecoupRateBps = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_funding", x => new { x.CommunityId, x.ProjectNumber, x.Asset });
                });

            migrationBuilder.CreateTable(
                name: "project_grants",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    ProjectNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Amount = table.Column<string>(type: "TEXT", nullable: false),
                    RecoupRateBps = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryNumber = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_project_grants", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "revenue",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false),
                    ProjectNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Amount = table.Column<string>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OccurredAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Recouped = table.Column<string>(type: "TEXT", nullable: false),
                    Treasury = table.Column<string>(type: "TEXT", nullable: false),
                    Holders = table.Column<string>(type: "TEXT", nullable: false),
                    Reserve = table.Column<string>(type: "TEXT", nullable: false),
                    Contributors = table.Column<string>(type: "TEXT", nullable: false),
                    HolderSupply = table.Column<long>(type: "INTEGER", nullable: false),
                    EntryNumber = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_revenue", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "split_agreements",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    InForceAtUnixMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_split_agreements", x => new { x.CommunityId, x.ProjectNumber, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "token_accruals",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Serial = table.Column<long>(type: "INTEGER", nullable: false),
                    Asset = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PaidScaled = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_token_accruals", x => new { x.CommunityId, x.Serial, x.Asset });
                });

            migrationBuilder.CreateTable(
                name: "split_agreement_parties",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Weight = table.Column<long>(type: "INTEGER", nullable: false),
                    FixedBps = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_split_agreement_parties", x => new { x.CommunityId, x.ProjectNumber, x.Version, x.Index });
                    table.ForeignKey(
                        name: "FK_split_agreement_parties_split_agreements_CommunityId_ProjectNumber_Version",
                        columns: x => new { x.CommunityId, x.ProjectNumber, x.Version },
                        principalTable: "split_agreements",
                        principalColumns: new[] { "CommunityId", "ProjectNumber", "Version" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_claims_CommunityId_Asset_State",
                table: "claims",
                columns: new[] { "CommunityId", "Asset", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_claims_CommunityId_PersonId",
                table: "claims",
                columns: new[] { "CommunityId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_project_grants_CommunityId_ProjectNumber",
                table: "project_grants",
                columns: new[] { "CommunityId", "ProjectNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_revenue_CommunityId_ProjectNumber",
                table: "revenue",
                columns: new[] { "CommunityId", "ProjectNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_accounts");

            migrationBuilder.DropTable(
                name: "claims");

            migrationBuilder.DropTable(
                name: "holder_payments");

            migrationBuilder.DropTable(
                name: "holder_pools");

            migrationBuilder.DropTable(
                name: "payout_batches");

            migrationBuilder.DropTable(
                name: "payout_senders");

            migrationBuilder.DropTable(
                name: "project_funding");

            migrationBuilder.DropTable(
                name: "project_grants");

            migrationBuilder.DropTable(
                name: "revenue");

            migrationBuilder.DropTable(
                name: "split_agreement_parties");

            migrationBuilder.DropTable(
                name: "token_accruals");

            migrationBuilder.DropTable(
                name: "split_agreements");

            migrationBuilder.DropColumn(
                name: "CapHolderDistributions",
                table: "communities");

            migrationBuilder.DropColumn(
                name: "HolderShareToTreasury",
                table: "communities");

            migrationBuilder.DropColumn(
                name: "RevenueHolderBps",
                table: "communities");

            migrationBuilder.DropColumn(
                name: "RevenueReserveBps",
                table: "communities");

            migrationBuilder.DropColumn(
                name: "RevenueTreasuryBps",
                table: "communities");

            migrationBuilder.DropColumn(
                name: "Supply",
                table: "communities");
        }
    }
}
