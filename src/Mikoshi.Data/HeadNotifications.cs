using Microsoft.EntityFrameworkCore.Migrations;

namespace Mikoshi.Data;

/// <summary>
/// Every commit that moves a chain's head tells the servers listening (<see cref="HeadVersionListener"/>): a trigger on
/// <c>chain_heads</c> sends <c>"{chain} {version}"</c> on <see cref="HeadVersionFeed.Channel"/>, and one on
/// <c>AspNetUsers</c> sends <c>"stamp {person}"</c> when a person's security stamp changes or the person is deleted.
/// PostgreSQL delivers a notification when, and only if, its transaction commits. Triggers rather than a statement in
/// each write, so no write path (the lean one, the tracked one, Identity's, the CLI's, a tool's) can skip them.
/// </summary>
/// <remarks>
/// PostgreSQL's <c>Initial</c> migration ends with <see cref="Create"/> (migrations are squashed until the first
/// release, docs/decisions.md); <c>SchemaTests</c> checks a migrated store has the triggers, so a regenerated
/// <c>Initial</c> that lost the call fails. A store without them is read as before: the listener never goes live.
/// </remarks>
public static class HeadNotifications
{
    /// <summary>The trigger's name in every migrated PostgreSQL store.</summary>
    public const string Trigger = "chain_heads_notify";

    /// <summary>The trigger that says a person's security stamp changed (or the person is gone): <c>"stamp {person}"</c>.</summary>
    public const string StampTrigger = "security_stamp_notify";

    /// <summary>Every trigger <see cref="Create"/> makes; the listener goes live only in a store that has them all.</summary>
    public static readonly string[] Triggers = [Trigger, StampTrigger, StampTrigger + "_deleted"];

    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE FUNCTION {Trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{HeadVersionFeed.Channel}', NEW."Chain"::text || ' ' || NEW."Version"::text);
                RETURN NULL;
            END $$;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER {Trigger} AFTER INSERT OR UPDATE OF "Version" ON chain_heads
            FOR EACH ROW EXECUTE FUNCTION {Trigger}();
            """);
        migrationBuilder.Sql($"""
            CREATE FUNCTION {StampTrigger}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{HeadVersionFeed.Channel}', '{HeadVersionFeed.StampPrefix}' || OLD."Id"::text);
                RETURN NULL;
            END $$;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER {StampTrigger} AFTER UPDATE OF "SecurityStamp" ON "AspNetUsers"
            FOR EACH ROW WHEN (OLD."SecurityStamp" IS DISTINCT FROM NEW."SecurityStamp") EXECUTE FUNCTION {StampTrigger}();
            CREATE TRIGGER {StampTrigger}_deleted AFTER DELETE ON "AspNetUsers"
            FOR EACH ROW EXECUTE FUNCTION {StampTrigger}();
            """);
    }
}
