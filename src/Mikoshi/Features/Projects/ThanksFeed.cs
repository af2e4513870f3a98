using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Projects;

// Wire format: the project number stays a plain number.
public sealed record ThanksRequest(string? To, string? Message, long? ProjectId);

// Wire format: the project number stays a plain number.
public sealed record ThanksView(long Id, string From, string FromName, string To, string ToName, string Message, long? Project, DateTimeOffset At);

public sealed record ThanksPage(IReadOnlyList<ThanksView> Items, string? NextCursor);

/// <summary>
/// Thanks (感謝): a member of the community (a token holder) thanks another person, optionally for a project; the feed
/// is public. Only members may post, so that no outsider can speak in a community's name.
/// </summary>
public sealed class ThanksFeed(Writer writer)
{
    /// <summary>How many thanks a project's page shows.</summary>
    public const int PerProject = 50;

    /// <summary>Thanks from a member: the membership is the use case's own rule (<c>not_a_member</c>), checked under the lock.</summary>
    public Task<Result<Committed<ThanksView>>> ThankAsync(Caller caller, ThanksRequest request, IdempotencyKey? idempotency = null) =>
        writer.RunAsync(caller, Access.SignedIn, idempotency, async write =>
        {
            var community = caller.RequireCommunity();
            var from = caller.RequirePerson();
            var db = write.Db;
            if (!await db.Tokens.AnyAsync(t => t.CommunityId == community.Id && t.OwnerId == from))
            {
                return ProjectErrors.NotAMember;
            }

            var to = await PeopleBook.FindAsync(db, request.To);
            if (!to.IsSuccess)
            {
                return to.Error;
            }

            var message = ThanksRules.Message(from, to.Value, request.Message);
            if (!message.IsSuccess)
            {
                return message.Error;
            }

            ProjectNumber? project = null;
            if (request.ProjectId is { } projectId)
            {
                var given = ProjectNumber.Of(projectId);
                if (!given.IsSuccess || !(await ProjectBook.FindAsync(db, community.Id, given.Value)).IsSuccess)
                {
                    return ProjectErrors.ProjectNotFound;
                }

                project = given.Value;
            }

            var number = await ChainHeads.TakeAsync(db, community.Id.Value, "thanks");
            var row = new ThanksRow
            {
                CommunityId = community.Id,
                Number = number,
                FromId = from,
                ToId = to.Value,
                Message = message.Value,
                ProjectNumber = project,
                AtUnixMs = write.At.ToUnixTimeMilliseconds(),
            };
            db.Thanks.Add(row);
            await write.AuditAsync("thanks", new { thanks = number, from = from.ToString(), to = to.Value.ToString(), project = request.ProjectId, message = row.Message });
            return Result<ThanksView>.Ok(View(row, await PeopleBook.NamesAsync(db, [from, to.Value])));
        });

    public static async Task<Result<ThanksPage>> PageAsync(MikoshiDb db, CommunityId community, string? cursor, int? limit)
    {
        var page = Paging.Read(cursor, limit);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var before = long.MaxValue;
        if (page.Value.After is { } after && !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out before))
        {
            return ApiErrors.InvalidCursor;
        }

        var rows = await ViewsAsync(db, community, _ => true, before, page.Value.Limit + 1);
        var items = rows.Take(page.Value.Limit).ToList();
        var next = rows.Count > page.Value.Limit ? Paging.Cursor(items[^1].Id.ToString(CultureInfo.InvariantCulture)) : null;
        return new ThanksPage(items, next);
    }

    /// <summary>Thanks matching a filter with a number below <paramref name="before"/>, newest first.</summary>
    public static async Task<List<ThanksView>> ViewsAsync(MikoshiDb db, CommunityId community, Expression<Func<ThanksRow, bool>> filter, long before, int take)
    {
        var rows = await db.Thanks.AsNoTracking().Where(t => t.CommunityId == community && t.Number < before).Where(filter)
            .OrderByDescending(t => t.Number).Take(take).ToListAsync();
        var names = await PeopleBook.NamesAsync(db, rows.SelectMany(t => new[] { t.FromId, t.ToId }));
        return rows.Select(t => View(t, names)).ToList();
    }

    private static ThanksView View(ThanksRow t, Dictionary<PersonId, string> names) =>
        new(t.Number, t.FromId.ToString(), names.GetValueOrDefault(t.FromId, string.Empty), t.ToId.ToString(), names.GetValueOrDefault(t.ToId, string.Empty),
            t.Message, t.ProjectNumber?.Value, ProjectBook.Instant(t.AtUnixMs));

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/communities/{slug}/thanks", (ThanksRequest request, ThanksFeed feed, HttpContext http) =>
                Idempotency.WriteAsync(http, request, StatusCodes.Status201Created, (caller, key) => feed.ThankAsync(caller, request, key)))
            .Allow(Access.Member)
            .WithSummary("A member thanks someone (感謝): to, a message of at most 280 characters, optionally a project. Takes an Idempotency-Key.")
            .Produces<ThanksView>(StatusCodes.Status201Created);
        api.MapGet("/communities/{slug}/thanks", async (string? cursor, int? limit, HttpContext http, MikoshiDb db) =>
                Problems.From(await PageAsync(db, http.Caller().RequireCommunity().Id, cursor, limit)))
            .Allow(Access.Anyone)
            .WithSummary("Thanks in the community, newest first, paged.")
            .Produces<ThanksPage>();
    }
}
