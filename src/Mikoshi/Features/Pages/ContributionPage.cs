using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Matching;
using Mikoshi.Features.Projects;

namespace Mikoshi.Features.Pages;

/// <summary>The contribution map page: the map, the newest thanks, the reputation settings, and who is reading.</summary>
public sealed record ContributionPageView(Caller Caller, ContributionMapView Map, IReadOnlyList<ThanksView> Thanks, MatchingSettingsView Settings);

/// <summary>The contribution map page's one query.</summary>
public sealed class ContributionPage(MikoshiDb db, Callers callers)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<ContributionPageView?> LoadAsync(string slug, PersonId? reader)
    {
        if (await callers.InAsync(slug, reader) is not { } caller)
        {
            return null;
        }

        var community = caller.RequireCommunity().Id;
        return new ContributionPageView(caller, await ContributionViews.MapAsync(db, community),
            await ThanksFeed.ViewsAsync(db, community, _ => true, long.MaxValue, 50),
            ReputationBoard.View(await ReputationBoard.HalfLifeAsync(db, community)));
    }
}
