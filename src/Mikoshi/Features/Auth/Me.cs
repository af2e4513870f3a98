using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Features.Auth;

/// <summary>
/// A community the caller belongs to: by a role, by holding tokens (the serials they hold, so a member with no role is
/// listed too, issue #20), or both. <see cref="Member"/> says whether they are a member (hold at least one token).
/// </summary>
// Wire format: the token numbers stay plain numbers.
public sealed record MyCommunity(string Slug, string Name, IReadOnlyList<string> Roles, IReadOnlyList<long>? Tokens = null)
{
    public bool Member => Tokens is { Count: > 0 };
}

public sealed record MeView(string PersonId, string Email, string DisplayName, IReadOnlyList<MyCommunity> Communities);

/// <summary>Who the caller is, and the communities where they hold a role or a token.</summary>
public static class Me
{
    public static async Task<MeView?> FindAsync(MikoshiDb db, Domain.Communities.PersonId person)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == person.Value);
        if (user is null)
        {
            return null;
        }

        var roles = await db.CommunityRoles.AsNoTracking().Where(r => r.PersonId == person)
            .Join(db.Communities, r => r.CommunityId, c => c.Id, (r, c) => new { c.Slug, c.Name, r.Role })
            .ToListAsync();
        var tokens = await db.Tokens.AsNoTracking().Where(t => t.OwnerId == person && t.BurnedAtUnixMs == null)
            .Join(db.Communities, t => t.CommunityId, c => c.Id, (t, c) => new { c.Slug, c.Name, t.Serial })
            .ToListAsync();
        var communities = roles.Select(r => (r.Slug, r.Name)).Concat(tokens.Select(t => (t.Slug, t.Name))).Distinct()
            .Select(c => new MyCommunity(
                c.Slug,
                c.Name,
                roles.Where(r => r.Slug == c.Slug).Select(r => r.Role.ToString().ToLowerInvariant()).Order().ToList(),
                tokens.Where(t => t.Slug == c.Slug).Select(t => t.Serial.Value).Order().ToList()))
            .OrderBy(c => c.Slug, StringComparer.Ordinal)
            .ToList();
        return new MeView(person.ToString(), user.Email ?? string.Empty, user.DisplayName, communities);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/me", async (HttpContext http, MikoshiDb db) =>
            await FindAsync(db, http.Caller().RequirePerson()) is { } me ? Results.Ok(me) : Results.Unauthorized())
        .Allow(Access.SignedIn)
        .WithSummary("The signed-in person.")
        .Produces<MeView>();
}
