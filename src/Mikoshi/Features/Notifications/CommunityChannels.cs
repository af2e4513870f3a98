using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Notifications;
using Mikoshi.Features.Secrets;

namespace Mikoshi.Features.Notifications;

public sealed record ChannelRequest(string? Kind, string? Label, string? Url, string? AccessToken, string? Language, string[]? Events = null);

/// <summary>The event kinds a channel receives: public catalogue names; null or absent for every public kind.</summary>
public sealed record ChannelEventsRequest(string[]? Events);

public sealed record ChannelView(long Number, string Kind, string Label, string Language, string? Host, bool Enabled, int ConsecutiveFailures, string? DisabledReason,
    IReadOnlyList<string> Events, string? SigningSecret = null);

public sealed record ChannelDeleted(long Number, bool Deleted);

public sealed record ChannelList(IReadOnlyList<ChannelView> Items);

public sealed record DeliveryView(long Event, string Kind, string State, int Attempts, int? LastStatus, string? LastError, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt);

public sealed record DeliveryLog(long Channel, IReadOnlyList<DeliveryView> Items);

/// <summary>
/// A community's channels (admins only): Discord and Slack incoming webhooks, the LINE official account (Messaging API
/// broadcast) and signed webhooks (Standard Webhooks). URLs and tokens are sealed at rest with the <see cref="SecretBox"/>;
/// a webhook's signing secret is shown once, when it is made.
/// </summary>
public sealed class CommunityChannels(Writer writer, SecretBox box, WebhookAddresses addresses)
{
    public const string UrlPurpose = "Mikoshi.Notifications.ChannelUrl.v1";
    public const string SecretPurpose = "Mikoshi.Notifications.ChannelSecret.v1";
    public static readonly string[] Kinds = ["discord", "slack", "line", "webhook"];

    public async Task<Result<Committed<ChannelView>>> AddAsync(Caller admin, ChannelRequest request)
    {
        // Checked before the request is (the URL's host is looked up), as the API's door does, and again under the lock.
        if (!admin.May(Access.Admin))
        {
            return CommonErrors.Forbidden;
        }

        if (request.Kind is not { } kind || !Kinds.Contains(kind))
        {
            return NotificationErrors.InvalidChannelKind;
        }

        if (request.Language is not ("ja" or "en"))
        {
            return NotificationErrors.InvalidLanguage;
        }

        var events = EventsOf(request.Events);
        if (!events.IsSuccess)
        {
            return events.Error;
        }

        var checkedLabel = BoundedText.Line(request.Label, ChannelRules.MaxLabelLength, NotificationErrors.InvalidChannelLabel);
        if (!checkedLabel.IsSuccess)
        {
            return checkedLabel.Error;
        }

        var label = checkedLabel.Value.Value;

        string url = string.Empty, secret = string.Empty;
        if (kind == "line")
        {
            if (request.AccessToken is not { Length: > 0 and <= ChannelRules.MaxAccessTokenLength } token)
            {
                return NotificationErrors.InvalidAccessToken;
            }

            secret = token;
        }
        else
        {
            var checkedUrl = await addresses.CheckAsync(request.Url);
            if (!checkedUrl.IsSuccess)
            {
                return checkedUrl.Error;
            }

            url = checkedUrl.Value.AbsoluteUri;
            if (kind == "webhook")
            {
                secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            }
        }

        var community = admin.RequireCommunity();
        return await writer.RunAsync(admin, Access.Admin, null, async write =>
        {
            var number = await ChainHeads.TakeAsync(write.Db, community.Id.Value, "channels");
            var row = new CommunityChannelRow
            {
                CommunityId = community.Id,
                Number = number,
                Kind = kind,
                Label = label,
                SealedUrl = url.Length == 0 ? string.Empty : box.Seal(url, UrlPurpose),
                SealedSecret = secret.Length == 0 ? string.Empty : box.Seal(secret, SecretPurpose),
                Language = request.Language,
                Kinds = events.Value,
                CreatedAtUnixMs = write.At.ToUnixTimeMilliseconds(),
            };
            write.Db.CommunityChannels.Add(row);

            // The audit link names the channel, never its URL or secret.
            await write.AuditAsync("channel.added", new { channel = number, kind, label, events = events.Value });
            return Result<ChannelView>.Ok(View(row, url) with { SigningSecret = kind == "webhook" ? secret : null });
        });
    }

    /// <summary>Turns a channel back on after the admin fixed its endpoint; its failure count starts again.</summary>
    public Task<Result<Committed<ChannelView>>> EnableAsync(Caller admin, long number) =>
        writer.RunAsync(admin, Access.Admin, null, async write =>
        {
            var community = admin.RequireCommunity();
            var row = await write.Db.CommunityChannels.FirstOrDefaultAsync(c => c.CommunityId == community.Id && c.Number == number);
            if (row is null)
            {
                return NotFound(number);
            }

            (row.Enabled, row.ConsecutiveFailures, row.DisabledReason) = (true, 0, null);
            await write.AuditAsync("channel.enabled", new { channel = number });
            return Result<ChannelView>.Ok(View(row, Open(row.SealedUrl, UrlPurpose)));
        });

    /// <summary>Chooses the event kinds a channel receives; null means every public kind, as a new channel has.</summary>
    public Task<Result<Committed<ChannelView>>> ChooseEventsAsync(Caller admin, long number, ChannelEventsRequest request) =>
        writer.RunAsync(admin, Access.Admin, null, async write =>
        {
            var community = admin.RequireCommunity();
            var events = EventsOf(request.Events);
            if (!events.IsSuccess)
            {
                return events.Error;
            }

            var row = await write.Db.CommunityChannels.FirstOrDefaultAsync(c => c.CommunityId == community.Id && c.Number == number);
            if (row is null)
            {
                return NotFound(number);
            }

            row.Kinds = events.Value;
            await write.AuditAsync("channel.events-chosen", new { channel = number, events = events.Value });
            return Result<ChannelView>.Ok(View(row, Open(row.SealedUrl, UrlPurpose)));
        });

    /// <summary>
    /// Deletes a channel: its sealed URL and secret go with it, and so does its delivery log (a later channel may take
    /// its number); deliveries still pending are never sent. The audit link keeps that it existed.
    /// </summary>
    public Task<Result<Committed<ChannelDeleted>>> DeleteAsync(Caller admin, long number) =>
        writer.RunAsync(admin, Access.Admin, null, async write =>
        {
            var community = admin.RequireCommunity();
            var row = await write.Db.CommunityChannels.FirstOrDefaultAsync(c => c.CommunityId == community.Id && c.Number == number);
            if (row is null)
            {
                return NotFound(number);
            }

            await write.Db.ChannelDeliveries.Where(d => d.CommunityId == community.Id && d.ChannelNumber == number).ExecuteDeleteAsync();
            write.Db.CommunityChannels.Remove(row);
            await write.AuditAsync("channel.deleted", new { channel = number, kind = row.Kind, label = row.Label });
            return Result<ChannelDeleted>.Ok(new ChannelDeleted(number, true));
        });

    private static Error NotFound(long number) => NotificationErrors.ChannelNotFound;

    /// <summary>The public kinds a channel may receive, in catalogue order (what the settings page lists).</summary>
    public static IReadOnlyList<string> PublicKinds { get; } = EventCatalogue.All.Where(k => k.Public).Select(k => k.Name).ToList();

    /// <summary>Whether <paramref name="channel"/> receives events of <paramref name="kind"/>.</summary>
    public static bool Receives(CommunityChannelRow channel, string kind) =>
        channel.Kinds is not { } chosen || chosen.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(kind, StringComparer.Ordinal);

    /// <summary>
    /// The kinds named, checked and stored as text: each must be in the catalogue (<c>unknown_event_kind</c>) and public
    /// (<c>channel_event_not_public</c>: a notice about one person's money or succession never goes to a shared channel).
    /// Absent, or every public kind, is stored as null (every public kind, including kinds added later); an empty list is
    /// <c>channel_events_empty</c>.
    /// </summary>
    private static Result<string?> EventsOf(string[]? events)
    {
        if (events is null)
        {
            return Result<string?>.Ok(null);
        }

        if (events.Length == 0)
        {
            return NotificationErrors.ChannelEventsEmpty;
        }

        foreach (var name in events)
        {
            var kind = EventCatalogue.Find(name);
            if (!kind.IsSuccess)
            {
                return kind.Error;
            }

            if (!kind.Value.Public)
            {
                return NotificationErrors.ChannelEventNotPublic;
            }
        }

        var chosen = PublicKinds.Where(events.Contains).ToList();
        return Result<string?>.Ok(chosen.Count == PublicKinds.Count ? null : string.Join(' ', chosen));
    }

    private string Open(string sealedValue, string purpose) =>
        sealedValue.Length == 0 ? string.Empty : box.Open(sealedValue, purpose) is { IsSuccess: true } opened ? opened.Value : string.Empty;

    private static ChannelView View(CommunityChannelRow row, string url) =>
        new(row.Number, row.Kind, row.Label, row.Language, Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null,
            row.Enabled, row.ConsecutiveFailures, row.DisabledReason, PublicKinds.Where(k => Receives(row, k)).ToList());

    public async Task<ChannelList> ListAsync(MikoshiDb db, CommunityId community) =>
        new((await db.CommunityChannels.AsNoTracking().Where(c => c.CommunityId == community).OrderBy(c => c.Number).ToListAsync())
            .Select(c => View(c, Open(c.SealedUrl, UrlPurpose))).ToList());

    /// <summary>The channels, for an admin of the community only (the API's door checks the same access).</summary>
    public async Task<Result<ChannelList>> ListAsync(MikoshiDb db, Caller admin) =>
        admin.May(Access.Admin) ? await ListAsync(db, admin.RequireCommunity().Id) : CommonErrors.Forbidden;

    public static async Task<Result<DeliveryLog>> DeliveriesAsync(MikoshiDb db, CommunityId community, long number)
    {
        if (!await db.CommunityChannels.AnyAsync(c => c.CommunityId == community && c.Number == number))
        {
            return NotificationErrors.ChannelNotFound;
        }

        var rows = await db.ChannelDeliveries.AsNoTracking().Where(d => d.CommunityId == community && d.ChannelNumber == number)
            .OrderByDescending(d => d.Id).Take(100).ToListAsync();
        var ids = rows.Select(r => r.EventId).ToList();
        var kinds = await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Kind);
        return new DeliveryLog(number, rows.Select(d => new DeliveryView(d.EventId, kinds.GetValueOrDefault(d.EventId, string.Empty), d.State.Word(), d.Attempts, d.LastStatus,
            d.LastError, DateTimeOffset.FromUnixTimeMilliseconds(d.NextAttemptAtUnixMs), d.SentAtUnixMs is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null)).ToList());
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/communities/{slug}/channels", async (ChannelRequest request, CommunityChannels channels, HttpContext http) =>
            {
                return Problems.From(await channels.AddAsync(http.Caller(), request), StatusCodes.Status201Created, http);
            })
            .Allow(Access.Admin)
            .WithSummary("Add a community channel: discord, slack or webhook (url), or line (accessToken); language ja or en; `events`, the public kinds it receives (all of them when absent). A webhook's signing secret is answered once.")
            .Produces<ChannelView>(StatusCodes.Status201Created);
        api.MapGet("/communities/{slug}/channels", async (CommunityChannels channels, MikoshiDb db, HttpContext http) =>
                Results.Ok(await channels.ListAsync(db, http.Caller().RequireCommunity().Id)))
            .Allow(Access.Admin)
            .WithSummary("The community's channels, with their failures and whether they were turned off.")
            .Produces<ChannelList>();
        api.MapGet("/communities/{slug}/channels/{channel:long}/deliveries", async (long channel, MikoshiDb db, HttpContext http) =>
            {
                var log = await DeliveriesAsync(db, http.Caller().RequireCommunity().Id, channel);
                return log.IsSuccess ? Results.Ok(log.Value) : Problems.For(log.Error);
            })
            .Allow(Access.Admin)
            .WithSummary("A channel's delivery log, newest first: attempts, the last answer, the next attempt.")
            .Produces<DeliveryLog>();
        api.MapPost("/communities/{slug}/channels/{channel:long}/enable", async (long channel, CommunityChannels channels, HttpContext http) =>
            {
                return Problems.From(await channels.EnableAsync(http.Caller(), channel), StatusCodes.Status200OK, http);
            })
            .Allow(Access.Admin)
            .WithSummary("Turn a channel that failed too often back on.")
            .Produces<ChannelView>();
        api.MapPut("/communities/{slug}/channels/{channel:long}/events", async (long channel, ChannelEventsRequest request, CommunityChannels channels, HttpContext http) =>
            {
                return Problems.From(await channels.ChooseEventsAsync(http.Caller(), channel, request), StatusCodes.Status200OK, http);
            })
            .Allow(Access.Admin)
            .WithSummary("Choose the event kinds a channel receives (`events`: public kinds from docs/events.md; absent or null for all of them, including kinds added later).")
            .Produces<ChannelView>();
        api.MapDelete("/communities/{slug}/channels/{channel:long}", async (long channel, CommunityChannels channels, HttpContext http) =>
            {
                return Problems.From(await channels.DeleteAsync(http.Caller(), channel), StatusCodes.Status200OK, http);
            })
            .Allow(Access.Admin)
            .WithSummary("Delete a channel: its URL and secret are erased with its delivery log, and what it had still to send is never sent.")
            .Produces<ChannelDeleted>();
    }
}
