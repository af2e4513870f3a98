using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Identity;

namespace Mikoshi.Features.People;

/// <summary>
/// People of one community (holders and role holders) whose display names look alike: the pages show each of them
/// with a short piece of their id, so a copy of the admin's name is not taken for the admin (issue 15, finding 9).
/// </summary>
public static class NameTwins
{
    /// <summary>The short mark shown beside a name that someone else in the community shares.</summary>
    public static string Mark(string personId) => "#" + personId[^6..];

    public static async Task<IReadOnlySet<string>> InAsync(MikoshiDb db, Community community)
    {
        var holders = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community.Id && t.OwnerId != null).Select(t => t.OwnerId!.Value).ToListAsync();
        var roles = await db.CommunityRoles.AsNoTracking().Where(r => r.CommunityId == community.Id).Select(r => r.PersonId).ToListAsync();
        var ids = holders.Concat(roles).Select(p => p.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync();
        return names.GroupBy(n => DisplayNameRules.Likeness(n.DisplayName)).Where(g => g.Count() > 1)
            .SelectMany(g => g).Select(n => new PersonId(n.Id).ToString()).ToHashSet(StringComparer.Ordinal);
    }
}
