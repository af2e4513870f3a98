using Microsoft.EntityFrameworkCore;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>
/// The rows a write looks up by key, found as <c>FindAsync</c> finds them — from the context's identity map when it
/// tracks the row, else from the store, tracked from then on — but through queries EF compiled once. When the row is
/// not tracked yet, <c>FindAsync</c> builds its query's expression anew and has EF look it up in its query cache: a
/// quarter of a mint's CPU went there (docs/benchmarks.md section 30). Inside a write the context does not detect
/// changes on every look (<see cref="Writer"/>), so the identity map is read without comparing anything.
/// </summary>
public static class KeyedRows
{
    private static readonly CompiledQuery<Func<MikoshiDb, CommunityId, Task<Community?>>> CommunityById =
        new(() => EF.CompileAsyncQuery((MikoshiDb db, CommunityId id) => db.Communities.FirstOrDefault(c => c.Id == id)));

    private static readonly CompiledQuery<Func<MikoshiDb, CommunityId, string, string, Task<BalanceRow?>>> BalanceByKey =
        new(() => EF.CompileAsyncQuery((MikoshiDb db, CommunityId community, string account, string asset) =>
            db.Balances.FirstOrDefault(b => b.CommunityId == community && b.Account == account && b.Asset == asset)));

    private static readonly CompiledQuery<Func<MikoshiDb, CommunityId, string, Task<TreasuryPoolRow?>>> PoolByKey =
        new(() => EF.CompileAsyncQuery((MikoshiDb db, CommunityId community, string asset) =>
            db.TreasuryPools.FirstOrDefault(p => p.CommunityId == community && p.Asset == asset)));

    private static readonly CompiledQuery<Func<MikoshiDb, Guid, string, Task<ChainCounterRow?>>> CounterByKey =
        new(() => EF.CompileAsyncQuery((MikoshiDb db, Guid chain, string kind) =>
            db.ChainCounters.FirstOrDefault(c => c.Chain == chain && c.Kind == kind)));

    private static readonly CompiledQuery<Func<MikoshiDb, CommunityId, Task<ChainDeploymentRow?>>> DeploymentOf =
        new(() => EF.CompileAsyncQuery((MikoshiDb db, CommunityId community) => db.ChainDeployments.FirstOrDefault(d => d.CommunityId == community)));

    public static Task<Community?> CommunityAsync(MikoshiDb db, CommunityId id) =>
        FindAsync(db, [id], () => CommunityById.For(db)(db, id));

    public static Task<BalanceRow?> BalanceAsync(MikoshiDb db, CommunityId community, string account, string asset) =>
        FindAsync(db, [community, account, asset], () => BalanceByKey.For(db)(db, community, account, asset));

    public static Task<TreasuryPoolRow?> PoolAsync(MikoshiDb db, CommunityId community, string asset) =>
        FindAsync(db, [community, asset], () => PoolByKey.For(db)(db, community, asset));

    public static Task<ChainCounterRow?> CounterAsync(MikoshiDb db, Guid chain, string kind) =>
        FindAsync(db, [chain, kind], () => CounterByKey.For(db)(db, chain, kind));

    public static Task<ChainDeploymentRow?> DeploymentAsync(MikoshiDb db, CommunityId community) =>
        FindAsync(db, [community], () => DeploymentOf.For(db)(db, community));

    /// <summary>
    /// Outside a write (changes detected automatically) this is <c>FindAsync</c> itself: looking into <c>Local</c> there
    /// would compare every tracked row first, and a write of many postings became quadratic that way.
    /// </summary>
    private static async Task<T?> FindAsync<T>(MikoshiDb db, object[] key, Func<Task<T?>> query)
        where T : class =>
        db.ChangeTracker.AutoDetectChangesEnabled
            ? await db.Set<T>().FindAsync(key)
            : db.Set<T>().Local.FindEntryUntyped(key)?.Entity ?? await query();
}
