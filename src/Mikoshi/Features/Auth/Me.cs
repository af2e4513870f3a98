using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;

namespace Mikoshi.Features.Auth;

public sealed record MyCommunity(string Slug, string Name, IReadOnlyList<string> Roles);

public sealed record MeView(string PersonId, string Email, string DisplayName, IReadOnlyList<MyCommunity> Communities);

/// <summary>Who the caller is, and the communities where they hold a role.</summary>
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
        var communities = roles.GroupBy(r => (r.Slug, r.Name))
            .Select(g => new MyCommunity(g.Key.Slug, g.Key.Name, g.Select(r => r.Role.ToString().ToLowerInvariant()).Order().ToList()))
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
