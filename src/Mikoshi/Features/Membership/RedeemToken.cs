using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Ledger;
using Mikoshi.Features.Communities;

namespace Mikoshi.Features.Membership;

public sealed record RedemptionView(long Token, long Supply, int RedemptionRateBps, IReadOnlyList<AmountView> Reclaim);

/// <summary>
/// A redemption in chain mode, waiting for its burn (<see cref="State"/> <c>pending_burn</c>): nothing is paid yet.
/// The burn runs only if <see cref="Holder"/> still holds the token on chain; once the indexer sees it mined,
/// the holder is paid by the same rule as off chain, at the treasury as it is then (<see cref="Estimate"/> is
/// what it would pay now). If the token moved first, the burn is refused and nothing is paid.
/// </summary>
public sealed record RedemptionPendingView(long Token, string State, string Holder, long Outbox, long Supply, int RedemptionRateBps, IReadOnlyList<AmountView> Estimate)
{
    public const string PendingBurn = "pending_burn";
}

/// <summary>
/// Free exit: burn a token for a share of the treasury's free assets, every asset at once.
/// The preview gives the exact amounts the redemption would pay right now. Off chain the token burns and
/// the holder is paid in one write. In chain mode the chain decides who holds the token, and Mikoshi's
/// mirror of it may lag a sale, so the burn comes first: the request queues a burn that the contract runs
/// only from the holder's address, and the indexer pays when it mirrors that burn (<see cref="PayAsync"/>).
/// </summary>
public sealed class RedeemToken(Writer writer, MikoshiDb db, Chain.ChainAddresses addresses)
{
    /// <summary>What redeeming one token would reclaim now, per treasury asset.</summary>
    public static async Task<Result<RedemptionView>> PreviewAsync(MikoshiDb db, Community community, long serial)
    {
        if (community.RedemptionRateBps == 0)
        {
            return Error.Of("redemption_disabled", "This community has turned redemption off.");
        }

        var supply = await TokenBook.SupplyAsync(db, community.Id);
        var treasury = AccountId.Treasury.ToString();
        var free = await db.Balances.Where(b => b.CommunityId == community.Id && b.Account == treasury).ToListAsync();
        var reclaim = new List<AmountView>();
        foreach (var balance in free.Where(b => b.Units > Int128.Zero).OrderBy(b => b.Asset, StringComparer.Ordinal))
        {
            var amount = community.Policy.Reclaim(balance.Units, 1, supply);
            if (!amount.IsSuccess)
            {
                return amount.Error!;
            }

            if (amount.Value > Int128.Zero)
            {
                reclaim.Add(AmountView.Of(balance.Asset, amount.Value));
            }
        }

        return new RedemptionView(serial, supply, community.RedemptionRateBps, reclaim);
    }

    public async Task<Result<RedemptionView>> PreviewAsync(Community community, long serial)
    {
        var token = await TokenBook.FindAsync(db, community.Id, serial);
        return token.IsSuccess ? await PreviewAsync(db, community, serial) : token.Error!;
    }

    /// <summary>
    /// Redeems token <paramref name="serial"/> for <paramref name="holder"/>: off chain at once (200, a
    /// <see cref="RedemptionView"/>); in chain mode by queueing its burn (202, a <see cref="RedemptionPendingView"/>).
    /// </summary>
    public async Task<Result<Written>> RedeemAsync(PersonId holder, Community community, long serial, IdempotencyKey? idempotency = null)
    {
        if (!await Chain.ChainOutbox.InChainModeAsync(db, community.Id))
        {
            return await writer.RunAsync(community.Id.Value, holder.ToString(), idempotency, StatusCodes.Status200OK, async write =>
            {
                if (await Chain.ChainOutbox.InChainModeAsync(write.Db, community.Id))
                {
                    return Error.Of("conflict", "This community moved to chain mode while you asked; try again.");
                }

                var token = await RedeemableAsync(write, holder, community, serial);
                if (!token.IsSuccess)
                {
                    return token.Error!;
                }

                var preview = await PreviewAsync(write.Db, await TokenBook.CurrentAsync(write.Db, community.Id), serial);
                if (!preview.IsSuccess)
                {
                    return preview.Error!;
                }

                var paid = await PayAsync(write, holder, serial, preview.Value);
                if (!paid.IsSuccess)
                {
                    return paid.Error!;
                }

                await TokenBook.BurnAsync(write, token.Value);
                return preview;
            });
        }

        // A token whose mint is not mirrored yet sits (or will) where its queued mint sends it: the holder's
        // address, made out here when it is a new custodial key (a write of its own), and only for the holder.
        EthAddress? minted = null;
        var holds = await db.Tokens.AsNoTracking().AnyAsync(t => t.CommunityId == community.Id && t.Serial == serial && t.OwnerId == holder && t.BurnedAtUnixMs == null);
        if (holds && await Chain.ChainIndexer.MirroredAddressAsync(db, community.Id, serial) is null)
        {
            var address = await addresses.ForPersonAsync(holder);
            if (!address.IsSuccess)
            {
                return address.Error!;
            }

            minted = address.Value;
        }

        return await writer.RunAsync(community.Id.Value, holder.ToString(), idempotency, StatusCodes.Status202Accepted, async write =>
        {
            var token = await RedeemableAsync(write, holder, community, serial);
            if (!token.IsSuccess)
            {
                return token.Error!;
            }

            if (await Chain.ChainOutbox.PendingRedemptionAsync(write.Db, community.Id, serial) is not null)
            {
                return Error.Of("redemption_pending", $"Token #{serial} is already being redeemed: it is paid when its burn is mined.");
            }

            var estimate = await PreviewAsync(write.Db, await TokenBook.CurrentAsync(write.Db, community.Id), serial);
            if (!estimate.IsSuccess)
            {
                return estimate.Error!;
            }

            // Where the holder holds it as far as Mikoshi has seen; the contract burns only from there.
            if ((await Chain.ChainIndexer.MirroredAddressAsync(write.Db, community.Id, serial) ?? minted) is not { } at)
            {
                return Error.Of("conflict", "Someone else changed the same thing at the same moment; try again.");
            }

            var queued = await Chain.ChainOutbox.EnqueueRedemptionAsync(write, community.Id, serial, holder, at);
            await write.AuditAsync("token.redemption-requested", new { token = serial, holder = holder.ToString(), address = at.ToString(), outbox = queued.Number });
            return Result<RedemptionPendingView>.Ok(new RedemptionPendingView(serial, RedemptionPendingView.PendingBurn, at.ToString(), queued.Number,
                estimate.Value.Supply, estimate.Value.RedemptionRateBps, estimate.Value.Reclaim));
        });
    }

    /// <summary>
    /// Pays the holder what <paramref name="preview"/> says, treasury to holder, as one journal entry (none if
    /// there is nothing to pay); the entry's number, or null.
    /// </summary>
    internal static async Task<Result<long?>> PayAsync(WriteScope write, PersonId holder, long serial, RedemptionView preview)
    {
        var postings = new List<Posting>();
        foreach (var amount in preview.Reclaim)
        {
            var money = Money.Of(Asset.FromKnownCode(amount.Asset).Value, Int128.Parse(amount.Amount, System.Globalization.CultureInfo.InvariantCulture));
            postings.Add(new Posting(AccountId.Treasury, -money));
            postings.Add(new Posting(AccountId.ForPerson(holder.Value), money));
        }

        if (postings.Count == 0)
        {
            return Result<long?>.Ok(null);
        }

        var posted = await write.PostAsync(JournalEntry.Create("redemption", $"token #{serial} redeemed", postings).Value);
        return posted.IsSuccess ? Result<long?>.Ok(posted.Value) : posted.Error!;
    }

    private static async Task<Result<TokenRow>> RedeemableAsync(WriteScope write, PersonId holder, Community community, long serial)
    {
        var token = await TokenBook.FindAsync(write.Db, community.Id, serial);
        if (!token.IsSuccess)
        {
            return token.Error!;
        }

        if (token.Value.OwnerId != holder)
        {
            return Error.Of("not_token_owner", $"Only the owner of token #{serial} may redeem it.");
        }

        if (await Governance.Proposals.PendingForVoteAsync(write.Db, community.Id, holder, write.At) is { } pending)
        {
            return Error.Of("voted_for_pending", $"You voted for proposal {pending}, which is not yet processed: you may redeem once it is executed or defeated.");
        }

        return token;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/tokens/{tokenId:long}/redemption", async (long tokenId, RedeemToken redeem, HttpContext http) =>
                Problems.From(await redeem.PreviewAsync(http.Caller().RequireCommunity(), tokenId)))
            .Allow(Access.Anyone)
            .WithSummary("Preview: exactly what redeeming this token would pay right now, per asset.")
            .Produces<RedemptionView>();
        api.MapPost("/communities/{slug}/tokens/{tokenId:long}/redeem", (long tokenId, RedeemToken redeem, HttpContext http) =>
                Idempotency.WriteAsync(http, tokenId, (caller, key) => redeem.RedeemAsync(caller.RequirePerson(), caller.RequireCommunity(), tokenId, key)))
            .Allow(Access.SignedIn)
            .WithSummary("Free exit: burn your token for its share of the treasury, every asset at once. Takes an Idempotency-Key. In chain mode: 202, paid once the burn is mined.")
            .Produces<RedemptionView>()
            .Produces<RedemptionPendingView>(StatusCodes.Status202Accepted);
    }
}
