using System.Collections.Frozen;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Features.Communities;

/// <summary>A caller in a community and the head version their request reads at (docs/caches.md).</summary>
public sealed record CallerAt(Caller Caller, HeadVersion At);

/// <summary>
/// The one door for who the caller is. The API's access filter (bearer token or cookie), the pages (cookie) and the
/// CLI (its <c>--by</c> identity) all build their <see cref="Caller"/> here, so a role means the same whichever door a
/// person comes through: the roles granted in the community, plus member while they hold one of its tokens.
/// With the <see cref="ReadCache"/> (the server's doors), the community and the person's roles are read once per head
/// version: a role granted or revoked, a token minted, moved or burned all bump it, so the next request reads afresh.
/// </summary>
public sealed class Callers(MikoshiDb db, ReadCache? cache = null)
{
    private static readonly IReadOnlySet<Role> VisitorOnly = new[] { Role.Visitor }.ToFrozenSet();

    /// <summary>The person a signed-in principal (cookie or bearer) is, or null.</summary>
    public static PersonId? PersonOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? new PersonId(id) : null;

    /// <summary>A caller outside any community: a visitor, signed in or not.</summary>
    public static Caller Outside(PersonId? person) => new(person, null, new HashSet<Role> { Role.Visitor });

    /// <summary>The caller in the community with this slug; null when there is no such community.</summary>
    public async Task<Caller?> InAsync(string slug, PersonId? person) => (await AtAsync(slug, person))?.Caller;

    /// <summary>
    /// The caller in the community with this slug and the head version read for it (the request's first statement);
    /// null when there is no such community.
    /// </summary>
    public async Task<CallerAt?> AtAsync(string slug, PersonId? person)
    {
        if (cache is null)
        {
            var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
            return community is null ? null : new CallerAt(await InAsync(community, person), await ReadCache.VersionAsync(db, community.Id));
        }

        if (await cache.FindAsync(db, slug) is not { } found)
        {
            return null;
        }

        var (id, at) = found;

        // The community as read at this version: no use case changes the instance a caller carries (writes read
        // their own, tracked copy), so one instance may be shared by every request of the version.
        var cached = await cache.GetOrReadAsync(new ReadKey("community", id.Value, at with { Instance = 0 }),
            () => db.Communities.AsNoTracking().SingleAsync(c => c.Id == id));
        var roles = person is { } who
            ? await cache.GetOrReadAsync(new ReadKey("roles", id.Value, at with { Instance = 0 }, who.ToString()),
                async () => (await RoleBook.OfAsync(db, id, who)).ToFrozenSet())
            : VisitorOnly;
        return new CallerAt(new Caller(person, cached, roles), at);
    }

    /// <summary>The caller in a community already read.</summary>
    public async Task<Caller> InAsync(Community community, PersonId? person) =>
        new(person, community, await RoleBook.OfAsync(db, community.Id, person));
}
