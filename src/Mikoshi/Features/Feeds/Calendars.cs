using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Features.Feeds;

/// <summary>The address of a person's private calendar: shown once, when it is made.</summary>
public sealed record CalendarLinkView(string Url, DateTimeOffset CreatedAt);

/// <summary>Whether the person has a private calendar link in force (its address is not kept, only its hash).</summary>
public sealed record CalendarLinkState(bool Active, DateTimeOffset? CreatedAt);

/// <summary>One dated thing a calendar shows.</summary>
public sealed record CalendarItem(string Uid, DateTimeOffset At, string Summary, string Description, string Url);

/// <summary>
/// iCalendar feeds (RFC 5545, written with Ical.Net). A community's is public: the deadlines of its open proposals
/// and the ends of their grace periods. A person's is private, behind an unguessable token in its URL (kept only as
/// its SHA-256, revocable): the deadlines and grace ends of proposals in the communities they belong to, and the
/// veto windows of successions that name them (as holder, successor or guardian).
/// </summary>
public sealed class Calendars(Writer writer, MikoshiDb db, TimeProvider clock)
{
    /// <summary>Proposals that closed more than this long ago drop out of the feeds.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(90);

    /// <summary>The bytes of randomness in a calendar token (256 bits).</summary>
    public const int TokenBytes = 32;

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The community's public calendar.</summary>
    public async Task<string> CommunityAsync(Community community, string origin)
    {
        var items = await ProposalItemsAsync([community], origin);
        return Write($"{community.Name} — Mikoshi", items);
    }

    /// <summary>The person's private calendar, or <c>calendar_not_found</c> for a token that is unknown or revoked.</summary>
    public async Task<Result<string>> PersonalAsync(string? token, string origin)
    {
        if (token is not { Length: > 0 and <= 100 })
        {
            return NotFound();
        }

        var hash = HashOf(token);
        var row = await db.CalendarTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAtUnixMs == null);
        if (row is null)
        {
            return NotFound();
        }

        var person = row.PersonId;
        var held = await db.Tokens.AsNoTracking().Where(t => t.OwnerId == person && t.BurnedAtUnixMs == null).Select(t => t.CommunityId).Distinct().ToListAsync();
        var roles = await db.CommunityRoles.AsNoTracking().Where(r => r.PersonId == person).Select(r => r.CommunityId).Distinct().ToListAsync();
        var ids = held.Concat(roles).Distinct().ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync();
        var items = (await ProposalItemsAsync(communities, origin)).ToList();

        // Successions naming the person: the veto window runs from the guardians' threshold for VetoDays.
        var plans = await db.SuccessionPlans.AsNoTracking().Where(p => p.ThresholdReachedAtUnixMs != null).ToListAsync();
        foreach (var plan in plans.Where(p => p.Involves(person)))
        {
            var community = await db.Communities.AsNoTracking().FirstAsync(c => c.Id == plan.CommunityId);
            items.Add(new CalendarItem(
                $"veto-{plan.CommunityId}-{plan.Holder}-{plan.ThresholdReachedAtUnixMs}@mikoshi",
                plan.VetoEndsAt!.Value,
                $"{community.Name}: succession veto window ends",
                plan.Holder == person
                    ? "The guardians confirmed your succession; until this moment you can veto it."
                    : "A succession that names you: until this moment its holder can veto it.",
                $"{origin}/c/{community.Slug}/succession"));
        }

        return Write("Mikoshi — my calendar", items);
    }

    private async Task<IReadOnlyList<CalendarItem>> ProposalItemsAsync(IReadOnlyList<Community> communities, string origin)
    {
        var since = (clock.GetUtcNow() - History).ToUnixTimeMilliseconds();
        var ids = communities.Select(c => c.Id).ToList();
        var proposals = await db.Proposals.AsNoTracking()
            .Where(p => ids.Contains(p.CommunityId) && p.CancelledAtUnixMs == null && p.GraceEndsAtUnixMs >= since)
            .OrderBy(p => p.CommunityId).ThenBy(p => p.Number).ToListAsync();
        var items = new List<CalendarItem>();
        foreach (var p in proposals)
        {
            var community = communities.First(c => c.Id == p.CommunityId);
            var url = $"{origin}/c/{community.Slug}/proposals/{p.Number}";
            items.Add(new CalendarItem($"proposal-{p.CommunityId}-{p.Number}-closes@mikoshi", DateTimeOffset.FromUnixTimeMilliseconds(p.ClosesAtUnixMs),
                $"{community.Name}: voting closes on #{p.Number} {p.Title}", "The last moment to vote on this proposal.", url));
            if (p.GraceEndsAtUnixMs > p.ClosesAtUnixMs)
            {
                items.Add(new CalendarItem($"proposal-{p.CommunityId}-{p.Number}-grace@mikoshi", DateTimeOffset.FromUnixTimeMilliseconds(p.GraceEndsAtUnixMs),
                    $"{community.Name}: grace period ends on #{p.Number} {p.Title}", "If the proposal passed, members who disagree may leave until this moment; then it is executed.", url));
            }
        }

        return items;
    }

    private string Write(string name, IEnumerable<CalendarItem> items)
    {
        var calendar = new Calendar { ProductId = "-//Mikoshi//Calendars//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        var stamp = new CalDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var item in items.OrderBy(i => i.At).ThenBy(i => i.Uid, StringComparer.Ordinal))
        {
            var at = item.At.UtcDateTime;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = item.Uid,
                DtStamp = stamp,
                DtStart = new CalDateTime(at),
                DtEnd = new CalDateTime(at.AddMinutes(30)),
                Summary = item.Summary,
                Description = item.Description,
                Url = new Uri(item.Url),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>Makes a new private calendar link for the person, revoking any earlier one.</summary>
    public async Task<Result<CalendarLinkView>> CreateLinkAsync(PersonId person, string origin)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(TokenBytes));
        var written = await writer.RunAsync(Guid.Empty, person.ToString(), null, async write =>
        {
            var now = write.At.ToUnixTimeMilliseconds();
            foreach (var old in await write.Db.CalendarTokens.Where(t => t.PersonId == person && t.RevokedAtUnixMs == null).ToListAsync())
            {
                old.RevokedAtUnixMs = now;
            }

            write.Db.CalendarTokens.Add(new CalendarTokenRow { TokenHash = HashOf(token), PersonId = person, CreatedAtUnixMs = now });
            await write.AuditAsync("calendar.link-created", new { personId = person.ToString() });
            return Result<CalendarLinkState>.Ok(new CalendarLinkState(true, write.At));
        });
        return written.IsSuccess ? new CalendarLinkView($"{origin}/api/v1/calendars/{token}.ics", clock.GetUtcNow()) : written.Error;
    }

    /// <summary>Revokes the person's private calendar link: its URL answers 404 from now on.</summary>
    public async Task<Result<Committed<CalendarLinkState>>> RevokeLinkAsync(PersonId person) =>
        await writer.RunAsync(Guid.Empty, person.ToString(), null, async write =>
        {
            var active = await write.Db.CalendarTokens.Where(t => t.PersonId == person && t.RevokedAtUnixMs == null).ToListAsync();
            if (active.Count == 0)
            {
                return FeedErrors.CalendarNotFound;
            }

            foreach (var row in active)
            {
                row.RevokedAtUnixMs = write.At.ToUnixTimeMilliseconds();
            }

            await write.AuditAsync("calendar.link-revoked", new { personId = person.ToString() });
            return Result<CalendarLinkState>.Ok(new CalendarLinkState(false, null));
        });

    public async Task<CalendarLinkState> StateAsync(PersonId person)
    {
        var row = await db.CalendarTokens.AsNoTracking().Where(t => t.PersonId == person && t.RevokedAtUnixMs == null).FirstOrDefaultAsync();
        return new CalendarLinkState(row is not null, row is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtUnixMs));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static Error NotFound() => FeedErrors.CalendarNotFound;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/calendar.ics", async (Calendars calendars, HttpContext http) =>
                Results.Text(await calendars.CommunityAsync(http.Caller().RequireCommunity(), SameOriginWrites.OwnOrigin(http)), "text/calendar; charset=utf-8"))
            .Allow(Access.Anyone)
            .WithSummary("The community's public iCalendar feed (RFC 5545): proposal deadlines and the ends of grace periods, for the last 90 days and to come.");
        api.MapGet("/calendars/{token}.ics", async (string token, Calendars calendars, HttpContext http) =>
            {
                var calendar = await calendars.PersonalAsync(token, SameOriginWrites.OwnOrigin(http));
                return calendar.IsSuccess ? Results.Text(calendar.Value, "text/calendar; charset=utf-8") : Problems.For(calendar.Error);
            })
            .Allow(Access.Anyone)
            .WithSummary("A person's private iCalendar feed; the token in the address is the authority (POST /me/calendar makes one). Their communities' proposal deadlines and grace ends, and the veto windows of successions naming them. A revoked or unknown token answers 404.");
        api.MapGet("/me/calendar", async (Calendars calendars, HttpContext http) => Results.Ok(await calendars.StateAsync(http.Caller().RequirePerson())))
            .Allow(Access.SignedIn)
            .WithSummary("Whether you have a private calendar link in force (its address is shown only when made).")
            .Produces<CalendarLinkState>();
        api.MapPost("/me/calendar", async (Calendars calendars, HttpContext http) =>
            {
                var link = await calendars.CreateLinkAsync(http.Caller().RequirePerson(), SameOriginWrites.OwnOrigin(http));
                return link.IsSuccess ? Results.Created((string?)null, link.Value) : Problems.For(link.Error);
            })
            .Allow(Access.SignedIn)
            .WithSummary("Make a private calendar link (an unguessable token in its URL), revoking any earlier one; the URL is shown only now.")
            .Produces<CalendarLinkView>(StatusCodes.Status201Created);
        api.MapPost("/me/calendar/revoke", async (Calendars calendars, HttpContext http) => Problems.From(await calendars.RevokeLinkAsync(http.Caller().RequirePerson()), StatusCodes.Status200OK, http))
            .Allow(Access.SignedIn)
            .WithSummary("Revoke your private calendar link: its URL answers 404 from now on.")
            .Produces<CalendarLinkState>();
    }
}
