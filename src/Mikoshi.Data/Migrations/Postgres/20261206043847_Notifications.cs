using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Mikoshi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Notifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "channel_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChannelNumber = table.Column<long>(type: "bigint", nullable: false),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    LeaseUntilUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    LastStatus = table.Column<int>(type: "integer", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SentAtUnixMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channel_deliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "community_channels",
                columns: table => new
                {
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Label = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    SealedUrl = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SealedSecret = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Enabled = table.Column<bool>(type: "boolean", nullable: false),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    DisabledReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAtUnixMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_channels", x => new { x.CommunityId, x.Number });
                });

            migrationBuilder.CreateTable(
                name: "digests",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SentAtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    Items = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_digests", x => new { x.PersonId, x.Period });
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Recipients = table.Column<string>(type: "text", nullable: true),
                    PayloadJson = table.Column<string>(type: "text", nullable: false),
                    OnceKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    DispatchedAtUnixMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notification_profiles",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_profiles", x => x.PersonId);
                });

            migrationBuilder.CreateTable(
                name: "notification_settings",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Delivery = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_settings", x => new { x.PersonId, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    CommunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PayloadJson = table.Column<string>(type: "text", nullable: false),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    ReadAtUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    MailState = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DigestPeriod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DigestDueUnixMs = table.Column<long>(type: "bigint", nullable: true),
                    Digested = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unsubscribe_tokens",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    CreatedAtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    UsedAtUnixMs = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unsubscribe_tokens", x => x.TokenHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_channel_deliveries_CommunityId_ChannelNumber_EventId",
                table: "channel_deliveries",
                columns: new[] { "CommunityId", "ChannelNumber", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_channel_deliveries_State_NextAttemptAtUnixMs",
                table: "channel_deliveries",
                columns: new[] { "State", "NextAttemptAtUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_events_CommunityId_Id",
                table: "events",
                columns: new[] { "CommunityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_events_DispatchedAtUnixMs",
                table: "events",
                column: "DispatchedAtUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_events_OnceKey",
                table: "events",
                column: "OnceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notification_settings_Kind",
                table: "notification_settings",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_Digested_DigestDueUnixMs",
                table: "notifications",
                columns: new[] { "Digested", "DigestDueUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_EventId_PersonId",
                table: "notifications",
                columns: new[] { "EventId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_MailState",
                table: "notifications",
                column: "MailState");

            migrationBuilder.CreateIndex(
                name: "IX_notifications_PersonId_Id",
                table: "notifications",
                columns: new[] { "PersonId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_notifications_PersonId_ReadAtUnixMs",
                table: "notifications",
                columns: new[] { "PersonId", "ReadAtUnixMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channel_deliveries");

            migrationBuilder.DropTable(
                name: "community_channels");

            migrationBuilder.DropTable(
                name: "digests");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "notification_profiles");

            migrationBuilder.DropTable(
                name: "notification_settings");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "unsubscribe_tokens");
        }
    }
}
