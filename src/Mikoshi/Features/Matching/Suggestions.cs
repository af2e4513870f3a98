using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Projects;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Matching;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Projects;

namespace Mikoshi.Features.Matching;

// Wire format: the project number stays a plain number.
public sealed record TeamSuggestionView(
    long Project,
    IReadOnlyList<SuggestionView> Members,
    IReadOnlyList<string> Needed,
    IReadOnlyList<string> CoveredByTeam,
    IReadOnlyList<string> CoveredBySuggestions,
    IReadOnlyList<string> Uncovered,
    IReadOnlyList<NoteView> Notes);

public sealed record CollaboratorsView(string PersonId, IReadOnlyList<SuggestionView> People, IReadOnlyList<NoteView> Notes);

/// <summary>
/// Suggestions (異業種コラボ): a team for a project — people who cover its missing skills, share its values and
/// are not overloaded — and collaborators for a person. Every suggestion carries its reasons as data; a project
/// with no needed skills, an empty profile or unknown tags give an empty list with notes, never an error.
/// </summary>
public static class Suggestions
{
    public static async Task<Result<TeamSuggestionView>> TeamAsync(MikoshiDb db, Community community, ProjectNumber project)
    {
        var found = await ProjectBook.FindAsync(db, community.Id, project);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var row = found.Value;
        var (index, teams) = await MatchingBook.IndexAsync(db, community.Id);
        var team = teams.ByProject.GetValueOrDefault(project) ?? [];
        var values = row.Values;
        if (values.Count == 0)
        {
            // A project that names no values is held to its lead's.
            values = await db.Users.AsNoTracking().Where(u => u.Id == row.CreatedById.Value).Select(u => u.Values).FirstOrDefaultAsync() ?? [];
        }

        var suggestion = TeamSuggester.Suggest(index, new TeamRequest(row.NeededSkills, values, team));
        var invited = (await db.Invitations.AsNoTracking()
                .Where(i => i.CommunityId == community.Id && i.ProjectNumber == project && i.Kind == Domain.Projects.InvitationKind.Invitation && i.State == Domain.Projects.InvitationState.Pending).Select(i => i.PersonId).ToListAsync())
            .ToHashSet();
        var names = await PeopleBook.NamesAsync(db, suggestion.Members.Select(m => m.Person));
        return new TeamSuggestionView(project.Value, suggestion.Members.Select(m => MatchingBook.View(m, names, invited)).ToList(),
            suggestion.Needed, suggestion.CoveredByTeam, suggestion.CoveredBySuggestions, suggestion.Uncovered, MatchingBook.Notes(suggestion.Notes));
    }

    public static async Task<Result<CollaboratorsView>> CollaboratorsAsync(MikoshiDb db, Community community, string? personId)
    {
        var person = await PeopleBook.FindAsync(db, personId);
        if (!person.IsSuccess)
        {
            return person.Error;
        }

        var profile = await db.Users.AsNoTracking().Where(u => u.Id == person.Value.Value).Select(u => new { u.Skills, u.Values }).SingleAsync();
        var (index, teams) = await MatchingBook.IndexAsync(db, community.Id);
        var me = new Candidate(person.Value, profile.Skills, profile.Values, 0);
        var found = CollaboratorSuggester.Suggest(index, me, MatchingBook.WorkedWith(teams, person.Value));
        var names = await PeopleBook.NamesAsync(db, found.People.Select(p => p.Person));
        return new CollaboratorsView(person.Value.ToString(), found.People.Select(p => MatchingBook.View(p, names, new HashSet<PersonId>())).ToList(),
            MatchingBook.Notes(found.Notes));
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/projects/{projectId:long}/suggestions", async (long projectId, HttpContext http, MikoshiDb db) =>
                ProjectNumber.Of(projectId) is { IsSuccess: true } project
                    ? Problems.From(await TeamAsync(db, http.Caller().RequireCommunity(), project.Value))
                    : Problems.For(ProjectErrors.ProjectNotFound))
            .Allow(Access.Anyone)
            .WithSummary("A suggested team for the project: people who cover its missing needed skills, each with reasons (covers, sharesValues, alsoBrings, activeProjects) and the parts of the score; notes say why it is empty or partial.")
            .Produces<TeamSuggestionView>();
        api.MapGet("/communities/{slug}/people/{personId}/suggestions", async (string personId, HttpContext http, MikoshiDb db) =>
                Problems.From(await CollaboratorsAsync(db, http.Caller().RequireCommunity(), personId)))
            .Allow(Access.Anyone)
            .WithSummary("Suggested collaborators for a person: shared values, skills they don't list, never on a team together; each with reasons.")
            .Produces<CollaboratorsView>();
    }
}
