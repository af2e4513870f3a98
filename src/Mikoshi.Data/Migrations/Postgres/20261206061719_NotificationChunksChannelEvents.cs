using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NotificationChunksChannelEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CommunityId",
                table: "unsubscribe_tokens",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExpandCursor",
                table: "events",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kinds",
                table: "community_channels",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CommunityId",
                table: "unsubscribe_tokens");

            migrationBuilder.DropColumn(
                name: "ExpandCursor",
                table: "events");

            migrationBuilder.DropColumn(
                name: "Kinds",
                table: "community_channels");
        }
    }
}
