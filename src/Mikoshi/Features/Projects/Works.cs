using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;

namespace Mikoshi.Features.Projects;

public sealed record WorkRequest(string? Title, string? Url, DateTimeOffset? ReleasedAt);

// Wire format: the project number stays a plain number.
public sealed record WorkView(long Id, long Project, string Title, string Url, DateTimeOffset ReleasedAt, string AddedBy);

/// <summary>The works (制作物) a project released: a team member adds each with its link.</summary>
public sealed class Works(Writer writer)
{
    public Task<Result<Committed<WorkView>>> AddAsync(Caller caller, ProjectNumber project, WorkRequest request, IdempotencyKey? idempotency = null) =>
        writer.RunAsync(caller, Access.SignedIn, idempotency, async write =>
        {
            var community = caller.RequireCommunity();
            var person = caller.RequirePerson();
            var db = write.Db;
            var found = await ProjectBook.FindAsync(db, community.Id, project);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            if (await ProjectBook.RoleAsync(db, community.Id, project, person) is null)
            {
                return ProjectErrors.NotTeamMember;
            }

            if (found.Value.IsArchived)
            {
                return ProjectErrors.ProjectArchived;
            }

            var title = WorkRules.Title(request.Title);
            var link = WorkRules.Link(request.Url);
            var released = request.ReleasedAt is { } at && at > write.At
                ? ProjectErrors.InvalidWork
                : Result<DateTimeOffset>.Ok(request.ReleasedAt ?? write.At);
            if ((title.Error ?? link.Error ?? released.Error) is { } invalid)
            {
                return invalid;
            }

            var number = await ChainHeads.TakeAsync(db, community.Id.Value, "works");
            var row = new WorkRow
            {
                CommunityId = community.Id,
                Number = number,
                ProjectNumber = project,
                Title = title.Value,
                Url = link.Value,
                ReleasedAtUnixMs = released.Value.ToUnixTimeMilliseconds(),
                AddedById = person,
            };
            db.Works.Add(row);
            await write.AuditAsync("project.work", new { project, work = number, title = row.Title, url = row.Url });
            return Result<WorkView>.Ok(View(row));
        });

    public static async Task<List<WorkView>> ViewsAsync(MikoshiDb db, CommunityId community, ProjectNumber project) =>
        (await db.Works.AsNoTracking().Where(w => w.CommunityId == community && w.ProjectNumber == project)
            .OrderByDescending(w => w.ReleasedAtUnixMs).ThenByDescending(w => w.Number).ToListAsync())
        .Select(View).ToList();

    private static WorkView View(WorkRow w) =>
        new(w.Number, w.ProjectNumber.Value, w.Title, w.Url, ProjectBook.Instant(w.ReleasedAtUnixMs), w.AddedById.ToString());

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/communities/{slug}/projects/{projectId:long}/works", (long projectId, WorkRequest request, Works works, HttpContext http) =>
                ProjectNumber.Of(projectId) is { IsSuccess: true } project
                    ? Idempotency.WriteAsync(http, request, StatusCodes.Status201Created, (caller, key) => works.AddAsync(caller, project.Value, request, key))
                    : Task.FromResult(Problems.For(ProjectErrors.ProjectNotFound)))
            .Allow(Access.SignedIn)
            .WithSummary("A team member adds a work the project released: title, http(s) link, when. Takes an Idempotency-Key.")
            .Produces<WorkView>(StatusCodes.Status201Created);
}
