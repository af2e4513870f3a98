using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Features.Kernel;

/// <summary>
/// The holders' share of revenue, O(1) in the number of holders: a revenue event moves one
/// accumulator per asset; a token's owed amount is settled into its owner's account only when the
/// token moves, burns, or its owner claims. No row is written per holder per revenue event.
/// </summary>
public static class HolderShares
{
    /// <summary>Spreads <paramref name="units"/> over the tokens in circulation: one row read, one row written.</summary>
    public static async Task DistributeAsync(WriteScope write, CommunityId community, string asset, Int128 units, long supply)
    {
        var pool = (await PoolsAsync(write.Db, community)).FirstOrDefault(p => p.Asset == asset);
        if (pool is null)
        {
            pool = new HolderPoolRow { CommunityId = community, Asset = asset };
            write.Db.HolderPools.Add(pool);
        }

        Store(pool, Accumulator(pool).Distribute(units, supply));
    }

    /// <summary>A new token starts with nothing owed: its mark is the accumulator as it stands.</summary>
    public static async Task OnMintAsync(WriteScope write, Domain.Membership.Token token)
    {
        foreach (var pool in await PoolsAsync(write.Db, token.CommunityId))
        {
            write.Db.TokenAccruals.Add(new TokenAccrualRow { CommunityId = token.CommunityId, Serial = token.Serial, Asset = pool.Asset, PaidScaled = pool.PerTokenScaled });
        }
    }

    /// <summary>
    /// Pays what <paramref name="tokens"/> are owed, in whole units, into <paramref name="payee"/>'s account
    /// (in the LLC-DAO mode, up to what they paid in; the excess to the treasury), as one journal entry.
    /// Each token keeps its fraction below one unit for later.
    /// </summary>
    public static async Task<SettledShare> SettleAsync(WriteScope write, IReadOnlyList<Domain.Membership.Token> tokens, PersonId payee)
    {
        var settled = new SettledShare(payee.ToString(), []);
        if (tokens.Count == 0)
        {
            return settled;
        }

        var db = write.Db;
        var communityId = tokens[0].CommunityId;
        var pools = await PoolsAsync(db, communityId);
        if (pools.Count == 0)
        {
            return settled;
        }

        var marks = await MarksAsync(db, communityId, tokens.Select(t => t.Serial).ToList());
        var postings = new List<Posting>();
        Community? community = null;
        foreach (var pool in pools)
        {
            var accumulator = Accumulator(pool);
            var owed = Int128.Zero;
            foreach (var token in tokens)
            {
                var mark = Mark(db, marks, token, pool.Asset);
                var (units, paid) = accumulator.Owed(Parse(mark.PaidScaled));
                mark.PaidScaled = Text(paid);
                owed += units;
            }

            if (owed == Int128.Zero)
            {
                continue;
            }

            community ??= await db.Communities.AsNoTracking().FirstAsync(c => c.Id == communityId);
            var (toPerson, toTreasury) = community.CapHolderDistributions
                ? await CapAsync(db, community, payee, pool.Asset, owed, record: true)
                : (owed, Int128.Zero);
            var asset = Asset.FromKnownCode(pool.Asset).Value;
            postings.Add(new Posting(AccountId.HolderPool, Money.Of(asset, -owed)));
            postings.Add(new Posting(AccountId.ForPerson(payee.Value), Money.Of(asset, toPerson)));
            postings.Add(new Posting(AccountId.Treasury, Money.Of(asset, toTreasury)));
            settled.Paid.Add(AmountView.Of(pool.Asset, toPerson));
            if (toTreasury > Int128.Zero)
            {
                settled.ToTreasury.Add(AmountView.Of(pool.Asset, toTreasury));
            }
        }

        if (postings.Count > 0)
        {
            var memo = tokens.Count == 1 ? $"holders' share of token #{tokens[0].Serial}" : $"holders' share of {tokens.Count} tokens";
            var entry = JournalEntry.CreateWithoutZeroLegs("holder-share", memo, [.. postings]).Value;
            var posted = await write.PostAsync(entry);
            if (!posted.IsSuccess)
            {
                throw new InvariantViolatedException($"The holder pool could not pay what it owes: {posted.Error}");
            }
        }

        return settled;
    }

    /// <summary>
    /// Before a token burns: settles it to its owner, then gives its leftover fraction back to the
    /// accumulator so the next distribution spreads it over the tokens still in circulation.
    /// </summary>
    public static async Task<SettledShare> RetireAsync(WriteScope write, Domain.Membership.Token token, PersonId owner)
    {
        var settled = await SettleAsync(write, [token], owner);
        var db = write.Db;
        var marks = await MarksAsync(db, token.CommunityId, [token.Serial]);
        foreach (var pool in await PoolsAsync(db, token.CommunityId))
        {
            var accumulator = Accumulator(pool);
            var mark = Mark(db, marks, token, pool.Asset);
            Store(pool, accumulator.Absorb(accumulator.PerToken - Parse(mark.PaidScaled)));
            mark.PaidScaled = pool.PerTokenScaled;
        }

        return settled;
    }

    /// <summary>
    /// A burned token back in circulation (a chain reorganisation dropped its burn): like a new token it
    /// is owed nothing yet. What it was owed was settled when it burned, and its fraction was spread then.
    /// </summary>
    public static async Task ReviveAsync(WriteScope write, Domain.Membership.Token token)
    {
        var db = write.Db;
        var marks = await MarksAsync(db, token.CommunityId, [token.Serial]);
        foreach (var pool in await PoolsAsync(db, token.CommunityId))
        {
            Mark(db, marks, token, pool.Asset).PaidScaled = pool.PerTokenScaled;
        }
    }

    /// <summary>What <paramref name="person"/>'s tokens are owed now and not yet settled, per asset (after the cap, if any).</summary>
    public static async Task<Dictionary<string, Int128>> AccruedAsync(MikoshiDb db, Community community, PersonId person)
    {
        var owed = new Dictionary<string, Int128>(StringComparer.Ordinal);
        var pools = await db.HolderPools.AsNoTracking().Where(p => p.CommunityId == community.Id).ToListAsync();
        if (pools.Count == 0)
        {
            return owed;
        }

        var serials = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community.Id && t.OwnerId == person).Select(t => t.Serial).ToListAsync();
        var marks = (await db.TokenAccruals.AsNoTracking().Where(a => a.CommunityId == community.Id && serials.Contains(a.Serial)).ToListAsync())
            .ToDictionary(a => (a.Serial, a.Asset), a => Parse(a.PaidScaled));
        foreach (var pool in pools)
        {
            var accumulator = Accumulator(pool);
            var units = serials.Aggregate(Int128.Zero, (sum, serial) => sum + accumulator.Owed(marks.GetValueOrDefault((serial, pool.Asset))).Units);
            if (units > Int128.Zero && community.CapHolderDistributions)
            {
                units = (await CapAsync(db, community, person, pool.Asset, units, record: false)).ToPerson;
            }

            owed[pool.Asset] = units;
        }

        return owed;
    }

    /// <summary>What token <paramref name="serial"/> is owed now and not yet settled, per asset (before any cap), with each pool's carried remainder.</summary>
    public static async Task<IReadOnlyList<TokenAccrual>> AccruedOfTokenAsync(MikoshiDb db, CommunityId community, TokenId serial)
    {
        var pools = await db.HolderPools.AsNoTracking().Where(p => p.CommunityId == community).OrderBy(p => p.Asset).ToListAsync();
        var marks = (await db.TokenAccruals.AsNoTracking().Where(a => a.CommunityId == community && a.Serial == serial).ToListAsync())
            .ToDictionary(a => a.Asset, a => Parse(a.PaidScaled), StringComparer.Ordinal);
        return pools.Select(pool => new TokenAccrual(
                AmountView.Of(pool.Asset, Accumulator(pool).Owed(marks.GetValueOrDefault(pool.Asset)).Units),
                pool.CarryScaled))
            .ToList();
    }

    /// <summary>
    /// The LLC-DAO cap (出資額): of <paramref name="owed"/> to <paramref name="person"/>, what they may receive
    /// given what they paid in and already received, and what stays in the treasury; recorded when <paramref name="record"/>.
    /// </summary>
    internal static async Task<(Int128 ToPerson, Int128 ToTreasury)> CapAsync(MikoshiDb db, Community community, PersonId person, string asset, Int128 owed, bool record)
    {
        var (paidIn, received) = await CapStandingAsync(db, community, person, asset);
        var split = DistributionCap.Apply(owed, paidIn, received);
        var payment = await db.HolderPayments.FindAsync(community.Id, person, asset);
        if (record && split.ToPerson > Int128.Zero)
        {
            if (payment is null)
            {
                payment = new HolderPaymentRow { CommunityId = community.Id, PersonId = person, Asset = asset, Received = Int128.Zero };
                db.HolderPayments.Add(payment);
            }

            payment.Received += split.ToPerson;
        }

        return split;
    }

    /// <summary>
    /// Where a person stands under the cap in one asset: what they paid in (出資額) and what they received so far.
    /// Paid in is what they paid to mint tokens, in the base asset; in the LLC-type DAO mode also what they paid for
    /// tokens bought from members (sale proceeds count as received, see <see cref="Membership.Listings"/>).
    /// </summary>
    public static async Task<(Int128 PaidIn, Int128 Received)> CapStandingAsync(MikoshiDb db, Community community, PersonId person, string asset)
    {
        var paidIn = Int128.Zero;
        if (asset == community.BaseAsset)
        {
            var prices = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community.Id && t.MintedBy == person).Select(t => t.MintPrice).ToListAsync();
            if (community.LlcDao)
            {
                prices.AddRange((await db.Lineage.AsNoTracking()
                    .Where(l => l.CommunityId == community.Id && l.ToId == person && l.Kind == Domain.Membership.LineageKind.Sold && l.Price != null)
                    .Select(l => l.Price).ToListAsync()).Select(p => p!.Value));
            }

            paidIn = prices.Aggregate(Int128.Zero, (sum, price) => sum + price);
        }

        var payment = await db.HolderPayments.FindAsync(community.Id, person, asset);
        return (paidIn, payment?.Received ?? Int128.Zero);
    }

    private static async Task<List<HolderPoolRow>> PoolsAsync(MikoshiDb db, CommunityId community)
    {
        var stored = await PoolsOf.For(db)(db, community).ToListAsync();
        return stored.Union(db.HolderPools.Local.Where(p => p.CommunityId == community)).ToList();
    }

    // Compiled once: every mint and move reads the pools (KeyedRows says why).
    private static readonly CompiledQuery<Func<MikoshiDb, CommunityId, IAsyncEnumerable<HolderPoolRow>>> PoolsOf =
        new(() => EF.CompileAsyncQuery((MikoshiDb db, CommunityId community) => db.HolderPools.Where(p => p.CommunityId == community)));

    private static async Task<List<TokenAccrualRow>> MarksAsync(MikoshiDb db, CommunityId community, List<TokenId> serials)
    {
        var stored = await db.TokenAccruals.Where(a => a.CommunityId == community && serials.Contains(a.Serial)).ToListAsync();
        return stored.Union(db.TokenAccruals.Local.Where(a => a.CommunityId == community && serials.Contains(a.Serial))).ToList();
    }

    // A token minted before the asset's first distribution has no mark yet: it has been paid nothing.
    private static TokenAccrualRow Mark(MikoshiDb db, List<TokenAccrualRow> marks, Domain.Membership.Token token, string asset)
    {
        var mark = marks.FirstOrDefault(m => m.Serial == token.Serial && m.Asset == asset);
        if (mark is null)
        {
            mark = new TokenAccrualRow { CommunityId = token.CommunityId, Serial = token.Serial, Asset = asset, PaidScaled = "0" };
            db.TokenAccruals.Add(mark);
            marks.Add(mark);
        }

        return mark;
    }

    private static HolderAccumulator Accumulator(HolderPoolRow pool) => HolderAccumulator.Of(Parse(pool.PerTokenScaled), Parse(pool.CarryScaled));

    private static void Store(HolderPoolRow pool, HolderAccumulator accumulator)
    {
        pool.PerTokenScaled = Text(accumulator.PerToken);
        pool.CarryScaled = Text(accumulator.Carry);
    }

    private static BigInteger Parse(string digits) => BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The holders' share a token move settled: paid to <see cref="To"/>, and (LLC-DAO cap) kept by the treasury.</summary>
public sealed record SettledShare(string To, List<AmountView> Paid)
{
    public List<AmountView> ToTreasury { get; init; } = [];
}

/// <summary>A token's unsettled holders' share of one asset, and the pool's carried remainder (scaled by 2^128) for audit.</summary>
public sealed record TokenAccrual(AmountView Owed, string PoolCarryScaled);
