using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Projects;

public sealed record ProjectRequest(string? Title, string? Description, IReadOnlyList<string>? NeededSkills, IReadOnlyList<string>? Values);

public sealed record StatusRequest(string? Status);

public sealed record TeamMemberView(string PersonId, string DisplayName, string Role, DateTimeOffset JoinedAt);

// Wire format: the project number stays a plain number.
public sealed record ProjectSummary(long Id, string Title, string Status, IReadOnlyList<string> NeededSkills, IReadOnlyList<string> Values, DateTimeOffset CreatedAt);

// Wire format: the project number stays a plain number.
public sealed record ProjectView(
    long Id,
    string Title,
    string Description,
    string Status,
    IReadOnlyList<string> NeededSkills,
    IReadOnlyList<string> Values,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<TeamMemberView> Team,
    IReadOnlyList<InvitationView> Pending,
    IReadOnlyList<ContributionView> Contributions,
    IReadOnlyList<ThanksView> Thanks,
    IReadOnlyList<WorkView> Works);

// Wire format: the project number stays a plain number.
public sealed record StatusChange(long Id, string From, string To);

public sealed record ProjectList(IReadOnlyList<ProjectSummary> Items);

/// <summary>
/// Co-creation projects: a member starts one (and leads its team); a lead moves it
/// idea → forming → active → released, or archives it; anyone reads the board and a project's page.
/// </summary>
public sealed class ProjectBoard(Writer writer)
{
    public Task<Result<Committed<ProjectView>>> CreateAsync(Caller caller, ProjectRequest request, IdempotencyKey? idempotency = null) =>
        writer.RunAsync(caller, Access.Member, idempotency, async write =>
        {
            var community = caller.RequireCommunity();
            var creator = caller.RequirePerson();
            var skills = TagList.Clean(request.NeededSkills, ProjectErrors.InvalidProject);
            var values = TagList.Clean(request.Values, ProjectErrors.InvalidProject);
            if ((skills.Error ?? values.Error) is { } error)
            {
                return error;
            }

            var db = write.Db;
            var number = ProjectNumber.Stored(await ChainHeads.TakeAsync(db, community.Id.Value, "projects"));
            var started = Project.Start(community.Id, number, request.Title, request.Description, skills.Value, values.Value, creator, write.At);
            if (!started.IsSuccess)
            {
                return started.Error;
            }

            var project = started.Value;
            var at = project.CreatedAtUnixMs;
            db.Projects.Add(project);
            db.TeamMembers.Add(new TeamMemberRow { CommunityId = community.Id, ProjectNumber = number, PersonId = creator, Role = ProjectRules.Lead, JoinedAtUnixMs = at });
            await write.AuditAsync("project.created", new { project = number, title = project.Title, lead = creator.ToString() });
            var names = await PeopleBook.NamesAsync(db, [creator]);
            return Result<ProjectView>.Ok(new ProjectView(number.Value, project.Title, project.Description, project.StatusWord, project.NeededSkills, project.Values,
                creator.ToString(), write.At, [new TeamMemberView(creator.ToString(), names[creator], ProjectRules.Lead, write.At)], [], [], [], []));
        });

    public Task<Result<Committed<StatusChange>>> ChangeStatusAsync(Caller caller, ProjectNumber number, StatusRequest request) =>
        writer.RunAsync(caller, Access.SignedIn, null, async write =>
        {
            var community = caller.RequireCommunity();
            var lead = caller.RequirePerson();
            var project = await ProjectBook.FindAsync(write.Db, community.Id, number);
            if (!project.IsSuccess)
            {
                return project.Error;
            }

            if (await ProjectBook.RequireLeadAsync(write.Db, community.Id, number, lead) is { } notLead)
            {
                return notLead;
            }

            var was = project.Value.StatusWord;
            var moved = ProjectRules.ParseStatus(request.Status).Then(project.Value.MoveTo);
            if (!moved.IsSuccess)
            {
                return moved.Error;
            }

            await write.AuditAsync("project.status", new { project = number, from = was, to = moved.Value.StatusWord });
            return Result<StatusChange>.Ok(new StatusChange(number.Value, was, moved.Value.StatusWord));
        });

    public static async Task<Result<ProjectList>> ListAsync(MikoshiDb db, Community community, string? status)
    {
        ProjectStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            var parsed = ProjectRules.ParseStatus(status);
            if (!parsed.IsSuccess)
            {
                return parsed.Error;
            }

            wanted = parsed.Value;
        }

        var rows = await db.Projects.AsNoTracking()
            .Where(p => p.CommunityId == community.Id && (wanted == null || p.Status == wanted))
            .OrderByDescending(p => p.Number).ToListAsync();
        return new ProjectList(rows.Select(Summary).ToList());
    }

    public static async Task<Result<ProjectView>> ViewAsync(MikoshiDb db, Community community, ProjectNumber number)
    {
        var found = await ProjectBook.FindAsync(db, community.Id, number);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var project = found.Value;
        var team = await db.TeamMembers.AsNoTracking().Where(m => m.CommunityId == community.Id && m.ProjectNumber == number).ToListAsync();
        var pending = await db.Invitations.AsNoTracking()
            .Where(i => i.CommunityId == community.Id && i.ProjectNumber == number && i.State == InvitationState.Pending).OrderBy(i => i.Number).ToListAsync();
        var contributions = await ContributionLog.ViewsAsync(db, community.Id, c => c.ProjectNumber == number);
        var thanks = await ThanksFeed.ViewsAsync(db, community.Id, t => t.ProjectNumber == number, long.MaxValue, ThanksFeed.PerProject);
        var names = await PeopleBook.NamesAsync(db, team.Select(m => m.PersonId));
        return new ProjectView(project.Number.Value, project.Title, project.Description, project.StatusWord, project.NeededSkills, project.Values,
            project.CreatedById.ToString(), ProjectBook.Instant(project.CreatedAtUnixMs),
            team.OrderBy(m => m.JoinedAtUnixMs).ThenBy(m => m.Role == ProjectRules.Lead ? 0 : 1).ThenBy(m => m.PersonId.Value)
                .Select(m => new TeamMemberView(m.PersonId.ToString(), names.GetValueOrDefault(m.PersonId, string.Empty), m.Role, ProjectBook.Instant(m.JoinedAtUnixMs))).ToList(),
            pending.Select(Teams.View).ToList(), contributions, thanks, await Works.ViewsAsync(db, community.Id, number));
    }

    public static ProjectSummary Summary(Project p) =>
        new(p.Number.Value, p.Title, p.StatusWord, p.NeededSkills, p.Values, ProjectBook.Instant(p.CreatedAtUnixMs));

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/communities/{slug}/projects", (ProjectRequest request, ProjectBoard board, HttpContext http) =>
                Idempotency.WriteAsync(http, request, StatusCodes.Status201Created, (caller, key) => board.CreateAsync(caller, request, key)))
            .Allow(Access.Member)
            .WithSummary("Start a project (title, description, needed skills, values); you lead its team. Takes an Idempotency-Key.")
            .Produces<ProjectView>(StatusCodes.Status201Created);
        api.MapGet("/communities/{slug}/projects", async (string? status, HttpContext http, MikoshiDb db) =>
                Problems.From(await ListAsync(db, http.Caller().RequireCommunity(), status)))
            .Allow(Access.Anyone)
            .WithSummary("Projects, newest first; ?status=idea|forming|active|released|archived.")
            .Produces<ProjectList>();
        api.MapGet("/communities/{slug}/projects/{projectId:long}", async (long projectId, HttpContext http, MikoshiDb db) =>
                ProjectNumber.Of(projectId) is { IsSuccess: true } number
                    ? Problems.From(await ViewAsync(db, http.Caller().RequireCommunity(), number.Value))
                    : Problems.For(ProjectErrors.ProjectNotFound))
            .Allow(Access.Anyone)
            .WithSummary("A project: team with names and roles, needed skills, status, pending invitations and requests, contributions, thanks.")
            .Produces<ProjectView>();
        api.MapPost("/communities/{slug}/projects/{projectId:long}/status", async (long projectId, StatusRequest request, ProjectBoard board, HttpContext http) =>
            {
                var project = ProjectNumber.Of(projectId);
                if (!project.IsSuccess)
                {
                    return Problems.For(project.Error);
                }

                var caller = http.Caller();
                return Problems.From(await board.ChangeStatusAsync(caller, project.Value, request), StatusCodes.Status200OK, http);
            })
            .Allow(Access.SignedIn)
            .WithSummary("A lead moves the project forward (idea → forming → active → released) or archives it.")
            .Produces<StatusChange>();
    }
}
