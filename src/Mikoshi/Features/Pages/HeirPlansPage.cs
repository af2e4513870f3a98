using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Membership;

namespace Mikoshi.Features.Pages;

/// <summary>The heir panel's one query: the plans naming the person, and the community an action is about.</summary>
public sealed class HeirPlansPage(MikoshiDb db)
{
    public Task<IReadOnlyList<NamedPlanView>> LoadAsync(PersonId person, DateTimeOffset now) => NamedSuccessions.ForAsync(db, person, now);

    public Task<Community?> CommunityAsync(string slug) => PageReads.CommunityAsync(db, slug);
}
