using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Features.Communities;

/// <summary>
/// The one door for who the caller is. The API's access filter (bearer token or cookie), the pages (cookie) and the
/// CLI (its <c>--by</c> identity) all build their <see cref="Caller"/> here, so a role means the same whichever door a
/// person comes through: the roles granted in the community, plus member while they hold one of its tokens.
/// </summary>
public sealed class Callers(MikoshiDb db)
{
    /// <summary>The person a signed-in principal (cookie or bearer) is, or null.</summary>
    public static PersonId? PersonOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? new PersonId(id) : null;

    /// <summary>A caller outside any community: a visitor, signed in or not.</summary>
    public static Caller Outside(PersonId? person) => new(person, null, new HashSet<Role> { Role.Visitor });

    /// <summary>The caller in the community with this slug; null when there is no such community.</summary>
    public async Task<Caller?> InAsync(string slug, PersonId? person)
    {
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
        return community is null ? null : await InAsync(community, person);
    }

    /// <summary>The caller in a community already read.</summary>
    public async Task<Caller> InAsync(Community community, PersonId? person) =>
        new(person, community, await RoleBook.OfAsync(db, community.Id, person));
}
