using System.Globalization;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Membership;

namespace Mikoshi.Features.Pages;

/// <summary>
/// A community's page: who is reading, the community and its figures, the reader's balance, the membership terms, the
/// people a treasurer's deposit form may name, and the treasury's history in the asset the chart shows.
/// </summary>
public sealed record CommunityPageView(
    Caller Caller,
    CommunityView Community,
    Int128 MyBalance,
    MembershipView Membership,
    IReadOnlyList<PersonChoice> People,
    Asset? ChartAsset,
    IReadOnlyList<BalancePoint> History);

/// <summary>The community page's one query.</summary>
public sealed class CommunityPage(MikoshiDb db, Callers callers, ReadCache cache)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<CommunityPageView?> LoadAsync(string slug, PersonId? reader)
    {
        if (await callers.AtAsync(slug, reader) is not { } at)
        {
            return null;
        }

        // The same cached view as the API's, at the head version just read (docs/caches.md).
        var caller = at.Caller;
        var community = caller.RequireCommunity();
        var view = await GetCommunity.ViewAsync(db, cache, community, at.At);
        var balance = reader is { } person ? await PageReads.BalanceAsync(db, community.Id, person, community.BaseAsset) : Int128.Zero;
        var people = caller.CanKeepTheBooks ? await PageReads.PeopleAsync(db, community.Id) : [];

        // The base asset's history, or the first asset the treasury holds when the base has none.
        var figures = view.Figures.Treasury;
        var shown = figures.FirstOrDefault(a => a.Asset == view.BaseAsset) ?? (figures.Count > 0 ? figures[0] : null);
        Asset? chartAsset = null;
        IReadOnlyList<BalancePoint> history = [];
        if (shown is not null && Asset.FromKnownCode(shown.Asset) is { IsSuccess: true } asset)
        {
            chartAsset = asset.Value;
            history = await PageReads.TreasuryHistoryAsync(db, community.Id, shown.Asset, Int128.Parse(shown.Amount, CultureInfo.InvariantCulture));
        }

        return new CommunityPageView(caller, view, balance, await MembershipAsync(community), people, chartAsset, history);
    }

    public Task<MembershipView> MembershipAsync(Community community) => ChangeParameters.ViewAsync(db, community);
}
