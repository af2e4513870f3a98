using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Notifications;

namespace Mikoshi.Features.Notifications;

public sealed record NotificationView(long Id, string Kind, string Community, string CommunityName, string Text, string? YourPart, DateTimeOffset At, bool Read);

public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Unread, long? Before);

public sealed record UnreadView(int Unread);

public sealed record ReadRequest(long[]? Ids);

public sealed record KindSetting(string Kind, string Delivery, string Default, bool AlwaysOn);

public sealed record SettingsView(string? Language, IReadOnlyList<KindSetting> Kinds);

public sealed record SettingsRequest(string? Language, Dictionary<string, string>? Kinds);

public sealed record UnsubscribedView(string Kind, string Delivery);

/// <summary>What an unsubscribe link would stop, shown before the person confirms: the kind (or daily/weekly digest) and the community.</summary>
public sealed record UnsubscribePreview(string Kind, string? CommunityName, string? CommunitySlug);

/// <summary>
/// A person's notices (the bell, the notifications page) and their choices per kind. Writes are the person's own
/// and go through the <see cref="Writer"/> on a lock of their own (their id), so they never wait for a community.
/// </summary>
public sealed class Inbox(Writer writer)
{
    public const int PageSize = 50;

    public static Task<int> UnreadAsync(MikoshiDb db, PersonId person) =>
        db.Notifications.AsNoTracking().CountAsync(n => n.PersonId == person && n.ReadAtUnixMs == null);

    public static async Task<NotificationPage> ListAsync(MikoshiDb db, PersonId person, long? before, CultureInfo language)
    {
        var query = db.Notifications.AsNoTracking().Where(n => n.PersonId == person);
        if (before is { } b)
        {
            query = query.Where(n => n.Id < b);
        }

        var rows = await query.OrderByDescending(n => n.Id).Take(PageSize + 1).ToListAsync();
        var more = rows.Count > PageSize;
        rows = rows.Take(PageSize).ToList();
        var ids = rows.Select(r => r.CommunityId).Distinct().ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Slug, c.Name));
        var me = person.ToString();
        var items = rows.Select(n =>
        {
            var (slug, name) = communities.GetValueOrDefault(n.CommunityId, (string.Empty, string.Empty));
            return new NotificationView(n.Id, n.Kind, slug, name, EventText.Line(n.Kind, n.PayloadJson, language), EventText.YourPart(n.PayloadJson, me),
                DateTimeOffset.FromUnixTimeMilliseconds(n.AtUnixMs), n.ReadAtUnixMs is not null);
        }).ToList();
        return new NotificationPage(items, await UnreadAsync(db, person), more ? rows[^1].Id : null);
    }

    /// <summary>Marks the notices named (all of the person's when none is named) as read; answers the unread count.</summary>
    public Task<Result<Committed<UnreadView>>> MarkReadAsync(PersonId person, long[]? ids) =>
        writer.RunAsync(person.Value, person.ToString(), null, async write =>
        {
            var at = write.At.ToUnixTimeMilliseconds();
            var unread = write.Db.Notifications.Where(n => n.PersonId == person && n.ReadAtUnixMs == null);
            if (ids is { Length: > 0 })
            {
                if (ids.Length > PageSize)
                {
                    return NotificationErrors.TooManyIds(PageSize);
                }

                unread = unread.Where(n => ids.Contains(n.Id));
            }

            await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUnixMs, at));
            return Result<UnreadView>.Ok(new UnreadView(await UnreadAsync(write.Db, person)));
        });

    public static async Task<SettingsView> SettingsAsync(MikoshiDb db, PersonId person)
    {
        var chosen = await db.NotificationSettings.AsNoTracking().Where(s => s.PersonId == person).ToDictionaryAsync(s => s.Kind, s => s.Delivery);
        var language = await db.NotificationProfiles.AsNoTracking().Where(p => p.PersonId == person).Select(p => p.Language).FirstOrDefaultAsync();
        return new SettingsView(language, EventCatalogue.All.Select(k => new KindSetting(
            k.Name, chosen.GetValueOrDefault(k.Name, EventCatalogue.Name(k.Default)), EventCatalogue.Name(k.Default), k.AlwaysOn)).ToList());
    }

    /// <summary>Changes the person's choices: all of them are checked first, and one bad choice changes nothing.</summary>
    public Task<Result<Committed<SettingsView>>> ChangeSettingsAsync(PersonId person, SettingsRequest request) =>
        writer.RunAsync(person.Value, person.ToString(), null, async write =>
        {
            if (request.Language is { } language && EventText.Language(language) is null)
            {
                return NotificationErrors.InvalidLanguage;
            }

            var choices = new List<(string Kind, Delivery Delivery)>();
            foreach (var (name, value) in request.Kinds ?? [])
            {
                var kind = EventCatalogue.Find(name);
                if (!kind.IsSuccess)
                {
                    return kind.Error;
                }

                var delivery = EventCatalogue.ParseDelivery(value).Then(d => EventCatalogue.Choose(kind.Value, d));
                if (!delivery.IsSuccess)
                {
                    return delivery.Error;
                }

                choices.Add((name, delivery.Value));
            }

            await SetAsync(write.Db, person, choices);
            if (request.Language is { } chosen)
            {
                var profile = await write.Db.NotificationProfiles.FirstOrDefaultAsync(p => p.PersonId == person);
                if (profile is null)
                {
                    write.Db.NotificationProfiles.Add(new NotificationProfileRow { PersonId = person, Language = chosen });
                }
                else
                {
                    profile.Language = chosen;
                }
            }

            await write.Db.SaveChangesAsync();
            return Result<SettingsView>.Ok(await SettingsAsync(write.Db, person));
        });

    private static async Task SetAsync(MikoshiDb db, PersonId person, IEnumerable<(string Kind, Delivery Delivery)> choices)
    {
        foreach (var (kind, delivery) in choices)
        {
            var row = db.NotificationSettings.Local.FirstOrDefault(s => s.PersonId == person && s.Kind == kind)
                ?? await db.NotificationSettings.FirstOrDefaultAsync(s => s.PersonId == person && s.Kind == kind);
            if (row is null)
            {
                db.NotificationSettings.Add(new NotificationSettingRow { PersonId = person, Kind = kind, Delivery = EventCatalogue.Name(delivery) });
            }
            else
            {
                row.Delivery = EventCatalogue.Name(delivery);
            }
        }
    }

    /// <summary>A new one-click unsubscribe token for a mail about <paramref name="kind"/> (or a daily/weekly digest); only its hash is kept.</summary>
    public static string NewUnsubscribeToken(MikoshiDb db, PersonId person, string kind, long atUnixMs, CommunityId? community = null)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.UnsubscribeTokens.Add(new UnsubscribeTokenRow { TokenHash = Hash(token), PersonId = person, Kind = kind, CreatedAtUnixMs = atUnixMs, CommunityId = community });
        return token;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// What the link would stop, read only (a GET changes nothing: mail scanners open links):
    /// <c>unsubscribe_token_invalid</c> for a token we never sent, <c>unsubscribe_token_used</c> for one used already.
    /// </summary>
    public static async Task<Result<UnsubscribePreview>> PreviewAsync(MikoshiDb db, string token)
    {
        var hash = token.Length is > 0 and <= 100 ? Hash(token) : string.Empty;
        var found = await db.UnsubscribeTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash);
        if (found is null)
        {
            return InvalidToken();
        }

        if (found.UsedAtUnixMs is not null)
        {
            return UsedToken();
        }

        var community = found.CommunityId is { } id
            ? await db.Communities.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Name, c.Slug }).FirstOrDefaultAsync()
            : null;
        return new UnsubscribePreview(found.Kind, community?.Name, community?.Slug);
    }

    private static Error InvalidToken() => NotificationErrors.UnsubscribeTokenInvalid;

    private static Error UsedToken() => NotificationErrors.UnsubscribeTokenUsed;

    /// <summary>
    /// RFC 8058 one-click unsubscribe: the mail's kind stops coming by mail (it stays in the app), or the digest stops
    /// (its kinds stay in the app). A token works once; a wrong one and a used one are refused and change nothing.
    /// </summary>
    public async Task<Result<Committed<UnsubscribedView>>> UnsubscribeAsync(MikoshiDb db, string token)
    {
        var hash = token.Length is > 0 and <= 100 ? Hash(token) : string.Empty;
        var found = await db.UnsubscribeTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash);
        if (found is null)
        {
            return InvalidToken();
        }

        return await writer.RunAsync(found.PersonId.Value, "unsubscribe", null, async write =>
        {
            var row = await write.Db.UnsubscribeTokens.SingleAsync(t => t.TokenHash == hash);
            if (row.UsedAtUnixMs is not null)
            {
                return UsedToken();
            }

            row.UsedAtUnixMs = write.At.ToUnixTimeMilliseconds();
            var settings = await SettingsAsync(write.Db, row.PersonId);
            var stop = row.Kind is "daily" or "weekly"
                ? settings.Kinds.Where(k => k.Delivery == row.Kind).Select(k => k.Kind).ToList()
                : [row.Kind];
            await SetAsync(write.Db, row.PersonId, stop.Select(k => (k, Delivery.InApp)));
            return Result<UnsubscribedView>.Ok(new UnsubscribedView(row.Kind, EventCatalogue.Name(Delivery.InApp)));
        });
    }

    /// <summary>The confirmation page a person opens from a mail's unsubscribe link.</summary>
    public static string UnsubscribePage(string token) => $"/unsubscribe/{Uri.EscapeDataString(token)}";

    private static CultureInfo Reader(HttpContext http) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja" ? EventText.Japanese : EventText.English;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/notifications", async (long? before, HttpContext http, MikoshiDb db) =>
                Results.Ok(await ListAsync(db, http.Caller().RequirePerson(), before, Reader(http))))
            .Allow(Access.SignedIn)
            .WithSummary("Your notices, newest first (50 a page; pass ?before= the page's `before` for older), with the unread count.")
            .Produces<NotificationPage>();
        api.MapGet("/notifications/unread", async (HttpContext http, MikoshiDb db) =>
                Results.Ok(new UnreadView(await UnreadAsync(db, http.Caller().RequirePerson()))))
            .Allow(Access.SignedIn)
            .WithSummary("How many of your notices are unread (the bell).")
            .Produces<UnreadView>();
        api.MapPost("/notifications/read", async (ReadRequest request, Inbox inbox, HttpContext http) =>
                Problems.From(await inbox.MarkReadAsync(http.Caller().RequirePerson(), request.Ids), StatusCodes.Status200OK, http))
            .Allow(Access.SignedIn)
            .WithSummary("Mark notices read: those in `ids`, or all of them when `ids` is absent or empty.")
            .Produces<UnreadView>();
        api.MapGet("/notifications/settings", async (HttpContext http, MikoshiDb db) =>
                Results.Ok(await SettingsAsync(db, http.Caller().RequirePerson())))
            .Allow(Access.SignedIn)
            .WithSummary("How each kind of event reaches you: off, in_app, mail, daily or weekly (docs/events.md).")
            .Produces<SettingsView>();
        api.MapPut("/notifications/settings", async (SettingsRequest request, Inbox inbox, HttpContext http) =>
                Problems.From(await inbox.ChangeSettingsAsync(http.Caller().RequirePerson(), request), StatusCodes.Status200OK, http))
            .Allow(Access.SignedIn)
            .WithSummary("Change your choices (`kinds`: kind → delivery) and your mail language (ja or en). Money, heirs and guardians cannot be turned off.")
            .Produces<SettingsView>();
        api.MapGet("/notifications/unsubscribe/{token}", (string token) => Results.Redirect(UnsubscribePage(token)))
            .Allow(Access.Anyone)
            .WithSummary("The List-Unsubscribe URL opened in a browser: answers with the confirmation page (/unsubscribe/{token}), which changes nothing until its button is pressed.");
        api.MapPost("/notifications/unsubscribe/{token}", async (string token, Inbox inbox, MikoshiDb db, HttpContext http) =>
                Problems.From(await inbox.UnsubscribeAsync(db, token), StatusCodes.Status200OK, http))
            .Allow(Access.Anyone)
            .DisableAntiforgery()
            .WithSummary("RFC 8058 one-click unsubscribe (the List-Unsubscribe URL of a mail): that kind, or that digest, stops coming by mail. Works once.")
            .Produces<UnsubscribedView>();
    }
}
