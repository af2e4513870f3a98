using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Membership;

namespace Mikoshi.Features.Pages;

/// <summary>The market: open listings cheapest first, their sellers' names, and the newest sales.</summary>
public sealed record MarketView(Community Community, IReadOnlyList<ListingView> Listings, Dictionary<string, string> Names, IReadOnlyList<RecentSale> Sales);

/// <summary>The market page's one query.</summary>
public sealed class MarketPage(MikoshiDb db)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<MarketView?> LoadAsync(string slug)
    {
        if (await PageReads.CommunityAsync(db, slug) is not { } community)
        {
            return null;
        }

        var open = await db.Listings.AsNoTracking().Where(l => l.CommunityId == community.Id && l.State == "open").ToListAsync();
        var listings = open.OrderBy(l => l.Price).ThenBy(l => l.Number).Select(Listings.View).ToList();
        return new MarketView(community, listings, await PageReads.NamesAsync(db, listings.Select(l => l.Seller)), await PageReads.RecentSalesAsync(db, community.Id, 20));
    }
}
