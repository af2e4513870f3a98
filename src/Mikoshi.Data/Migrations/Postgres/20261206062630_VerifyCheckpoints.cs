using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Postgres
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
                    Chain = table.Column<Guid>(type: "uuid", nullable: false),
                    AuditSequence = table.Column<long>(type: "bigint", nullable: false),
                    AuditHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntryNumber = table.Column<long>(type: "bigint", nullable: false),
                    BalanceCount = table.Column<long>(type: "bigint", nullable: false),
                    BalancesHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AtUnixMs = table.Column<long>(type: "bigint", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Signature = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
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
