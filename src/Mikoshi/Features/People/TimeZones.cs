using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Components;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Features.People;

/// <summary>A time zone to read times in: an IANA id such as Asia/Tokyo, or null for the default.</summary>
public sealed record TimeZoneRequest(string? TimeZone);

/// <summary>The zone chosen (null: none, so the default applies) and the zone times are shown in.</summary>
public sealed record TimeZoneView(string? Chosen, string ShownIn);

/// <summary>
/// Where times are read (issue #20): a person's own zone, a community's zone for readers who chose none, and the
/// choice of zone for a page request (<see cref="UseReaderZone"/>) that every time on a page is formatted in.
/// </summary>
public static class TimeZones
{
    /// <summary>An id the system's zone data knows, as it spells it; null for none; <c>unknown_time_zone</c> otherwise.</summary>
    public static Result<string?> Check(string? id) =>
        string.IsNullOrWhiteSpace(id)
            ? Result<string?>.Ok(null)
            : Times.Find(id.Trim()) is { } zone
                ? Result<string?>.Ok(zone.Id)
                : PeopleErrors.UnknownTimeZone;

    public static async Task<Result<TimeZoneView>> SetMineAsync(Writer writer, PersonId person, TimeZoneRequest request)
    {
        var zone = Check(request.TimeZone);
        if (!zone.IsSuccess)
        {
            return zone.Error;
        }

        var written = await writer.RunAsync(Guid.Empty, person.ToString(), null, async write =>
        {
            var user = await write.Db.Users.SingleAsync(u => u.Id == person.Value);
            user.TimeZone = zone.Value;
            await write.AuditAsync("person.time-zone", new { personId = person.ToString(), timeZone = zone.Value });
            return Result<TimeZoneView>.Ok(new TimeZoneView(zone.Value, zone.Value ?? Times.DefaultZoneId));
        });
        return written.IsSuccess ? written.Value.Value : written.Error;
    }

    public static async Task<Result<Committed<TimeZoneView>>> SetCommunityAsync(Writer writer, Caller admin, TimeZoneRequest request)
    {
        var community = admin.RequireCommunity();
        if (!admin.May(Access.Admin))
        {
            return CommonErrors.Forbidden;
        }

        var zone = Check(request.TimeZone);
        if (!zone.IsSuccess)
        {
            return zone.Error;
        }

        return await writer.RunAsync(admin, Access.Admin, null, async write =>
        {
            var tracked = await write.Db.Communities.SingleAsync(c => c.Id == community.Id);
            tracked.ShowTimesIn(zone.Value);
            await write.AuditAsync("community.time-zone", new { timeZone = zone.Value });
            return Result<TimeZoneView>.Ok(new TimeZoneView(zone.Value, zone.Value ?? Times.DefaultZoneId));
        });
    }

    /// <summary>The zone a page shows times in: the signed-in reader's own, else the community's in the path, else Asia/Tokyo.</summary>
    public static async Task<TimeZoneInfo> ReaderZoneAsync(MikoshiDb db, PersonId? reader, string? communitySlug)
    {
        if (reader is { } person
            && Times.Find(await db.Users.AsNoTracking().Where(u => u.Id == person.Value).Select(u => u.TimeZone).FirstOrDefaultAsync()) is { } own)
        {
            return own;
        }

        if (communitySlug is not null
            && Times.Find(await db.Communities.AsNoTracking().Where(c => c.Slug == communitySlug).Select(c => c.TimeZone).FirstOrDefaultAsync()) is { } shared)
        {
            return shared;
        }

        return Times.Tokyo;
    }

    /// <summary>Chooses the reader's zone for every page request (not the API, whose instants are ISO 8601 with their offset).</summary>
    public static void UseReaderZone(this WebApplication app) =>
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                && !http.Request.Path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase)
                && http.GetEndpoint() is not null,
            pages => pages.Use(async (http, next) =>
            {
                var person = http.User.Identity?.IsAuthenticated == true ? AccessExtensions.PersonOf(http.User) : null;
                var segments = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
                var slug = segments is ["c", var s, ..] ? s : null;
                if (person is not null || slug is not null)
                {
                    Times.UseZone(await ReaderZoneAsync(http.RequestServices.GetRequiredService<MikoshiDb>(), person, slug));
                }

                await next(http);
            }));

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPut("/me/time-zone", async (TimeZoneRequest request, Writer writer, HttpContext http) =>
                Problems.From(await SetMineAsync(writer, http.Caller().RequirePerson(), request)))
            .Allow(Access.SignedIn)
            .WithSummary("The time zone you read times in (an IANA id such as Asia/Tokyo; null: your community's, else Asia/Tokyo).")
            .Produces<TimeZoneView>();
        api.MapPut("/communities/{slug}/time-zone", async (TimeZoneRequest request, Writer writer, HttpContext http) =>
                Problems.From(await SetCommunityAsync(writer, http.Caller(), request), StatusCodes.Status200OK, http))
            .Allow(Access.Admin)
            .WithSummary("The time zone the community's pages show times in for readers who chose none (an IANA id; null: Asia/Tokyo).")
            .Produces<TimeZoneView>();
    }
}
