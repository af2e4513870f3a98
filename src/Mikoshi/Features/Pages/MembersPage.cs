using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.People;

namespace Mikoshi.Features.Pages;

/// <summary>The members page: the members found, the names two people share, and every skill to filter by.</summary>
public sealed record MembersView(Community Community, MemberList Members, IReadOnlySet<string> Twins, IReadOnlyList<string> Skills);

/// <summary>The members page's one query.</summary>
public sealed class MembersPage(MikoshiDb db)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<MembersView?> LoadAsync(string slug, string? skill, string? value, string? q)
    {
        if (await PageReads.CommunityAsync(db, slug) is not { } community)
        {
            return null;
        }

        var members = await Profiles.MembersAsync(db, community, skill, value, q);
        var twins = await NameTwins.InAsync(db, community);
        var vocabulary = await db.Skills.AsNoTracking().Where(s => s.CommunityId == community.Id).Select(s => s.Name).ToListAsync();
        var skills = vocabulary.Concat(members.Items.SelectMany(m => m.Skills)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture).ToList();
        return new MembersView(community, members, twins, skills);
    }
}
