using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Features.Communities;

namespace Mikoshi.Features.Membership;

public sealed record RedemptionView(long Token, long Supply, int RedemptionRateBps, IReadOnlyList<AmountView> Reclaim);

/// <summary>
/// Free exit: burn a token for a share of the treasury's free assets, every asset at once.
/// The preview gives the exact amounts the redemption would pay right now.
/// </summary>
public sealed class RedeemToken(Writer writer, MikoshiDb db)
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

    public Task<Result<Written>> RedeemAsync(PersonId holder, Community community, long serial, IdempotencyKey? idempotency = null) =>
        writer.RunAsync(community.Id.Value, holder.ToString(), idempotency, StatusCodes.Status200OK, async write =>
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

            var preview = await PreviewAsync(write.Db, await TokenBook.CurrentAsync(write.Db, community.Id), serial);
            if (!preview.IsSuccess)
            {
                return preview.Error!;
            }

            var postings = new List<Posting>();
            foreach (var amount in preview.Value.Reclaim)
            {
                var money = Money.Of(Asset.FromKnownCode(amount.Asset).Value, Int128.Parse(amount.Amount, System.Globalization.CultureInfo.InvariantCulture));
                postings.Add(new Posting(AccountId.Treasury, -money));
                postings.Add(new Posting(AccountId.ForPerson(holder.Value), money));
            }

            if (postings.Count > 0)
            {
                var posted = await write.PostAsync(JournalEntry.Create("redemption", $"token #{serial} redeemed", postings).Value);
                if (!posted.IsSuccess)
                {
                    return posted.Error!;
                }
            }

            await TokenBook.BurnAsync(write, token.Value);
            await Chain.ChainOutbox.EnqueueBurnAsync(write, community.Id, serial);
            return preview;
        });

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
            .WithSummary("Free exit: burn your token for its share of the treasury, every asset at once. Takes an Idempotency-Key.")
            .Produces<RedemptionView>();
    }
}
