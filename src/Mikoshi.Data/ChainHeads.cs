using Microsoft.EntityFrameworkCore;
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
    /// Reads the chain's head for this write, creating it if the chain has none yet. On PostgreSQL the row is locked
    /// (<c>FOR UPDATE</c>) until the transaction ends, which is what makes writers of one chain take turns across replicas;
    /// on SQLite the transaction already holds the file's write lock (<c>BEGIN IMMEDIATE</c>).
    /// </summary>
    internal static async Task<ChainHeadRow> LockAsync(MikoshiDb db, Guid chain, CancellationToken cancellationToken)
    {
        // A context that wrote before may still track a head or counter as it left them: another writer may have moved
        // them since, and a tracked row would shadow what the store holds now.
        foreach (var stale in db.ChangeTracker.Entries().Where(e => e.Entity is ChainHeadRow or ChainCounterRow).ToList())
        {
            stale.State = EntityState.Detached;
        }

        if (!db.IsPostgres)
        {
            var found = await db.ChainHeads.FirstOrDefaultAsync(h => h.Chain == chain, cancellationToken);
            return found ?? db.ChainHeads.Add(New(chain)).Entity;
        }

        var locked = await LockedAsync(db, chain, cancellationToken);
        if (locked is not null)
        {
            return locked;
        }

        // A new chain: two writers may both find no row; the insert lets one create it and the other wait on its lock.
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO chain_heads (\"Chain\", \"Version\", \"LastEntryNumber\", \"AuditSequence\", \"AuditHash\", \"People\", \"RoleHolders\") VALUES ({chain}, 0, 0, 0, {AuditChain.Genesis}, 0, 0) ON CONFLICT DO NOTHING",
            cancellationToken);
        return await LockedAsync(db, chain, cancellationToken) ?? throw new InvalidOperationException($"The head of chain {chain:N} vanished.");
    }

    private static async Task<ChainHeadRow?> LockedAsync(MikoshiDb db, Guid chain, CancellationToken cancellationToken) =>
        (await db.ChainHeads.FromSql($"SELECT * FROM chain_heads WHERE \"Chain\" = {chain} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();

    private static ChainHeadRow New(Guid chain) => new() { Chain = chain, AuditHash = AuditChain.Genesis };

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
        await db.ChainCounters.FindAsync(chain, kind)
        ?? db.ChainCounters.Add(new ChainCounterRow { Chain = chain, Kind = kind, Last = 0 }).Entity;

    /// <summary>
    /// The persons whose membership (holding a token in circulation) or role-holding this write may change: the owners,
    /// before and after, of the tokens it adds, burns or moves, and the persons whose roles it adds or removes.
    /// </summary>
    internal static (HashSet<PersonId> Holders, HashSet<PersonId> RoleHolders) Touched(MikoshiDb db, Guid chain)
    {
        var community = new CommunityId(chain);
        var holders = new HashSet<PersonId>();
        foreach (var token in db.ChangeTracker.Entries<Domain.Membership.Token>().Where(e => e.Entity.CommunityId == community))
        {
            if (token.State is EntityState.Added or EntityState.Deleted
                || (token.State == EntityState.Modified && (token.Property(t => t.OwnerId).IsModified || token.Property(t => t.BurnedAtUnixMs).IsModified)))
            {
                Add(holders, token.Entity.OwnerId);
                if (token.State != EntityState.Added)
                {
                    Add(holders, token.Property(t => t.OwnerId).OriginalValue);
                }
            }
        }

        var roleHolders = db.ChangeTracker.Entries<CommunityRoleRow>()
            .Where(e => e.Entity.CommunityId == community && e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified)
            .SelectMany(e => new[] { e.Entity.PersonId, e.Property(r => r.PersonId).OriginalValue })
            .ToHashSet();
        return (holders, roleHolders);

        static void Add(HashSet<PersonId> set, PersonId? person)
        {
            if (person is { } p)
            {
                set.Add(p);
            }
        }
    }

    /// <summary>How many of <paramref name="holders"/> hold a token in circulation, and how many of <paramref name="roleHolders"/> hold a role, as the store has it now.</summary>
    internal static async Task<(int Holders, int RoleHolders)> CountAsync(MikoshiDb db, Guid chain, HashSet<PersonId> holders, HashSet<PersonId> roleHolders, CancellationToken cancellationToken)
    {
        var community = new CommunityId(chain);
        int holding = 0, roles = 0;
        foreach (var person in holders)
        {
            PersonId? owner = person;
            if (await db.Tokens.AsNoTracking().AnyAsync(t => t.CommunityId == community && t.OwnerId == owner && t.BurnedAtUnixMs == null, cancellationToken))
            {
                holding++;
            }
        }

        foreach (var person in roleHolders)
        {
            if (await db.CommunityRoles.AsNoTracking().AnyAsync(r => r.CommunityId == community && r.PersonId == person, cancellationToken))
            {
                roles++;
            }
        }

        return (holding, roles);
    }
}
