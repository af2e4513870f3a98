using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ChainHeads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "chain_counters",
                columns: table => new
                {
                    Chain = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_counters", x => new { x.Chain, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "chain_heads",
                columns: table => new
                {
                    Chain = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    LastEntryNumber = table.Column<long>(type: "bigint", nullable: false),
                    AuditSequence = table.Column<long>(type: "bigint", nullable: false),
                    AuditHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false),
                    RoleHolders = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chain_heads", x => x.Chain);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "chain_counters");

            migrationBuilder.DropTable(
                name: "chain_heads");
        }
    }
}
