using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mikoshi.Data.Migrations.Postgres;

/// <summary>
/// Every commit that moves a chain's head tells the servers listening (<see cref="HeadVersionListener"/>): a trigger on
/// <c>chain_heads</c> sends <c>"{chain} {version}"</c> on <see cref="HeadVersionFeed.Channel"/>. PostgreSQL delivers a
/// notification when, and only if, its transaction commits. A trigger rather than a statement in each write, so no write
/// path (the lean one, the tracked one, the CLI's, a tool's) can move a head without saying so. No table changes.
/// </summary>
[DbContext(typeof(PostgresMikoshiDb))]
[Migration("20261207053000_HeadNotifications")]
public sealed class HeadNotifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE FUNCTION chain_heads_notify() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{HeadVersionFeed.Channel}', NEW."Chain"::text || ' ' || NEW."Version"::text);
                RETURN NULL;
            END $$;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER {HeadVersionListener.Trigger} AFTER INSERT OR UPDATE OF "Version" ON chain_heads
            FOR EACH ROW EXECUTE FUNCTION chain_heads_notify();
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"DROP TRIGGER {HeadVersionListener.Trigger} ON chain_heads;");
        migrationBuilder.Sql("DROP FUNCTION chain_heads_notify();");
    }
}
