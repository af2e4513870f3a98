using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Identity;

namespace Mikoshi.Features.Communities;

public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);

public sealed record RolesView(string PersonId, IReadOnlyList<string> Roles);

/// <summary>An admin sets which of the granted roles (treasurer, admin) a person holds.</summary>
public sealed class SetRoles(Writer writer, MikoshiDb db)
{
    private static readonly Dictionary<string, Role> Grantable = new(StringComparer.Ordinal)
    {
        ["treasurer"] = Role.Treasurer,
        ["admin"] = Role.Admin,
    };

    /// <summary>The caller, an admin still when the write runs, sets <paramref name="personId"/>'s roles.</summary>
    public async Task<Result<Committed<RolesView>>> HandleAsync(Caller admin, string personId, SetRolesRequest request)
    {
        var community = admin.RequireCommunity();
        if (!Guid.TryParse(personId, out var id) || !await db.Users.AnyAsync(u => u.Id == id))
        {
            return IdentityErrors.PersonNotFound;
        }

        var wanted = new HashSet<Role>();
        foreach (var name in request.Roles ?? [])
        {
            if (name is null || !Grantable.TryGetValue(name, out var role))
            {
                return CommunityErrors.InvalidRole(name ?? string.Empty);
            }

            wanted.Add(role);
        }

        var person = new PersonId(id);
        return await writer.RunAsync(admin, Access.Admin, null, async write =>
        {
            var held = await db.CommunityRoles.Where(r => r.CommunityId == community.Id && r.PersonId == person).ToListAsync();
            var adminsLeft = await db.CommunityRoles.CountAsync(r => r.CommunityId == community.Id && r.Role == Role.Admin && r.PersonId != person);
            if (!wanted.Contains(Role.Admin) && adminsLeft == 0)
            {
                return CommunityErrors.LastAdmin;
            }

            foreach (var row in held.Where(r => !wanted.Contains(r.Role)))
            {
                db.CommunityRoles.Remove(row);
                await write.AuditAsync("role.revoked", new { person = person.ToString(), role = row.Role.ToString().ToLowerInvariant() });
            }

            foreach (var role in wanted.Where(w => held.All(h => h.Role != w)).Order())
            {
                db.CommunityRoles.Add(new CommunityRoleRow { CommunityId = community.Id, PersonId = person, Role = role });
                await write.AuditAsync("role.granted", new { person = person.ToString(), role = role.ToString().ToLowerInvariant() });
            }

            return Result<RolesView>.Ok(new RolesView(person.ToString(), wanted.Order().Select(r => r.ToString().ToLowerInvariant()).ToList()));
        });
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPut("/communities/{slug}/roles/{personId}", async (string personId, SetRolesRequest request, SetRoles set, HttpContext http) =>
            Problems.From(await set.HandleAsync(http.Caller(), personId, request), StatusCodes.Status200OK, http))
        .Allow(Access.Admin)
        .WithSummary("Set the roles (treasurer, admin) a person holds in the community.")
        .Produces<RolesView>();
}
