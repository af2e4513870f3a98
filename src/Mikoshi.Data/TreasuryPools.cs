using Microsoft.EntityFrameworkCore;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Data;

/// <summary>Whose money a movement of the treasury is.</summary>
public enum TreasuryFlow
{
    /// <summary>Every token's alike: inflows raise each unit's value, outflows lower it (deposits, royalties, grants…).</summary>
    Shared,

    /// <summary>One token's: a mint's price or a redemption's payment, whose units its own use case moves.</summary>
    OneToken,
}

/// <summary>
/// The treasury pools as stored (see <see cref="TreasuryPool"/>). Every shared movement of the treasury reaches
/// its pool from <see cref="WriteScope.PostAsync"/>, so no use case can move the treasury and forget the pool.
/// </summary>
public static class TreasuryPools
{
    /// <summary>The pool of <paramref name="asset"/> inside a write, tracked; a new, empty one if it has none yet.</summary>
    public static async Task<TreasuryPoolRow> RowAsync(MikoshiDb db, CommunityId community, string asset)
    {
        var row = await KeyedRows.PoolAsync(db, community, asset);
        if (row is null)
        {
            row = new TreasuryPoolRow { CommunityId = community, Asset = asset };
            db.TreasuryPools.Add(row);
        }

        return row;
    }

    /// <summary>Every pool of the community, including those this write created.</summary>
    public static async Task<List<TreasuryPoolRow>> AllAsync(MikoshiDb db, CommunityId community)
    {
        var stored = await PoolsOf.For(db)(db, community).ToListAsync();
        return stored.Union(db.TreasuryPools.Local.Where(p => p.CommunityId == community)).OrderBy(p => p.Asset, StringComparer.Ordinal).ToList();
    }

    // Compiled once: a mint reads the pools twice (KeyedRows says why).
    private static readonly CompiledQuery<Func<MikoshiDb, CommunityId, IAsyncEnumerable<TreasuryPoolRow>>> PoolsOf =
        new(() => EF.CompileAsyncQuery((MikoshiDb db, CommunityId community) => db.TreasuryPools.Where(p => p.CommunityId == community)));

    /// <summary>The treasury's balance of <paramref name="asset"/> as this write sees it.</summary>
    public static async Task<Int128> BalanceAsync(MikoshiDb db, CommunityId community, string asset)
    {
        var treasury = AccountId.Treasury.ToString();
        var row = await KeyedRows.BalanceAsync(db, community, treasury, asset);
        return row?.Units ?? Int128.Zero;
    }

    internal static async Task OnSharedFlowAsync(MikoshiDb db, CommunityId community, string asset, Int128 delta, Int128 balanceAfter)
    {
        var row = await RowAsync(db, community, asset);
        var supply = (await KeyedRows.CommunityAsync(db, community))?.Supply ?? 0;
        row.Pool = row.Pool.Moved(delta, supply, balanceAfter);
    }
}
