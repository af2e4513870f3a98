using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Governance;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Membership;

/// <summary>
/// What redeeming a token pays now: <see cref="Reclaim"/> per asset, from its <see cref="Shares"/> of the treasury
/// (each pool's units and their value) at the redemption rate; <see cref="Settled"/> is the holders' share paid as
/// it burned (on a redemption, not a preview).
/// </summary>
// Wire format: the rate as a plain count of basis points.
// Wire format: the token number stays a plain number.
public sealed record RedemptionView(long Token, long Supply, int RedemptionRateBps, IReadOnlyList<AmountView> Reclaim, IReadOnlyList<TokenShareView> Shares)
{
    public SettledShare? Settled { get; init; }
}

/// <summary>
/// A token's part of one treasury pool: its units out of all units, what they are worth, and what redeeming
/// pays of it now (after the rate and, in an LLC-DAO, the cap at what its holder paid in).
/// </summary>
public sealed record TokenShareView(string Asset, string Units, string PoolUnits, AmountView Value, AmountView? Redeems)
{
    public static TokenShareView Of(TokenShare share, Int128? redeems) => new(share.Asset,
        share.Units.ToString(System.Globalization.CultureInfo.InvariantCulture), share.Pool.Units.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AmountView.Of(share.Asset, share.Value), redeems is { } r ? AmountView.Of(share.Asset, r) : null);
}

/// <summary>
/// A redemption in chain mode, waiting for its burn (<see cref="State"/> <c>pending_burn</c>): nothing is paid yet.
/// The burn runs only if <see cref="Holder"/> still holds the token on chain; once the indexer sees it mined,
/// the holder is paid by the same rule as off chain, at the treasury as it is then (<see cref="Estimate"/> is
/// what it would pay now). If the token moved first, the burn is refused and nothing is paid.
/// </summary>
// Wire format: the rate as a plain count of basis points.
// Wire format: the token number stays a plain number.
public sealed record RedemptionPendingView(long Token, string State, string Holder, long Outbox, long Supply, int RedemptionRateBps, IReadOnlyList<AmountView> Estimate)
{
    public const string PendingBurn = "pending_burn";
}

/// <summary>
/// A redemption as it committed: paid at once off chain (<see cref="Paid"/>), or, in chain mode, its burn queued
/// (<see cref="Pending"/>). Exactly one is set.
/// </summary>
public sealed record Redemption(Committed<RedemptionView>? Paid, Committed<RedemptionPendingView>? Pending);

/// <summary>
/// Free exit: burn a token for a share of the treasury's free assets, every asset at once.
/// The preview gives the exact amounts the redemption would pay right now. Off chain the token burns and
/// the holder is paid in one write. In chain mode the chain decides who holds the token, and Mikoshi's
/// mirror of it may lag a sale, so the burn comes first: the request queues a burn that the contract runs
/// only from the holder's address, and the indexer pays when it mirrors that burn (<see cref="PayAsync"/>).
/// </summary>
public sealed class RedeemToken(Writer writer, MikoshiDb db, Chain.ChainAddresses addresses)
{
    /// <summary>
    /// What redeeming token <paramref name="serial"/> would pay now, per asset: each pool's units of the token,
    /// valued at the pool's owned balance over its units, times r + (1 − r) / supply, rounded down. In an
    /// LLC-DAO (distributions capped at what each person paid in) the owner receives no more than the cap
    /// allows; the rest stays in the treasury. Reads what <paramref name="db"/> tracks, so a write sees itself.
    /// </summary>
    public static async Task<Result<RedemptionView>> PreviewAsync(MikoshiDb db, Community community, TokenId serial)
    {
        if (community.RedemptionRateBps == Bps.Zero)
        {
            return MembershipErrors.RedemptionDisabled;
        }

        var supply = await TokenBook.SupplyAsync(db, community.Id);
        var owner = await db.Tokens.Where(t => t.CommunityId == community.Id && t.Serial == serial).Select(t => t.OwnerId).FirstOrDefaultAsync();
        var reclaim = new List<AmountView>();
        var shares = new List<TokenShareView>();
        foreach (var share in await TokenBook.SharesAsync(db, community.Id, serial))
        {
            var pays = share.Pool.Redemption(share.Units, share.Balance, supply, community.RedemptionRateBps);
            if (pays > Int128.Zero && community.CapHolderDistributions && owner is { } holder)
            {
                pays = (await HolderShares.CapAsync(db, community, holder, share.Asset, pays, record: false)).ToPerson;
            }

            if (share.Units == Int128.Zero && share.Value == Int128.Zero)
            {
                continue;
            }

            shares.Add(TokenShareView.Of(share, pays));
            if (pays > Int128.Zero)
            {
                reclaim.Add(AmountView.Of(share.Asset, pays));
            }
        }

        return new RedemptionView(serial.Value, supply, community.RedemptionRateBps.Value, reclaim, shares);
    }

    public async Task<Result<RedemptionView>> PreviewAsync(Community community, TokenId serial)
    {
        var token = await TokenBook.FindAsync(db, community.Id, serial);
        return token.IsSuccess ? await PreviewAsync(db, community, serial) : token.Error;
    }

    /// <summary>
    /// Redeems token <paramref name="serial"/> for the caller, its holder: off chain at once (a
    /// <see cref="RedemptionView"/>); in chain mode by queueing its burn (a <see cref="RedemptionPendingView"/>).
    /// </summary>
    public async Task<Result<Redemption>> RedeemAsync(Caller caller, TokenId serial, IdempotencyKey? idempotency = null)
    {
        var (holder, community) = (caller.RequirePerson(), caller.RequireCommunity());
        if (!await Chain.ChainOutbox.InChainModeAsync(db, community.Id))
        {
            var paid = await writer.RunAsync(caller, Access.SignedIn, idempotency, async write =>
            {
                if (await Chain.ChainOutbox.InChainModeAsync(write.Db, community.Id))
                {
                    return WriteErrors.Conflict;
                }

                var token = await RedeemableAsync(write, holder, community, serial);
                if (!token.IsSuccess)
                {
                    return token.Error;
                }

                var preview = await PreviewAsync(write.Db, await TokenBook.CurrentAsync(write.Db, community.Id), serial);
                if (!preview.IsSuccess)
                {
                    return preview.Error;
                }

                var paid = await PayAsync(write, holder, serial, preview.Value);
                if (!paid.IsSuccess)
                {
                    return paid.Error;
                }

                var settled = await TokenBook.BurnAsync(write, token.Value);
                return Result<RedemptionView>.Ok(preview.Value with { Settled = settled });
            });
            return paid.IsSuccess ? new Redemption(paid.Value, null) : paid.Error;
        }

        // A token whose mint is not mirrored yet sits (or will) where its queued mint sends it: the holder's
        // address, made out here when it is a new custodial key (a write of its own), and only for the holder.
        EthAddress? minted = null;
        var holds = await db.Tokens.AsNoTracking().AnyAsync(t => t.CommunityId == community.Id && t.Serial == serial && t.OwnerId == holder && t.BurnedAtUnixMs == null);
        if (holds && await Chain.ChainAddresses.MirroredAddressAsync(db, community.Id, serial) is null)
        {
            var address = await addresses.ForPersonAsync(holder);
            if (!address.IsSuccess)
            {
                return address.Error;
            }

            minted = address.Value;
        }

        var pending = await writer.RunAsync(caller, Access.SignedIn, idempotency, async write =>
        {
            var token = await RedeemableAsync(write, holder, community, serial);
            if (!token.IsSuccess)
            {
                return token.Error;
            }

            if (await Chain.ChainOutbox.PendingRedemptionAsync(write.Db, community.Id, serial) is not null)
            {
                return MembershipErrors.RedemptionPending;
            }

            var estimate = await PreviewAsync(write.Db, await TokenBook.CurrentAsync(write.Db, community.Id), serial);
            if (!estimate.IsSuccess)
            {
                return estimate.Error;
            }

            // Where the holder holds it as far as Mikoshi has seen; the contract burns only from there.
            if ((await Chain.ChainAddresses.MirroredAddressAsync(write.Db, community.Id, serial) ?? minted) is not { } at)
            {
                return WriteErrors.Conflict;
            }

            var queued = await Chain.ChainOutbox.EnqueueRedemptionAsync(write, community.Id, serial, holder, at);
            await write.AuditAsync("token.redemption-requested", new { token = serial, holder = holder.ToString(), address = at.ToString(), outbox = queued.Number });
            return Result<RedemptionPendingView>.Ok(new RedemptionPendingView(serial.Value, RedemptionPendingView.PendingBurn, at.ToString(), queued.Number,
                estimate.Value.Supply, estimate.Value.RedemptionRateBps, estimate.Value.Reclaim));
        });
        return pending.IsSuccess ? new Redemption(null, pending.Value) : pending.Error;
    }

    /// <summary>
    /// Pays the holder what <paramref name="preview"/> says, treasury to holder, as one journal entry (none if
    /// there is nothing to pay); the entry's number, or null.
    /// </summary>
    internal static async Task<Result<long?>> PayAsync(WriteScope write, PersonId holder, TokenId serial, RedemptionView preview)
    {
        var postings = new List<Posting>();
        var community = await TokenBook.CurrentAsync(write.Db, new CommunityId(write.Chain));
        foreach (var amount in preview.Reclaim)
        {
            var units = Int128.Parse(amount.Amount, System.Globalization.CultureInfo.InvariantCulture);
            var money = Money.Of(Asset.FromKnownCode(amount.Asset).Value, units);
            postings.Add(new Posting(AccountId.Treasury, -money));
            postings.Add(new Posting(AccountId.ForPerson(holder.Value), money));
            if (community.CapHolderDistributions)
            {
                // Counted against the holder's cap, like every other distribution.
                await HolderShares.CapAsync(write.Db, community, holder, amount.Asset, units, record: true);
            }
        }

        if (postings.Count == 0)
        {
            return Result<long?>.Ok(null);
        }

        var posted = await write.PostAsync(JournalEntry.Create("redemption", $"token #{serial} redeemed", postings).Value, flow: TreasuryFlow.OneToken);
        return posted.IsSuccess ? Result<long?>.Ok(posted.Value) : posted.Error;
    }

    private static async Task<Result<Token>> RedeemableAsync(WriteScope write, PersonId holder, Community community, TokenId serial)
    {
        var token = await TokenBook.FindAsync(write.Db, community.Id, serial);
        if (!token.IsSuccess)
        {
            return token.Error;
        }

        var owned = token.Value.OwnedBy(holder);
        if (!owned.IsSuccess)
        {
            return owned.Error;
        }

        var unlocked = await TokenLocks.CheckAsync(write.Db, token.Value, write.At);
        return unlocked.IsSuccess ? token : unlocked.Error;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/tokens/{tokenId:long}/redemption", async (long tokenId, RedeemToken redeem, HttpContext http) =>
                TokenId.Of(tokenId) is { IsSuccess: true } id
                    ? Problems.From(await redeem.PreviewAsync(http.Caller().RequireCommunity(), id.Value))
                    : Problems.For(MembershipErrors.TokenNotFound))
            .Allow(Access.Anyone)
            .WithSummary("Preview: exactly what redeeming this token would pay right now, per asset.")
            .Produces<RedemptionView>();
        api.MapPost("/communities/{slug}/tokens/{tokenId:long}/redeem", async (long tokenId, RedeemToken redeem, HttpContext http) =>
            {
                var key = Idempotency.Read(http, tokenId);
                if (!key.IsSuccess)
                {
                    return Problems.For(key.Error);
                }

                var id = TokenId.Of(tokenId);
                if (!id.IsSuccess)
                {
                    return Problems.For(id.Error);
                }

                var redeemed = await redeem.RedeemAsync(http.Caller(), id.Value, key.Value);
                return redeemed switch
                {
                    { IsSuccess: false } => Problems.For(redeemed.Error),
                    { Value.Pending: { } pending } => Problems.From(Result<Committed<RedemptionPendingView>>.Ok(pending), StatusCodes.Status202Accepted, http),
                    _ => Problems.From(Result<Committed<RedemptionView>>.Ok(redeemed.Value.Paid!), StatusCodes.Status200OK, http),
                };
            })
            .Allow(Access.SignedIn)
            .WithSummary("Free exit: burn your token for its share of the treasury, every asset at once. Takes an Idempotency-Key. In chain mode: 202, paid once the burn is mined.")
            .Produces<RedemptionView>()
            .Produces<RedemptionPendingView>(StatusCodes.Status202Accepted);
    }
}
