using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class VerifyCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "verify_checkpoints",
                columns: table => new
                {
                    Chain = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuditSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    AuditHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntryNumber = table.Column<long>(type: "INTEGER", nullable: false),
                    BalanceCount = table.Column<long>(type: "INTEGER", nullable: false),
                    BalancesHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_verify_checkpoints", x => x.Chain);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "verify_checkpoints");
        }
    }
}
