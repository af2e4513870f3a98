using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Projects;

namespace Mikoshi.Features.Pages;

/// <summary>The projects page: the projects of a status, who is reading, and (for a signed-in reader) the skills to pick from.</summary>
public sealed record ProjectsView(Caller Caller, Result<ProjectList> Projects, IReadOnlyList<string> Skills);

/// <summary>The projects page's one query.</summary>
public sealed class ProjectsPage(MikoshiDb db, Callers callers)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<ProjectsView?> LoadAsync(string slug, PersonId? reader, string? status)
    {
        if (await callers.InAsync(slug, reader) is not { } caller)
        {
            return null;
        }

        var community = caller.RequireCommunity();
        var listed = await ProjectBoard.ListAsync(db, community, status);
        var skills = reader is null
            ? []
            : await db.Skills.AsNoTracking().Where(s => s.CommunityId == community.Id).Select(s => s.Name).OrderBy(s => s).ToListAsync();
        return new ProjectsView(caller, listed, skills);
    }
}
