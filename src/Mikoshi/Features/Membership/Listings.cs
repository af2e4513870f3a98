using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Communities;

namespace Mikoshi.Features.Membership;

public sealed record ListRequest(string? Price);

public sealed record ListingView(long Id, long Token, string Seller, AmountView Price, string State, DateTimeOffset CreatedAt);

public sealed record SaleView(long Listing, long Token, string Seller, string Buyer, AmountView Price, AmountView Royalty, AmountView SellerReceives, Revenue.SettledShare? Settled = null);

/// <summary>Member-to-member sales: the owner lists a token; another person buys it; the treasury takes the royalty.</summary>
public sealed class Listings(Writer writer)
{
    public Task<Result<Written>> ListAsync(PersonId seller, Community community, long serial, ListRequest request, IdempotencyKey? idempotency = null) =>
        writer.RunAsync(community.Id.Value, seller.ToString(), idempotency, StatusCodes.Status201Created, async write =>
        {
            var price = Money.Parse(community.Base, request.Price);
            if (!price.IsSuccess)
            {
                return price.Error;
            }

            var token = await TokenBook.FindMovableAsync(write, community.Id, serial);
            if (!token.IsSuccess)
            {
                return token.Error;
            }

            if (token.Value.OwnerId != seller)
            {
                return MembershipErrors.NotTokenOwner;
            }

            var db = write.Db;
            foreach (var earlier in await db.Listings.Where(l => l.CommunityId == community.Id && l.Serial == serial && l.State == "open").ToListAsync())
            {
                earlier.State = "cancelled";
                earlier.ClosedAtUnixMs = write.At.ToUnixTimeMilliseconds();
            }

            var number = await ChainHeads.TakeAsync(db, community.Id.Value, "listings");
            var listing = new ListingRow
            {
                CommunityId = community.Id,
                Number = number,
                Serial = serial,
                SellerId = seller,
                Price = price.Value.Units,
                Asset = community.BaseAsset,
                CreatedAtUnixMs = write.At.ToUnixTimeMilliseconds(),
            };
            db.Listings.Add(listing);
            await write.AuditAsync("listing.opened", new { listing = number, token = serial, seller = seller.ToString(), price = price.Value.UnitsText });
            return Result<ListingView>.Ok(View(listing));
        });

    public Task<Result<Written>> CancelAsync(PersonId seller, Community community, long number) =>
        writer.RunAsync(community.Id.Value, seller.ToString(), null, StatusCodes.Status200OK, async write =>
        {
            var listing = await OpenListingAsync(write.Db, community.Id, number);
            if (!listing.IsSuccess)
            {
                return listing.Error;
            }

            if (listing.Value.SellerId != seller)
            {
                return MembershipErrors.NotTokenOwner;
            }

            listing.Value.State = "cancelled";
            listing.Value.ClosedAtUnixMs = write.At.ToUnixTimeMilliseconds();
            await write.AuditAsync("listing.cancelled", new { listing = number });
            return Result<ListingView>.Ok(View(listing.Value));
        });

    public Task<Result<Written>> BuyAsync(PersonId buyer, Community community, long number, IdempotencyKey? idempotency = null) =>
        writer.RunAsync(community.Id.Value, buyer.ToString(), idempotency, StatusCodes.Status200OK, async write =>
        {
            var listing = await OpenListingAsync(write.Db, community.Id, number);
            if (!listing.IsSuccess)
            {
                return listing.Error;
            }

            var token = await TokenBook.FindMovableAsync(write, community.Id, listing.Value.Serial);
            if (!token.IsSuccess)
            {
                return token.Error;
            }

            if (await Chain.ChainOutbox.InChainModeAsync(write.Db, community.Id))
            {
                return Chain.ChainOutbox.OnChainOwnership;
            }

            var seller = listing.Value.SellerId;
            if (token.Value.OwnerId != seller)
            {
                return MembershipErrors.ListingStale;
            }

            if (buyer == seller)
            {
                return MembershipErrors.OwnListing;
            }

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
                var (paidIn, received) = await Revenue.HolderShares.CapStandingAsync(write.Db, current, seller, current.BaseAsset);
                var gain = LlcRules.MaySell(current, proceeds, paidIn, received);
                if (!gain.IsSuccess)
                {
                    return gain.Error;
                }

                await Revenue.HolderShares.CapAsync(write.Db, current, seller, current.BaseAsset, proceeds, record: true);
            }
            var entry = TokenBook.Entry("sale", $"token #{token.Value.Serial} sold",
                new Posting(AccountId.ForPerson(buyer.Value), -price),
                new Posting(AccountId.Treasury, Money.Of(community.Base, royalty)),
                new Posting(AccountId.ForPerson(seller.Value), Money.Of(community.Base, proceeds)));
            var posted = await write.PostAsync(entry.Value, $"listing {number}");
            if (!posted.IsSuccess)
            {
                return posted.Error;
            }

            var settled = await TokenBook.MoveAsync(write, token.Value, buyer, LineageKind.Sold, price.Units);
            return Result<SaleView>.Ok(new SaleView(number, token.Value.Serial, seller.ToString(), buyer.ToString(),
                AmountView.Of(price), AmountView.Of(community.BaseAsset, royalty), AmountView.Of(community.BaseAsset, proceeds), settled));
        });

    private static async Task<Result<ListingRow>> OpenListingAsync(MikoshiDb db, CommunityId community, long number)
    {
        var listing = await db.Listings.FirstOrDefaultAsync(l => l.CommunityId == community && l.Number == number);
        return listing switch
        {
            null => MembershipErrors.ListingNotFound,
            { State: "stale" } => MembershipErrors.ListingStale,
            { State: not "open" } => MembershipErrors.ListingClosed,
            _ => listing,
        };
    }

    public static ListingView View(ListingRow l) =>
        new(l.Number, l.Serial, l.SellerId.ToString(), AmountView.Of(l.Asset, l.Price), l.State, DateTimeOffset.FromUnixTimeMilliseconds(l.CreatedAtUnixMs));

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/communities/{slug}/tokens/{tokenId:long}/listings", (long tokenId, ListRequest request, Listings listings, HttpContext http) =>
                Idempotency.WriteAsync(http, request, (caller, key) => listings.ListAsync(caller.RequirePerson(), caller.RequireCommunity(), tokenId, request, key)))
            .Allow(Access.Member)
            .WithSummary("Offer your token for sale at a price in the base asset; replaces your earlier listing of it.")
            .Produces<ListingView>(StatusCodes.Status201Created);
        api.MapPost("/communities/{slug}/listings/{listingId:long}/cancel", async (long listingId, Listings listings, HttpContext http) =>
            {
                var caller = http.Caller();
                return Problems.From(await listings.CancelAsync(caller.RequirePerson(), caller.RequireCommunity(), listingId), http);
            })
            .Allow(Access.Member)
            .WithSummary("Withdraw your listing.")
            .Produces<ListingView>();
        api.MapPost("/communities/{slug}/listings/{listingId:long}/buy", (long listingId, Listings listings, HttpContext http) =>
                Idempotency.WriteAsync(http, listingId, (caller, key) => listings.BuyAsync(caller.RequirePerson(), caller.RequireCommunity(), listingId, key)))
            .Allow(Access.SignedIn)
            .WithSummary("Buy a listed token, paid from your account; the royalty goes to the treasury. Takes an Idempotency-Key.")
            .Produces<SaleView>();
        api.MapGet("/communities/{slug}/listings", async (HttpContext http, MikoshiDb db) =>
            {
                var community = http.Caller().RequireCommunity();
                var open = await db.Listings.AsNoTracking().Where(l => l.CommunityId == community.Id && l.State == "open").ToListAsync();
                return Results.Ok(new { items = open.OrderBy(l => l.Price).ThenBy(l => l.Number).Select(View).ToList() });
            })
            .Allow(Access.Anyone)
            .WithSummary("Open listings, cheapest first.");
    }
}
