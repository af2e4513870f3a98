using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;

namespace Mikoshi.Tests.Proof;

/// <summary>The embedded store is only as safe as its journal settings: write-ahead log, and a sync at every commit.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task SqliteConnections_UseTheWriteAheadLog_AndSyncEveryCommit()
    {
        var store = ProofStore.Fresh("sqlite");
        try
        {
            var (journal, synchronous) = await ProofStore.ReadAsync(store, async db =>
            {
                await db.MigrateAsync();
                await db.Database.OpenConnectionAsync();
                return (await Pragma(db, "journal_mode"), await Pragma(db, "synchronous"));
            });

            Assert.Equal("wal", journal);

            // 2 = FULL: in WAL mode the log is synced at each commit, so a commit survives the machine's power, not only the process.
            Assert.Equal("2", synchronous);
        }
        finally
        {
            ProofStore.Delete(store);
        }
    }

    private static async Task<string> Pragma(MikoshiDb db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
