using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mikoshi.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BinaryHashes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // By hand: EF's own statement would cast each hash's text to bytea character by character. decode() turns the
            // 64 hex digits into the 32 bytes they spell, and refuses anything else (the migration then fails whole, in its
            // transaction).
            migrationBuilder.Sql("""
                ALTER TABLE audit_log ALTER COLUMN "Hash" TYPE bytea USING decode("Hash", 'hex'), ALTER COLUMN "PreviousHash" TYPE bytea USING decode("PreviousHash", 'hex');
                ALTER TABLE chain_heads ALTER COLUMN "AuditHash" TYPE bytea USING decode("AuditHash", 'hex');
                ALTER TABLE idempotency_keys ALTER COLUMN "RequestHash" TYPE bytea USING decode("RequestHash", 'hex');
                ALTER TABLE verify_checkpoints ALTER COLUMN "AuditHash" TYPE bytea USING decode("AuditHash", 'hex'), ALTER COLUMN "BalancesHash" TYPE bytea USING decode("BalancesHash", 'hex'), ALTER COLUMN "Signature" TYPE bytea USING decode("Signature", 'hex');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE audit_log ALTER COLUMN "Hash" TYPE character varying(64) USING encode("Hash", 'hex'), ALTER COLUMN "PreviousHash" TYPE character varying(64) USING encode("PreviousHash", 'hex');
                ALTER TABLE chain_heads ALTER COLUMN "AuditHash" TYPE character varying(64) USING encode("AuditHash", 'hex');
                ALTER TABLE idempotency_keys ALTER COLUMN "RequestHash" TYPE character varying(64) USING encode("RequestHash", 'hex');
                ALTER TABLE verify_checkpoints ALTER COLUMN "AuditHash" TYPE character varying(64) USING encode("AuditHash", 'hex'), ALTER COLUMN "BalancesHash" TYPE character varying(64) USING encode("BalancesHash", 'hex'), ALTER COLUMN "Signature" TYPE character varying(64) USING encode("Signature", 'hex');
                """);
        }
    }
}
