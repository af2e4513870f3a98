using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Governance;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Membership;

public sealed record ListRequest(string? Price);

// Wire format: the token number stays a plain number.
public sealed record ListingView(long Id, long Token, string Seller, AmountView Price, string State, DateTimeOffset CreatedAt);

// Wire format: the token number stays a plain number.
public sealed record SaleView(long Listing, long Token, string Seller, string Buyer, AmountView Price, AmountView Royalty, AmountView SellerReceives, SettledShare? Settled = null);

/// <summary>Member-to-member sales: the owner lists a token; another person buys it; the treasury takes the royalty.</summary>
public sealed class Listings(Writer writer)
{
    /// <summary>The caller lists their token: a member still (checked under the lock), and its owner.</summary>
    public Task<Result<Committed<ListingView>>> ListAsync(Caller caller, TokenId serial, ListRequest request, IdempotencyKey? idempotency = null) =>
        writer.RunAsync(caller, Access.Member, idempotency, async write =>
        {
            var (seller, community) = (caller.RequirePerson(), caller.RequireCommunity());
            var price = Money.Parse(community.Base, request.Price);
            if (!price.IsSuccess)
            {
                return price.Error;
            }

            var token = await TokenLocks.FindMovableAsync(write, community.Id, serial);
            if (!token.IsSuccess)
            {
                return token.Error;
            }

            var owned = token.Value.OwnedBy(seller);
            if (!owned.IsSuccess)
            {
                return owned.Error;
            }

            var db = write.Db;
            foreach (var earlier in await db.Listings.Where(l => l.CommunityId == community.Id && l.Serial == serial && l.State == ListingState.Open).ToListAsync())
            {
                earlier.Replace(write.At);
            }

            var number = await ChainHeads.TakeAsync(db, community.Id.Value, "listings");
            var opened = Listing.Open(community.Id, number, token.Value, seller, price.Value, write.At);
            if (!opened.IsSuccess)
            {
                return opened.Error;
            }

            var listing = opened.Value;
            db.Listings.Add(listing);
            await write.AuditAsync("listing.opened", new { listing = number, token = serial, seller = seller.ToString(), price = price.Value.UnitsText });
            return Result<ListingView>.Ok(View(listing));
        });

    public Task<Result<Committed<ListingView>>> CancelAsync(Caller caller, long number) =>
        writer.RunAsync(caller, Access.Member, null, async write =>
        {
            var (seller, community) = (caller.RequirePerson(), caller.RequireCommunity());
            var listing = await OpenListingAsync(write.Db, community.Id, number);
            if (!listing.IsSuccess)
            {
                return listing.Error;
            }

            var cancelled = listing.Value.Cancel(seller, write.At);
            if (!cancelled.IsSuccess)
            {
                return cancelled.Error;
            }

            await write.AuditAsync("listing.cancelled", new { listing = number });
            return Result<ListingView>.Ok(View(listing.Value));
        });

    public Task<Result<Committed<SaleView>>> BuyAsync(Caller caller, long number, IdempotencyKey? idempotency = null) =>
        writer.RunAsync(caller, Access.SignedIn, idempotency, async write =>
        {
            var (buyer, community) = (caller.RequirePerson(), caller.RequireCommunity());
            var listing = await OpenListingAsync(write.Db, community.Id, number);
            if (!listing.IsSuccess)
            {
                return listing.Error;
            }

            var token = await TokenLocks.FindMovableAsync(write, community.Id, listing.Value.Serial);
            if (!token.IsSuccess)
            {
                return token.Error;
            }

            if (await Chain.ChainOutbox.InChainModeAsync(write.Db, community.Id))
            {
                return Chain.ChainOutbox.OnChainOwnership;
            }

            var sold = listing.Value.SellableTo(buyer, token.Value);
            if (!sold.IsSuccess)
            {
                return sold.Error;
            }

            var seller = sold.Value;

            var consent = await LlcDao.ConsentAsync(write, community.Id, buyer, LlcMove.Purchase);
            if (!consent.IsSuccess)
            {
                return consent.Error;
            }

            var price = Money.Of(community.Base, listing.Value.Price);
            var current = await TokenBook.CurrentAsync(write.Db, community.Id);
            var (royalty, proceeds) = current.Policy.SplitSale(price.Units);

            // LLC-type DAO: the seller's proceeds count against the cap at what they paid in, like a distribution.
            if (current.LlcDao)
            {
                var (paidIn, received) = await HolderShares.CapStandingAsync(write.Db, current, seller, current.BaseAsset);
                var gain = LlcRules.MaySell(current, proceeds, paidIn, received);
                if (!gain.IsSuccess)
                {
                    return gain.Error;
                }

                await HolderShares.CapAsync(write.Db, current, seller, current.BaseAsset, proceeds, record: true);
            }
            var entry = JournalEntry.CreateWithoutZeroLegs("sale", $"token #{token.Value.Serial} sold",
                new Posting(AccountId.ForPerson(buyer.Value), -price),
                new Posting(AccountId.Treasury, Money.Of(community.Base, royalty)),
                new Posting(AccountId.ForPerson(seller.Value), Money.Of(community.Base, proceeds)));
            var posted = await write.PostAsync(entry.Value, $"listing {number}");
            if (!posted.IsSuccess)
            {
                return posted.Error;
            }

            var settled = await TokenBook.MoveAsync(write, token.Value, buyer, LineageKind.Sold, price.Units);
            return Result<SaleView>.Ok(new SaleView(number, token.Value.Serial.Value, seller.ToString(), buyer.ToString(),
                AmountView.Of(price), AmountView.Of(community.BaseAsset, royalty), AmountView.Of(community.BaseAsset, proceeds), settled));
        });

    private static async Task<Result<Listing>> OpenListingAsync(MikoshiDb db, CommunityId community, long number) =>
        await db.Listings.FirstOrDefaultAsync(l => l.CommunityId == community && l.Number == number) is { } listing
            ? listing.OnOffer()
            : MembershipErrors.ListingNotFound;

    public static ListingView View(Listing l) =>
        new(l.Number, l.Serial.Value, l.SellerId.ToString(), AmountView.Of(l.Asset, l.Price), StateName(l.State), DateTimeOffset.FromUnixTimeMilliseconds(l.CreatedAtUnixMs));

    /// <summary>A listing's state as the API writes it (and the store keeps it): <c>open</c>, <c>sold</c>, <c>cancelled</c>, <c>stale</c>.</summary>
    public static string StateName(ListingState state) => state.ToString().ToLowerInvariant();

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/communities/{slug}/tokens/{tokenId:long}/listings", (long tokenId, ListRequest request, Listings listings, HttpContext http) =>
                TokenId.Of(tokenId) is { IsSuccess: true } id
                    ? Idempotency.WriteAsync(http, request, StatusCodes.Status201Created, (caller, key) => listings.ListAsync(caller, id.Value, request, key))
                    : Task.FromResult(Problems.For(MembershipErrors.TokenNotFound)))
            .Allow(Access.Member)
            .WithSummary("Offer your token for sale at a price in the base asset; replaces your earlier listing of it.")
            .Produces<ListingView>(StatusCodes.Status201Created);
        api.MapPost("/communities/{slug}/listings/{listingId:long}/cancel", async (long listingId, Listings listings, HttpContext http) =>
                Problems.From(await listings.CancelAsync(http.Caller(), listingId), StatusCodes.Status200OK, http))
            .Allow(Access.Member)
            .WithSummary("Withdraw your listing.")
            .Produces<ListingView>();
        api.MapPost("/communities/{slug}/listings/{listingId:long}/buy", (long listingId, Listings listings, HttpContext http) =>
                Idempotency.WriteAsync(http, listingId, StatusCodes.Status200OK, (caller, key) => listings.BuyAsync(caller, listingId, key)))
            .Allow(Access.SignedIn)
            .WithSummary("Buy a listed token, paid from your account; the royalty goes to the treasury. Takes an Idempotency-Key.")
            .Produces<SaleView>();
        api.MapGet("/communities/{slug}/listings", async (HttpContext http, MikoshiDb db) =>
            {
                var community = http.Caller().RequireCommunity();
                var open = await db.Listings.AsNoTracking().Where(l => l.CommunityId == community.Id && l.State == ListingState.Open).ToListAsync();
                return Results.Ok(new { items = open.OrderBy(l => l.Price).ThenBy(l => l.Number).Select(View).ToList() });
            })
            .Allow(Access.Anyone)
            .WithSummary("Open listings, cheapest first.");
    }
}
