using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Components;

/// <summary>An invitation waiting for the signed-in person's answer, with where it leads.</summary>
public sealed record OpenInvitation(long Id, string Slug, string CommunityName, long Project, string ProjectTitle, string Role, string AskedByName);

/// <summary>
/// Read-only queries the project pages need and the project use cases do not offer: whether a
/// person may start or ask to join a project, and the invitations waiting for them everywhere.
/// </summary>
public static class ProjectData
{
    /// <summary>Every status, in the order a project moves through them.</summary>
    public static IReadOnlyList<string> Statuses { get; } = Enum.GetValues<ProjectStatus>().Select(ProjectRules.Name).ToList();

    /// <summary>
    /// Whether the person holds a membership token of the community. The API lets only members start a
    /// project or ask to join one (its access filter); the pages ask the same question before offering it.
    /// </summary>
    public static Task<bool> IsMemberAsync(MikoshiDb db, CommunityId community, PersonId person) =>
        db.Tokens.AsNoTracking().AnyAsync(t => t.CommunityId == community && t.OwnerId == person);

    /// <summary>Invitations addressed to the person that are still waiting, in every community, oldest first.</summary>
    public static async Task<IReadOnlyList<OpenInvitation>> InvitationsForAsync(MikoshiDb db, PersonId person, CommunityId? only = null)
    {
        var open = await db.Invitations.AsNoTracking()
            .Where(i => i.PersonId == person && i.Kind == "invitation" && i.State == "pending" && (only == null || i.CommunityId == only))
            .OrderBy(i => i.CreatedAtUnixMs).ThenBy(i => i.Number).ToListAsync();
        if (open.Count == 0)
        {
            return [];
        }

        var communityIds = open.Select(i => i.CommunityId).Distinct().ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => communityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
        var projectNumbers = open.Select(i => i.ProjectNumber).Distinct().ToList();
        var projects = (await db.Projects.AsNoTracking()
                .Where(p => communityIds.Contains(p.CommunityId) && projectNumbers.Contains(p.Number)).ToListAsync())
            .ToDictionary(p => (p.CommunityId, p.Number), p => p.Title);
        var names = await Features.Projects.ProjectBook.NamesAsync(db, open.Select(i => i.AskedById));
        return open.Where(i => communities.ContainsKey(i.CommunityId))
            .Select(i => new OpenInvitation(i.Number, communities[i.CommunityId].Slug, communities[i.CommunityId].Name, i.ProjectNumber,
                projects.GetValueOrDefault((i.CommunityId, i.ProjectNumber), string.Empty), i.Role, names.GetValueOrDefault(i.AskedById, string.Empty)))
            .ToList();
    }
}
