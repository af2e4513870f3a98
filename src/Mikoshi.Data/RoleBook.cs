using Microsoft.EntityFrameworkCore;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>
/// A person's roles in a community, as the store holds them now: visitor always; the roles granted; member while they
/// hold one of its tokens. The one reading of roles — the doors build their <see cref="Caller"/> from it, and a write
/// reads it again under its lock (<see cref="WriteScope.RequireAsync"/>).
/// </summary>
public static class RoleBook
{
    public static async Task<IReadOnlySet<Role>> OfAsync(MikoshiDb db, CommunityId community, PersonId? person, CancellationToken cancellationToken = default)
    {
        var roles = new HashSet<Role> { Role.Visitor };
        if (person is { } who)
        {
            roles.UnionWith(await db.CommunityRoles.AsNoTracking()
                .Where(r => r.CommunityId == community && r.PersonId == who).Select(r => r.Role).ToListAsync(cancellationToken));
            if (await db.Tokens.AsNoTracking().AnyAsync(t => t.CommunityId == community && t.OwnerId == who, cancellationToken))
            {
                roles.Add(Role.Member);
            }
        }

        return roles;
    }
}
