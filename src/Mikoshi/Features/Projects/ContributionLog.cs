using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Notifications;
using Mikoshi.Domain.Projects;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Projects;

public sealed record ContributionRequest(string? Summary, string? EvidenceUrl, DateTimeOffset? OccurredAt);

public sealed record AcknowledgementView(string PersonId, string DisplayName, DateTimeOffset At);

/// <summary>An acknowledgement just made: the contribution, who acknowledged it, when.</summary>
public sealed record Acknowledgement(long Contribution, string AcknowledgedBy, DateTimeOffset At);

// Wire format: the project number stays a plain number.
public sealed record ContributionView(
    long Id,
    long Project,
    string ProjectTitle,
    string Author,
    string AuthorName,
    string Summary,
    string? EvidenceUrl,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    IReadOnlyList<AcknowledgementView> AcknowledgedBy);

public sealed record ContributionList(IReadOnlyList<ContributionView> Items);

/// <summary>
/// Contributions: a team member records what they did; another team member acknowledges it.
/// A person's history across every project of the community is public.
/// </summary>
public sealed class ContributionLog(Writer writer)
{
    public Task<Result<Committed<ContributionView>>> RecordAsync(Caller caller, ProjectNumber project, ContributionRequest request, IdempotencyKey? idempotency = null) =>
        writer.RunAsync(caller, Access.SignedIn, idempotency, async write =>
        {
            var community = caller.RequireCommunity();
            var author = caller.RequirePerson();
            var db = write.Db;
            var found = await ProjectBook.FindAsync(db, community.Id, project);
            if (!found.IsSuccess)
            {
                return found.Error;
            }

            if (await ProjectBook.RoleAsync(db, community.Id, project, author) is null)
            {
                return ProjectErrors.NotTeamMember;
            }

            var summary = ContributionRules.Summary(request.Summary);
            var evidence = ContributionRules.Evidence(request.EvidenceUrl);
            var occurred = ContributionRules.OccurredAt(request.OccurredAt, write.At);
            if ((summary.Error ?? evidence.Error ?? occurred.Error) is { } invalid)
            {
                return invalid;
            }

            var number = await ChainHeads.TakeAsync(db, community.Id.Value, "contributions");
            var row = new ContributionRow
            {
                CommunityId = community.Id,
                Number = number,
                ProjectNumber = project,
                AuthorId = author,
                Summary = summary.Value,
                EvidenceUrl = evidence.Value,
                OccurredAtUnixMs = occurred.Value.ToUnixTimeMilliseconds(),
                RecordedAtUnixMs = write.At.ToUnixTimeMilliseconds(),
            };
            db.Contributions.Add(row);
            await write.AuditAsync("contribution.recorded", new { project, contribution = number, author = author.ToString(), summary = row.Summary, evidence = row.EvidenceUrl });
            var team = await db.TeamMembers.Where(m => m.CommunityId == community.Id && m.ProjectNumber == project && m.PersonId != author)
                .Select(m => m.PersonId).ToListAsync();
            write.AnnounceTo(EventCatalogue.ContributionAwaitingAcknowledgement, new { project, contribution = number, author = author.ToString(), summary = row.Summary }, team);
            var names = await PeopleBook.NamesAsync(db, [author]);
            return Result<ContributionView>.Ok(View(row, found.Value.Title, names, []));
        });

    public Task<Result<Committed<Acknowledgement>>> AcknowledgeAsync(Caller caller, long number) =>
        writer.RunAsync(caller, Access.SignedIn, null, async write =>
        {
            var community = caller.RequireCommunity();
            var person = caller.RequirePerson();
            var db = write.Db;
            var contribution = await db.Contributions.FirstOrDefaultAsync(c => c.CommunityId == community.Id && c.Number == number);
            if (contribution is null)
            {
                return ProjectErrors.ContributionNotFound;
            }

            var onTeam = await ProjectBook.RoleAsync(db, community.Id, contribution.ProjectNumber, person) is not null;
            var before = await db.Acknowledgements.AnyAsync(a => a.CommunityId == community.Id && a.ContributionNumber == number && a.PersonId == person);
            if (ContributionRules.Acknowledge(contribution.AuthorId, person, onTeam, before) is { } refused)
            {
                return refused;
            }

            db.Acknowledgements.Add(new AcknowledgementRow { CommunityId = community.Id, ContributionNumber = number, PersonId = person, AtUnixMs = write.At.ToUnixTimeMilliseconds() });
            await write.AuditAsync("contribution.acknowledged", new { project = contribution.ProjectNumber, contribution = number, by = person.ToString() });
            return Result<Acknowledgement>.Ok(new Acknowledgement(number, person.ToString(), write.At));
        });

    /// <summary>Contributions matching a filter, newest first, with their acknowledgements and names.</summary>
    public static async Task<List<ContributionView>> ViewsAsync(MikoshiDb db, CommunityId community, Expression<Func<ContributionRow, bool>> filter)
    {
        var rows = await db.Contributions.AsNoTracking().Where(c => c.CommunityId == community).Where(filter)
            .OrderByDescending(c => c.OccurredAtUnixMs).ThenByDescending(c => c.Number).ToListAsync();
        var numbers = rows.Select(r => r.Number).ToList();
        var projects = rows.Select(r => r.ProjectNumber).Distinct().ToList();
        var acknowledgements = (await db.Acknowledgements.AsNoTracking()
                .Where(a => a.CommunityId == community && numbers.Contains(a.ContributionNumber)).ToListAsync())
            .ToLookup(a => a.ContributionNumber);
        var titles = await db.Projects.AsNoTracking().Where(p => p.CommunityId == community && projects.Contains(p.Number))
            .ToDictionaryAsync(p => p.Number, p => p.Title);
        var names = await PeopleBook.NamesAsync(db, rows.Select(r => r.AuthorId).Concat(acknowledgements.SelectMany(a => a).Select(a => a.PersonId)));
        return rows.Select(r => View(r, titles.GetValueOrDefault(r.ProjectNumber, string.Empty), names, acknowledgements[r.Number])).ToList();
    }

    private static ContributionView View(ContributionRow c, string title, Dictionary<PersonId, string> names, IEnumerable<AcknowledgementRow> acknowledgements) =>
        new(c.Number, c.ProjectNumber.Value, title, c.AuthorId.ToString(), names.GetValueOrDefault(c.AuthorId, string.Empty), c.Summary, c.EvidenceUrl,
            ProjectBook.Instant(c.OccurredAtUnixMs), ProjectBook.Instant(c.RecordedAtUnixMs),
            acknowledgements.OrderBy(a => a.AtUnixMs)
                .Select(a => new AcknowledgementView(a.PersonId.ToString(), names.GetValueOrDefault(a.PersonId, string.Empty), ProjectBook.Instant(a.AtUnixMs))).ToList());

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/communities/{slug}/projects/{projectId:long}/contributions", (long projectId, ContributionRequest request, ContributionLog log, HttpContext http) =>
                ProjectNumber.Of(projectId) is { IsSuccess: true } project
                    ? Idempotency.WriteAsync(http, request, StatusCodes.Status201Created, (caller, key) => log.RecordAsync(caller, project.Value, request, key))
                    : Task.FromResult(Problems.For(ProjectErrors.ProjectNotFound)))
            .Allow(Access.SignedIn)
            .WithSummary("A team member records what they did: summary, optional http(s) evidence link, when. Takes an Idempotency-Key.")
            .Produces<ContributionView>(StatusCodes.Status201Created);
        api.MapPost("/communities/{slug}/contributions/{contributionId:long}/acknowledge", async (long contributionId, ContributionLog log, HttpContext http) =>
            {
                var caller = http.Caller();
                return Problems.From(await log.AcknowledgeAsync(caller, contributionId), StatusCodes.Status200OK, http);
            })
            .Allow(Access.SignedIn)
            .WithSummary("Another member of the team acknowledges a contribution; never its author, never twice.");
        api.MapGet("/communities/{slug}/people/{personId}/contributions", async (string personId, HttpContext http, MikoshiDb db) =>
            {
                var community = http.Caller().RequireCommunity();
                var person = await PeopleBook.FindAsync(db, personId);
                return person.IsSuccess
                    ? Results.Ok(new ContributionList(await ViewsAsync(db, community.Id, c => c.AuthorId == person.Value)))
                    : Problems.For(person.Error);
            })
            .Allow(Access.Anyone)
            .WithSummary("A person's contributions in the community, newest first, with who acknowledged each.")
            .Produces<ContributionList>();
    }
}
