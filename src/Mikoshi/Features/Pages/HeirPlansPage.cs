using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Membership;

namespace Mikoshi.Features.Pages;

/// <summary>The heir panel's one query: the plans naming the person, and the caller in the community an action is about.</summary>
public sealed class HeirPlansPage(MikoshiDb db, Callers callers)
{
    public Task<IReadOnlyList<NamedPlanView>> LoadAsync(PersonId person, DateTimeOffset now) => NamedSuccessions.ForAsync(db, person, now);

    /// <summary>The person as a caller in the community with this slug; null when there is no such community.</summary>
    public Task<Caller?> CallerAsync(string slug, PersonId person) => callers.InAsync(slug, person);
}
