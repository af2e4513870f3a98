using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Features.Projects;

/// <summary>Reads shared by the project use cases: a project by number, who is on its team.</summary>
public static class ProjectBook
{
    public static async Task<Result<Project>> FindAsync(MikoshiDb db, CommunityId community, ProjectNumber number)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.CommunityId == community && p.Number == number);
        return project is null ? ProjectErrors.ProjectNotFound : project;
    }

    /// <summary>The person's role on the team, or null when they are not on it.</summary>
    public static Task<string?> RoleAsync(MikoshiDb db, CommunityId community, ProjectNumber project, PersonId person) =>
        db.TeamMembers.Where(m => m.CommunityId == community && m.ProjectNumber == project && m.PersonId == person)
            .Select(m => m.Role).FirstOrDefaultAsync();

    public static async Task<Error?> RequireLeadAsync(MikoshiDb db, CommunityId community, ProjectNumber project, PersonId person) =>
        await RoleAsync(db, community, project, person) == ProjectRules.Lead
            ? null
            : ProjectErrors.NotProjectLead;

    public static DateTimeOffset Instant(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
