using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Membership;

namespace Mikoshi.Features.Pages;

/// <summary>What the succession page shows a holder: whom they may name, how many tokens they hold, their plan and the names in it.</summary>
public sealed record MySuccessionView(Caller Caller, IReadOnlyList<PersonChoice> People, int Held, SuccessionView? Plan, Dictionary<string, string> Names);

/// <summary>The succession page's one query.</summary>
public sealed class SuccessionPage(MikoshiDb db, Callers callers)
{
    public Task<Community?> CommunityAsync(string slug) => PageReads.CommunityAsync(db, slug);

    /// <summary>The holder's side of the page.</summary>
    public async Task<MySuccessionView> LoadAsync(Community community, PersonId holder)
    {
        var people = (await PageReads.PeopleAsync(db, community.Id)).Where(p => p.Id != holder.ToString()).ToList();
        var held = await db.Tokens.AsNoTracking().CountAsync(t => t.CommunityId == community.Id && t.OwnerId == holder);
        var plan = await PlanAsync(db, community, holder);
        var names = plan is null
            ? []
            : await PageReads.NamesAsync(db, plan.Successors.Select(s => s.PersonId).Concat(plan.Guardians).Concat(plan.Confirmations));
        return new MySuccessionView(await callers.InAsync(community, holder), people, held, plan, names);
    }

    /// <summary>A holder's succession plan in a community, or null when they have none.</summary>
    internal static async Task<SuccessionView?> PlanAsync(MikoshiDb db, Community community, PersonId holder)
    {
        var plan = await db.SuccessionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.CommunityId == community.Id && p.Holder == holder);
        return plan is null ? null : await Succession.ViewAsync(db, community, plan);
    }
}
