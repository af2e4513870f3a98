using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BinaryHashes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each hash's 64 hex digits become the 32 bytes they spell, before EF rebuilds the tables with BLOB columns; text
            // that is not hex becomes NULL and fails the migration on its NOT NULL column. A run stopped between EF's
            // rebuild transactions is run again whole at the next start, as BinaryIds is.
            migrationBuilder.Sql("""
                DROP TABLE IF EXISTS "ef_temp_audit_log";
                DROP TABLE IF EXISTS "ef_temp_chain_heads";
                DROP TABLE IF EXISTS "ef_temp_idempotency_keys";
                DROP TABLE IF EXISTS "ef_temp_verify_checkpoints";
                UPDATE "audit_log" SET "Hash" = CASE WHEN typeof("Hash") = 'text' THEN unhex("Hash") ELSE "Hash" END, "PreviousHash" = CASE WHEN typeof("PreviousHash") = 'text' THEN unhex("PreviousHash") ELSE "PreviousHash" END;
                UPDATE "chain_heads" SET "AuditHash" = CASE WHEN typeof("AuditHash") = 'text' THEN unhex("AuditHash") ELSE "AuditHash" END;
                UPDATE "idempotency_keys" SET "RequestHash" = CASE WHEN typeof("RequestHash") = 'text' THEN unhex("RequestHash") ELSE "RequestHash" END;
                UPDATE "verify_checkpoints" SET "AuditHash" = CASE WHEN typeof("AuditHash") = 'text' THEN unhex("AuditHash") ELSE "AuditHash" END, "BalancesHash" = CASE WHEN typeof("BalancesHash") = 'text' THEN unhex("BalancesHash") ELSE "BalancesHash" END, "Signature" = CASE WHEN typeof("Signature") = 'text' THEN unhex("Signature") ELSE "Signature" END;
                """);

            migrationBuilder.AlterColumn<byte[]>(
                name: "Signature",
                table: "verify_checkpoints",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<byte[]>(
                name: "BalancesHash",
                table: "verify_checkpoints",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<byte[]>(
                name: "AuditHash",
                table: "verify_checkpoints",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<byte[]>(
                name: "RequestHash",
                table: "idempotency_keys",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<byte[]>(
                name: "AuditHash",
                table: "chain_heads",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<byte[]>(
                name: "PreviousHash",
                table: "audit_log",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<byte[]>(
                name: "Hash",
                table: "audit_log",
                type: "BLOB",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Signature",
                table: "verify_checkpoints",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<string>(
                name: "BalancesHash",
                table: "verify_checkpoints",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<string>(
                name: "AuditHash",
                table: "verify_checkpoints",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<string>(
                name: "RequestHash",
                table: "idempotency_keys",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<string>(
                name: "AuditHash",
                table: "chain_heads",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "audit_log",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "audit_log",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB");

            // The bytes back to the lower-case hex the columns held before.
            migrationBuilder.Sql("""
                UPDATE "audit_log" SET "Hash" = CASE WHEN "Hash" IS NULL THEN NULL ELSE lower(hex("Hash")) END, "PreviousHash" = CASE WHEN "PreviousHash" IS NULL THEN NULL ELSE lower(hex("PreviousHash")) END;
                UPDATE "chain_heads" SET "AuditHash" = CASE WHEN "AuditHash" IS NULL THEN NULL ELSE lower(hex("AuditHash")) END;
                UPDATE "idempotency_keys" SET "RequestHash" = CASE WHEN "RequestHash" IS NULL THEN NULL ELSE lower(hex("RequestHash")) END;
                UPDATE "verify_checkpoints" SET "AuditHash" = CASE WHEN "AuditHash" IS NULL THEN NULL ELSE lower(hex("AuditHash")) END, "BalancesHash" = CASE WHEN "BalancesHash" IS NULL THEN NULL ELSE lower(hex("BalancesHash")) END, "Signature" = CASE WHEN "Signature" IS NULL THEN NULL ELSE lower(hex("Signature")) END;
                """);
        }
    }
}
