using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Mikoshi.Domain.Audit;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>
/// The head row of a chain (<see cref="ChainHeadRow"/>) and its counters (<see cref="ChainCounterRow"/>): locked first
/// by every write, updated last, in the write's transaction. Only the <see cref="Writer"/> locks and updates the head.
/// </summary>
public static class ChainHeads
{
    /// <summary>
    /// Reads the chain's head for this write, creating it if the chain has none yet, and the idempotency row stored
    /// under <paramref name="key"/> (scope, key) if one is given. On PostgreSQL the row is locked (<c>FOR UPDATE</c>)
    /// until the transaction ends, which is what makes writers of one chain take turns across replicas, and the key is
    /// looked up in the same statement (one round trip instead of two); on SQLite the transaction already holds the
    /// file's write lock (<c>BEGIN IMMEDIATE</c>), and a statement is a call into the library, not a round trip.
    /// </summary>
    internal static async Task<(ChainHeadRow Head, StoredAnswer? Earlier)> LockAsync(
        MikoshiDb db, Guid chain, (string Scope, string Key)? key, CancellationToken cancellationToken)
    {
        Forget(db);

        if (!db.IsPostgres)
        {
            var found = await HeadOf.For(db)(db, chain, cancellationToken);
            var earlier = key is { } k ? await AnswerUnder.For(db)(db, k.Scope, k.Key, cancellationToken) : null;
            return (found ?? db.ChainHeads.Add(New(chain)).Entity, earlier);
        }

        var locked = await LockedAsync(db, chain, key, cancellationToken);
        if (locked is not null)
        {
            return locked.Value;
        }

        // A new chain: two writers may both find no row; the insert lets one create it and the other wait on its lock.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO chain_heads (\"Chain\", \"Version\", \"LastEntryNumber\", \"AuditSequence\", \"AuditHash\", \"People\", \"RoleHolders\") VALUES ({chain}, 0, 0, 0, {Mapping.HashColumn.Bytes(AuditChain.Genesis)}, 0, 0) ON CONFLICT DO NOTHING",
            cancellationToken);
        return await LockedAsync(db, chain, key, cancellationToken) ?? throw new InvalidOperationException($"The head of chain {chain:N} vanished.");
    }

    /// <summary>
    /// Stops <paramref name="db"/> tracking the rows only writes change — heads, counters, balances, pools — so the next
    /// look-up of one reads the store. A context that wrote before may still track them as it left them; another writer,
    /// or a lean write on this very context (<see cref="JournalPost"/>, which tracks nothing), may have moved them since,
    /// and a tracked copy would shadow what the store holds now (a mint's price read from an old treasury balance). Called
    /// when a write starts, before it has changed any of them, and after every lean write.
    /// </summary>
    internal static void Forget(MikoshiDb db)
    {
        foreach (var stale in db.ChangeTracker.Entries().Where(e => e.Entity is ChainHeadRow or ChainCounterRow or BalanceRow or TreasuryPoolRow).ToList())
        {
            stale.State = EntityState.Detached;
        }
    }

    /// <summary>
    /// PostgreSQL: the head locked and the earlier answer under the key, in one statement; the head is then tracked as
    /// read, so the write's changes to it are saved as an update. Null when the chain has no head yet.
    /// </summary>
    private static async Task<(ChainHeadRow Head, StoredAnswer? Earlier)?> LockedAsync(
        MikoshiDb db, Guid chain, (string Scope, string Key)? key, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = """
            SELECT h."Version", h."LastEntryNumber", h."AuditSequence", h."AuditHash", h."People", h."RoleHolders", k."RequestHash", k."ResponseJson",
                (SELECT s."Version" FROM chain_heads s WHERE s."Chain" = @chain) AS "Seen"
            FROM chain_heads h LEFT JOIN idempotency_keys k ON k."Scope" = @scope AND k."Key" = @key
            WHERE h."Chain" = @chain
            FOR UPDATE OF h
            """;
        SqlText.Parameter(command, "chain", chain);
        SqlText.Parameter(command, "scope", key?.Scope ?? string.Empty);
        SqlText.Parameter(command, "key", key is null ? null : key.Value.Key);
        (ChainHeadRow Head, StoredAnswer? Earlier)? read = null;
        var stale = false;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                var head = new ChainHeadRow
                {
                    Chain = chain,
                    Version = reader.GetInt64(0),
                    LastEntryNumber = reader.GetInt64(1),
                    AuditSequence = reader.GetInt64(2),
                    AuditHash = Mapping.HashColumn.Read(reader, 3),
                    People = reader.GetInt32(4),
                    RoleHolders = reader.GetInt32(5),
                };
                var earlier = reader.IsDBNull(6) ? null : new StoredAnswer(Mapping.HashColumn.Read(reader, 6), reader.GetString(7));
                read = (head, earlier);

                // The statement reads the key in its snapshot, taken before it waited for the lock. If a writer of this
                // chain committed during that wait (the version read in the snapshot is older than the locked row's),
                // the key it stored is not in that snapshot: look again, in a statement of its own.
                stale = earlier is null && key is not null && reader.GetInt64(8) != head.Version;
            }
        }

        if (stale && read is { } seen && key is { } k)
        {
            read = (seen.Head, await AnswerUnder.For(db)(db, k.Scope, k.Key, cancellationToken));
        }

        if (read is { } found)
        {
            db.ChainHeads.Attach(found.Head);
        }

        return read;
    }

    private static ChainHeadRow New(Guid chain) => new() { Chain = chain, AuditHash = AuditChain.Genesis };

    // Compiled once: every tracked write on SQLite reads both (KeyedRows says why).
    private static readonly CompiledQuery<Func<MikoshiDb, Guid, CancellationToken, Task<ChainHeadRow?>>> HeadOf =
        new(() => EF.CompileAsyncQuery((MikoshiDb db, Guid chain, CancellationToken _) => db.ChainHeads.FirstOrDefault(h => h.Chain == chain)));

    private static readonly CompiledQuery<Func<MikoshiDb, string, string, CancellationToken, Task<StoredAnswer?>>> AnswerUnder =
        new(() => EF.CompileAsyncQuery((MikoshiDb db, string scope, string key, CancellationToken _) => db.IdempotencyKeys.AsNoTracking()
            .Where(r => r.Scope == scope && r.Key == key).Select(r => new StoredAnswer(r.RequestHash, r.ResponseJson)).FirstOrDefault()));

    /// <summary>
    /// Takes the next number of <paramref name="kind"/> in <paramref name="chain"/> (1, 2, 3…). Only inside a write to
    /// that chain: the chain's head is locked, so no other writer takes the same number.
    /// </summary>
    public static async Task<long> TakeAsync(MikoshiDb db, Guid chain, string kind)
    {
        var counter = await CounterAsync(db, chain, kind);
        return ++counter.Last;
    }

    /// <summary>The number <see cref="TakeAsync"/> would hand out next, without taking it.</summary>
    public static async Task<long> PeekAsync(MikoshiDb db, Guid chain, string kind) =>
        (await CounterAsync(db, chain, kind)).Last + 1;

    private static async Task<ChainCounterRow> CounterAsync(MikoshiDb db, Guid chain, string kind) =>
        await KeyedRows.CounterAsync(db, chain, kind)
        ?? db.ChainCounters.Add(new ChainCounterRow { Chain = chain, Kind = kind, Last = 0 }).Entity;

    /// <summary>
    /// The people to whom this write gives a role in <paramref name="chain"/>, or from whom it takes one. A role row is
    /// never changed, only added or removed, and both are states the tracker knows without detecting changes.
    /// </summary>
    internal static HashSet<PersonId> TouchedRoleHolders(MikoshiDb db, Guid chain)
    {
        var community = new CommunityId(chain);
        return db.ChangeTracker.Entries<CommunityRoleRow>()
            .Where(e => e.Entity.CommunityId == community && e.State is EntityState.Added or EntityState.Deleted)
            .Select(e => e.Entity.PersonId)
            .ToHashSet();
    }

    /// <summary>How many of <paramref name="people"/> hold a role in <paramref name="chain"/>, as the store has it now: one statement, whatever their number.</summary>
    internal static async Task<int> CountRoleHoldersAsync(MikoshiDb db, Guid chain, HashSet<PersonId> people, CancellationToken cancellationToken)
    {
        var community = new CommunityId(chain);
        var list = people.ToList();
        return await db.CommunityRoles.AsNoTracking()
            .Where(r => r.CommunityId == community && list.Contains(r.PersonId))
            .Select(r => r.PersonId).Distinct().CountAsync(cancellationToken);
    }
}

/// <summary>What an earlier write stored under an idempotency key: its request's fingerprint and its answer.</summary>
internal sealed record StoredAnswer(string RequestHash, string ResponseJson);
