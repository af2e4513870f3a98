using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Membership;

namespace Mikoshi.Features.Pages;

/// <summary>The market: open listings cheapest first, their sellers' names, and the newest sales.</summary>
public sealed record MarketView(Caller Caller, Community Community, IReadOnlyList<ListingView> Listings, Dictionary<string, string> Names, IReadOnlyList<RecentSale> Sales);

/// <summary>The market page's one query.</summary>
public sealed class MarketPage(MikoshiDb db, Callers callers)
{
    /// <summary>The page as <paramref name="reader"/> sees it, or null when there is no such community.</summary>
    public async Task<MarketView?> LoadAsync(string slug, PersonId? reader)
    {
        if (await callers.InAsync(slug, reader) is not { } caller)
        {
            return null;
        }

        var community = caller.RequireCommunity();
        var open = await db.Listings.AsNoTracking().Where(l => l.CommunityId == community.Id && l.State == ListingState.Open).ToListAsync();
        var listings = open.OrderBy(l => l.Price).ThenBy(l => l.Number).Select(Listings.View).ToList();
        return new MarketView(caller, community, listings, await PageReads.NamesAsync(db, listings.Select(l => l.Seller)), await PageReads.RecentSalesAsync(db, community.Id, 20));
    }
}
