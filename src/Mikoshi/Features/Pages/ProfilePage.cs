using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.People;

namespace Mikoshi.Features.Pages;

/// <summary>
/// The profile page: the person's time zone, the community they came from (if it is one of theirs), and the
/// suggestions from the communities they belong to — that one's skills and values first.
/// </summary>
public sealed record ProfilePageView(MikoshiUser User, Community? From, IReadOnlyList<string> Vocabulary, IReadOnlyList<string> CharterValues);

/// <summary>The profile page's one query, and the profile use case with the store it needs.</summary>
public sealed class ProfilePage(MikoshiDb db, Writer writer)
{
    /// <summary>The page, or null when the person has no account.</summary>
    public async Task<ProfilePageView?> LoadAsync(PersonId person, string? from)
    {
        if (await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == person.Value) is not { } user)
        {
            return null;
        }

        // Suggestions come from the communities the person belongs to (the one they came from first).
        var communityIds = await db.CommunityRoles.AsNoTracking().Where(r => r.PersonId == person).Select(r => r.CommunityId)
            .Concat(db.Tokens.AsNoTracking().Where(t => t.OwnerId == person).Select(t => t.CommunityId)).Distinct().ToListAsync();
        var communities = await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id) || c.Slug == from).ToListAsync();
        var first = communities.FirstOrDefault(c => c.Slug == from);
        var ids = communities.Select(c => c.Id).ToList();
        var skills = await db.Skills.AsNoTracking().Where(s => ids.Contains(s.CommunityId)).Select(s => new { s.CommunityId, s.Name }).ToListAsync();
        var vocabulary = skills.OrderBy(s => first is not null && s.CommunityId == first.Id ? 0 : 1).ThenBy(s => s.Name, StringComparer.CurrentCulture)
            .Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var charterValues = communities.OrderBy(c => c == first ? 0 : 1).SelectMany(c => c.Values).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new ProfilePageView(user, first, vocabulary, charterValues);
    }

    public Task<Result<ProfileView>> UpdateAsync(PersonId person, ProfileRequest request) => Profiles.UpdateAsync(db, writer, person, request);
}
