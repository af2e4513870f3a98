using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Matching;

namespace Mikoshi.Features.Pages;

/// <summary>A person's contribution panel: the people they work with, their reputation and their timeline (each null when unreadable).</summary>
public sealed record PersonContributionView(CollaboratorsView? Collaborators, ReputationView? Reputation, TimelineView? Timeline);

/// <summary>The person contribution panel's one query.</summary>
public sealed class PersonContributionPage(MikoshiDb db)
{
    public async Task<PersonContributionView> LoadAsync(Community community, string personId, DateTimeOffset now)
    {
        var found = await Suggestions.CollaboratorsAsync(db, community, personId);
        var earned = await ReputationBoard.ReputationAsync(db, community, personId, now);
        var lived = await ContributionViews.TimelineAsync(db, community, personId);
        return new PersonContributionView(found.IsSuccess ? found.Value : null, earned.IsSuccess ? earned.Value : null, lived.IsSuccess ? lived.Value : null);
    }
}
