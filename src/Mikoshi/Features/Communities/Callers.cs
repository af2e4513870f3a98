using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Features.Communities;

/// <summary>The caller of a request: who they are, and their roles in the community it is about, if any.</summary>
public sealed record Caller(PersonId? Person, Community? Community, IReadOnlySet<Role> Roles)
{
    public PersonId RequirePerson() => Person ?? throw new InvariantViolatedException("The access filter lets no anonymous caller reach this.");

    public Community RequireCommunity() => Community ?? throw new InvariantViolatedException("The route has no community.");

    public bool Is(Role role) => Roles.Contains(role);

    /// <summary>Treasurer powers: a treasurer, or an admin.</summary>
    public bool CanKeepTheBooks => Is(Role.Treasurer) || Is(Role.Admin);

    /// <summary>The powers of <paramref name="role"/>: holding it, or being an admin (who has every role's powers).</summary>
    public bool HasPowersOf(Role role) => Is(role) || Is(Role.Admin);

    /// <summary>Anyone with a place in the community: a token holder, a treasurer or an admin.</summary>
    public bool IsInsider => Roles.Any(r => r != Role.Visitor);

    /// <summary>Signed in, whatever the roles.</summary>
    public bool IsSignedIn => Person is not null;

    /// <summary>The audit actor: the person's id, or <c>anonymous</c>.</summary>
    public string Actor => Person?.ToString() ?? "anonymous";
}

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
    public async Task<Caller> InAsync(Community community, PersonId? person)
    {
        var roles = new HashSet<Role> { Role.Visitor };
        if (person is { } who)
        {
            roles.UnionWith(await db.CommunityRoles.AsNoTracking()
                .Where(r => r.CommunityId == community.Id && r.PersonId == who).Select(r => r.Role).ToListAsync());
            if (await db.Tokens.AsNoTracking().AnyAsync(t => t.CommunityId == community.Id && t.OwnerId == who))
            {
                roles.Add(Role.Member);
            }
        }

        return new Caller(person, community, roles);
    }
}
