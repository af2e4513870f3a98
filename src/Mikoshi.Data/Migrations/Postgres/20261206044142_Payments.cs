using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Payments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bank_lines",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    Identity = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    BookedOn = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Payer = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    PaymentNumber = table.Column<long>(type: "bigint", nullable: true),
                    ImportedAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bank_lines", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "dues_subscriptions",
                columns: table => new
                {
                    SubscriptionId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StatusEventCreatedUnix = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dues_subscriptions", x => x.SubscriptionId);
                });

            migrationBuilder.CreateTable(
                name: "payment_settings",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    DuesPriceId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DuesAmount = table.Column<long>(type: "bigint", nullable: false),
                    BankAccount = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CsvMapping = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_settings", x => x.CommunityId);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    Purpose = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Flag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Asset = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Fee = table.Column<long>(type: "bigint", nullable: false),
                    Reversed = table.Column<long>(type: "bigint", nullable: false),
                    Disputed = table.Column<long>(type: "bigint", nullable: false),
                    Reference = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PaymentIntent = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProjectNumber = table.Column<long>(type: "bigint", nullable: true),
                    MaxPrice = table.Column<long>(type: "bigint", nullable: true),
                    TokenSerial = table.Column<long>(type: "bigint", nullable: true),
                    EntryNumber = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    PaidAtUnixMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "sale_links",
                columns: table => new
                {
                    PaymentLinkId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectNumber = table.Column<long>(type: "bigint", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sale_links", x => x.PaymentLinkId);
                });

            migrationBuilder.CreateTable(
                name: "stripe_events",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Chain = table.Column<Guid>(type: "uuid", nullable: false),
                    AuditSequence = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CreatedUnix = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stripe_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "transfer_codes",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    JoinMaxPrice = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transfer_codes", x => new { x.CommunityId, x.PersonId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_bank_lines_CommunityId_Identity",
                table: "bank_lines",
                columns: new[] { "CommunityId", "Identity" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_bank_lines_CommunityId_State",
                table: "bank_lines",
                columns: new[] { "CommunityId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_dues_subscriptions_CommunityId_PersonId",
                table: "dues_subscriptions",
                columns: new[] { "CommunityId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_CommunityId_PersonId",
                table: "payments",
                columns: new[] { "CommunityId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_payments_PaymentIntent",
                table: "payments",
                column: "PaymentIntent");

            migrationBuilder.CreateIndex(
                name: "IX_payments_Reference",
                table: "payments",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transfer_codes_CommunityId_Code",
                table: "transfer_codes",
                columns: new[] { "CommunityId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_lines");

            migrationBuilder.DropTable(
                name: "dues_subscriptions");

            migrationBuilder.DropTable(
                name: "payment_settings");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "sale_links");

            migrationBuilder.DropTable(
                name: "stripe_events");

            migrationBuilder.DropTable(
                name: "transfer_codes");
        }
    }
}
