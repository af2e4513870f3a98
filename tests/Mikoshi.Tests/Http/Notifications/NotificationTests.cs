using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Features.Notifications;
using Mikoshi.Tests.Http.Governance;
using Mikoshi.Tests.Infrastructure;
using StandardWebhooks;

namespace Mikoshi.Tests.Http.Notifications;

/// <summary>Issue #17: the outbox, notices and the bell, mail and digests, community channels, through HTTP on both stores.</summary>
public sealed class NotificationTests
{
    private static readonly Dictionary<string, string?> Dispatching = new() { ["Mikoshi:Notifications:PollSeconds"] = "0.05" };

    private static TestApp AppWith(string provider, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var app = TestApp.Create(provider);
        foreach (var (key, value) in settings)
        {
            app.Settings[key] = value;
        }

        return app;
    }

    /// <summary>Admin founds a community, holds a token and leads a project; answers the slug and the project's URL.</summary>
    private static async Task<(string Slug, string Project)> CommunityWithProjectAsync(Person admin)
    {
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "50000", personId: admin.Id);
        await GovernanceSetup.MintAsync(slug, admin);
        var created = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects", new { title = "祭りの絵巻" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (slug, $"/api/v1/communities/{slug}/projects/{(await created.JsonAsync()).GetProperty("id").GetInt64()}");
    }

    private static async Task<int> UnreadAsync(Person person) =>
        (await (await person.Client.GetAsync("/api/v1/notifications/unread")).JsonAsync()).GetProperty("unread").GetInt32();

    private static async Task WaitForUnreadAsync(Person person, int count)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (await UnreadAsync(person) < count)
        {
            Assert.True(DateTime.UtcNow < until, $"expected {count} unread notice(s)");
            await Task.Delay(50);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Invitation_IsOneOutboxRowOfItsOwnWrite_ReachesTheInviteeOnce_AndReadingClearsTheBell(string provider)
    {
        await using var app = AppWith(provider, Dispatching);
        var admin = await app.SignUpAsync(displayName: "Admin");
        var ben = await app.SignUpAsync(displayName: "Ben");
        var (_, project) = await CommunityWithProjectAsync(admin);

        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostJsonAsync($"{project}/invitations", new { personId = ben.Id, role = "writer" })).StatusCode);
        var again = await admin.Client.PostJsonAsync($"{project}/invitations", new { personId = ben.Id, role = "writer" });
        Assert.Equal("already_pending", await again.ProblemCodeAsync());

        // The refused invitation announced nothing: one event, for Ben alone.
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var invitation = Assert.Single(await db.Events.AsNoTracking().Where(e => e.Kind == "invitation.received").ToListAsync());
            Assert.Equal(ben.Id, invitation.Recipients);
        }

        await WaitForUnreadAsync(ben, 1);
        var page = await (await ben.Client.GetAsync("/api/v1/notifications")).JsonAsync();
        var notice = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("invitation.received", notice.GetProperty("kind").GetString());
        Assert.False(notice.GetProperty("read").GetBoolean());

        var read = await ben.Client.PostJsonAsync("/api/v1/notifications/read", new { });
        Assert.Equal(0, (await read.JsonAsync()).GetProperty("unread").GetInt32());
        Assert.Equal(0, await UnreadAsync(ben));

        // The admin, a member, heard of their own joining; Ben holds no token and did not.
        Assert.Contains((await (await admin.Client.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("items").EnumerateArray(),
            n => n.GetProperty("kind").GetString() == "member.joined");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task BadInput_IsRefusedWithACode_AndChangesNothing(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var channels = $"/api/v1/communities/{slug}/channels";

        foreach (var (url, code) in new[]
                 {
                     ("ftp://example.jp/hook", "invalid_webhook_url"),
                     ("file:///etc/passwd", "invalid_webhook_url"),
                     ("http://user:pass@example.jp/hook", "invalid_webhook_url"),
                     ("http://10.0.0.5/hook", "webhook_url_private"),
                     ("http://192.168.1.10/hook", "webhook_url_private"),
                     ("http://169.254.169.254/latest/meta-data", "webhook_url_private"),
                     ("http://[fd00::1]/hook", "webhook_url_private"),
                     ("http://127.0.0.1:8080/hook", "webhook_url_private"),
                     ("http://localhost/hook", "webhook_url_private"),
                 })
        {
            var refused = await admin.Client.PostJsonAsync(channels, new { kind = "webhook", label = "hook", url, language = "en" });
            Assert.True(refused.StatusCode is HttpStatusCode.UnprocessableEntity, $"{url}: {refused.StatusCode}");
            Assert.Equal(code, await refused.ProblemCodeAsync());
        }

        Assert.Equal(0, (await (await admin.Client.GetAsync(channels)).JsonAsync()).GetProperty("items").GetArrayLength());

        var settings = "/api/v1/notifications/settings";
        foreach (var (kinds, code) in new (object Kinds, string Code)[]
                 {
                     (new Dictionary<string, string> { ["payout.paid"] = "off" }, "notification_always_on"),
                     (new Dictionary<string, string> { ["succession.named"] = "off" }, "notification_always_on"),
                     (new Dictionary<string, string> { ["member.joined"] = "mail", ["no.such.kind"] = "mail" }, "unknown_event_kind"),
                     (new Dictionary<string, string> { ["member.joined"] = "mail", ["proposal.opened"] = "hourly" }, "invalid_delivery"),
                 })
        {
            var refused = await admin.Client.PutAsync(settings, JsonContent(new { kinds }));
            Assert.Equal(code, await refused.ProblemCodeAsync());
        }

        var kept = await (await admin.Client.GetAsync(settings)).JsonAsync();
        Assert.Equal("weekly", kept.GetProperty("kinds").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "member.joined").GetProperty("delivery").GetString());

        var anonymous = app.CreateClient();
        var wrong = await anonymous.PostAsync("/api/v1/notifications/unsubscribe/not-a-token-we-sent", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal("unsubscribe_token_invalid", await wrong.ProblemCodeAsync());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task MailAtOnceAndDigest_ReachTheSmtpServer_InThePersonsLanguage_WithAOneClickUnsubscribeThatWorksOnce(string provider)
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = AppWith(provider, [.. Dispatching, .. smtp.Settings, new("Mikoshi:PublicOrigin", "https://mikoshi.test")]);
        var admin = await app.SignUpAsync(displayName: "Admin");
        var ben = await app.SignUpAsync(displayName: "Ben");
        Assert.Equal(HttpStatusCode.OK, (await ben.Client.PutAsync("/api/v1/notifications/settings", JsonContent(new { language = "en" }))).StatusCode);
        var (slug, project) = await CommunityWithProjectAsync(admin);

        // An invitation comes by mail at once unless one chose otherwise.
        await admin.Client.PostJsonAsync($"{project}/invitations", new { personId = ben.Id, role = "writer" });
        // (Sign-up sent Ben a confirmation mail first: only Mikoshi's news counts here.)
        List<MimeKit.MimeMessage> News() => smtp.MailTo(ben.Email).Where(m => m.Headers.Contains("List-Unsubscribe")).ToList();
        var mail = await SmtpSink.WaitForAsync(News, 1);
        Assert.Contains("You are invited to a project team", mail.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("招待", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        Assert.Equal("https://mikoshi.test", unsubscribe.GetLeftPart(UriPartial.Authority));

        // The mail client's one-click POST, without any cookie; the second use of the token is refused.
        var anonymous = app.CreateClient();
        var once = await anonymous.PostAsync(unsubscribe.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        var twice = await anonymous.PostAsync(unsubscribe.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("unsubscribe_token_used", await twice.ProblemCodeAsync());
        Assert.Equal("in_app", await DeliveryAsync(ben, "invitation.received"));

        // A digest: Ben chooses the daily one; a second invitation waits for the end of the day.
        await ben.Client.PutAsync("/api/v1/notifications/settings", JsonContent(new { kinds = new Dictionary<string, string> { ["invitation.received"] = "daily" } }));
        var second = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects", new { title = "夏の歌" });
        var secondProject = $"/api/v1/communities/{slug}/projects/{(await second.JsonAsync()).GetProperty("id").GetInt64()}";
        await admin.Client.PostJsonAsync($"{secondProject}/invitations", new { personId = ben.Id, role = "singer" });
        await WaitForUnreadAsync(ben, 2);
        Assert.Single(News());
        app.Clock.Advance(TimeSpan.FromDays(1));
        var digest = await SmtpSink.WaitForAsync(News, 2);
        Assert.Contains("digest", digest.Subject, StringComparison.Ordinal);
        Assert.Contains("You are invited to a project team", digest.TextBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);

        // One digest per person and period: another pass finds nothing due.
        var pass = await app.Services.GetRequiredService<NotificationDispatcher>().StepAsync();
        Assert.Equal(0, pass.Digests);
        Assert.Equal(2, News().Count);

        var stopDigest = new Uri(digest.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(stopDigest.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        Assert.Equal("in_app", await DeliveryAsync(ben, "invitation.received"));
    }

    private static async Task<string?> DeliveryAsync(Person person, string kind) =>
        (await (await person.Client.GetAsync("/api/v1/notifications/settings")).JsonAsync()).GetProperty("kinds").EnumerateArray()
            .Single(k => k.GetProperty("kind").GetString() == kind).GetProperty("delivery").GetString();

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Channels_PostDiscordSlackLineAndSignedWebhooks_RetryAfterA500_AndTurnOffAfterRepeatedFailures(string provider)
    {
        using var receiver = new HookReceiver();
        receiver.Respond = (path, before) => path == "/down" || (path == "/hook" && before == 0) ? 500 : 200;
        await using var app = AppWith(provider, [.. Dispatching,
            new("Mikoshi:Notifications:AllowLoopbackWebhooks", "true"),
            new("Mikoshi:Notifications:DisableAfterFailures", "2"),
            new("Mikoshi:Notifications:RetryBaseSeconds", "30"),
            new("Mikoshi:Line:ApiBase", receiver.Url + "/line")]);
        var admin = await app.SignUpAsync(displayName: "Admin");
        var ben = await app.SignUpAsync(displayName: "Ben");
        var slug = await admin.FoundCommunityAsync();
        var channels = $"/api/v1/communities/{slug}/channels";
        async Task<JsonElement> AddAsync(object body)
        {
            var added = await admin.Client.PostJsonAsync(channels, body);
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
            return await added.JsonAsync();
        }

        await AddAsync(new { kind = "discord", label = "Discord", url = receiver.Url + "/discord", language = "ja" });
        await AddAsync(new { kind = "slack", label = "Slack", url = receiver.Url + "/slack", language = "en" });
        await AddAsync(new { kind = "line", label = "LINE", accessToken = "line-channel-token", language = "ja" });
        var hook = await AddAsync(new { kind = "webhook", label = "Hook", url = receiver.Url + "/hook", language = "en" });
        var down = await AddAsync(new { kind = "webhook", label = "Down", url = receiver.Url + "/down", language = "en" });
        var secret = hook.GetProperty("signingSecret").GetString()!;
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        // Secrets are sealed at rest: neither the URL nor the token is in the row as written.
        await using (var scope = app.Scope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<MikoshiDb>().CommunityChannels.AsNoTracking().ToListAsync();
            Assert.All(rows, r => Assert.DoesNotContain("127.0.0.1", r.SealedUrl, StringComparison.Ordinal));
            Assert.DoesNotContain("line-channel-token", rows.Single(r => r.Kind == "line").SealedSecret, StringComparison.Ordinal);
        }

        // Ben joins: community news.
        await admin.DepositAsync(slug, "50000", personId: ben.Id);
        await GovernanceSetup.MintAsync(slug, ben);

        var discord = Assert.Single(await receiver.WaitForAsync("/discord", 1));
        Assert.Contains("新しいメンバーが参加しました", JsonDocument.Parse(discord.Body).RootElement.GetProperty("content").GetString(), StringComparison.Ordinal);
        var slack = Assert.Single(await receiver.WaitForAsync("/slack", 1));
        Assert.Contains("A new member joined", JsonDocument.Parse(slack.Body).RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        var line = Assert.Single(await receiver.WaitForAsync("/line/v2/bot/message/broadcast", 1));
        Assert.Equal("Bearer line-channel-token", line.Headers["authorization"]);
        var message = JsonDocument.Parse(line.Body).RootElement.GetProperty("messages")[0];
        Assert.Equal("text", message.GetProperty("type").GetString());
        Assert.Contains("新しいメンバーが参加しました", message.GetProperty("text").GetString(), StringComparison.Ordinal);
        await receiver.WaitForAsync("/hook", 1);
        await receiver.WaitForAsync("/down", 1);
        foreach (var channel in new[] { hook, down })
        {
            // The failure is recorded (and its retry scheduled) before the clock moves.
            await WaitForAsync(async () =>
            {
                var l = await (await admin.Client.GetAsync($"{channels}/{channel.GetProperty("number").GetInt64()}/deliveries")).JsonAsync();
                return l.GetProperty("items").GetArrayLength() == 1 && l.GetProperty("items")[0].GetProperty("attempts").GetInt32() == 1 ? l : (JsonElement?)null;
            });
        }


        // After the back-off the webhook is tried again and succeeds; the endpoint that keeps failing is turned off.
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var hooks = await receiver.WaitForAsync("/hook", 2);
        await receiver.WaitForAsync("/down", 2);
        Assert.Equal(hooks[0].Headers["webhook-id"], hooks[1].Headers["webhook-id"]);
        var verified = hooks[1];
        var headers = new HeaderDictionary
        {
            ["webhook-id"] = verified.Headers["webhook-id"],
            ["webhook-timestamp"] = verified.Headers["webhook-timestamp"],
            ["webhook-signature"] = verified.Headers["webhook-signature"],
        };
        new StandardWebhook(secret).Verify(verified.Body, headers);
        Assert.ThrowsAny<Exception>(() => new StandardWebhook(secret).Verify(verified.Body.Replace("member.joined", "member.left", StringComparison.Ordinal), headers));
        var payload = JsonDocument.Parse(verified.Body).RootElement;
        Assert.Equal("member.joined", payload.GetProperty("type").GetString());
        Assert.Equal(slug, payload.GetProperty("data").GetProperty("community").GetString());

        var log = await WaitForAsync(async () =>
        {
            var l = await (await admin.Client.GetAsync($"{channels}/{hook.GetProperty("number").GetInt64()}/deliveries")).JsonAsync();
            return l.GetProperty("items")[0].GetProperty("state").GetString() == "sent" ? l : (JsonElement?)null;
        });
        Assert.Equal(2, log.GetProperty("items")[0].GetProperty("attempts").GetInt32());
        var off = await WaitForAsync(async () =>
        {
            var list = await (await admin.Client.GetAsync(channels)).JsonAsync();
            var c = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("number").GetInt64() == down.GetProperty("number").GetInt64());
            return c.GetProperty("enabled").GetBoolean() ? null : c;
        });
        Assert.Contains("HTTP 500", off.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        Assert.Single(receiver.To("/discord"));
    }

    private static async Task<JsonElement> WaitForAsync(Func<Task<JsonElement?>> read)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (await read() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < until, "the condition never held");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task TwoReplicasOnOnePostgres_RaiseExpandMailAndDigestEachThingOnce()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var first = AppWith("postgres", [.. Dispatching, .. smtp.Settings]);
        var setup = await GovernanceSetup.CreateAsync(first);
        await using var second = TestApp.On(first.Store);
        foreach (var (key, value) in first.Settings)
        {
            second.Settings[key] = value;
        }

        second.Clock.Advance(first.Clock.GetUtcNow() - second.Clock.GetUtcNow());
        _ = second.Server; // both replicas' dispatchers run from here on

        // Closing within a day: both replicas sweep it, one event is raised and each member is mailed once.
        await setup.OpenAsync(setup.Aki, "signal");
        var members = new[] { setup.Aki, setup.Ben, setup.Cai };
        foreach (var member in members)
        {
            await SmtpSink.WaitForAsync(() => smtp.MailTo(member.Email).Where(m => m.Subject!.Contains("締め切られる", StringComparison.Ordinal)).ToList(), 1);
        }

        // Past midnight, before the vote closes: one daily digest per member (proposal.opened is daily by default).
        first.Clock.Advance(TimeSpan.FromHours(16));
        second.Clock.Advance(TimeSpan.FromHours(16));
        foreach (var member in members)
        {
            await SmtpSink.WaitForAsync(() => smtp.MailTo(member.Email).Where(m => m.Subject!.Contains("ダイジェスト", StringComparison.Ordinal)).ToList(), 1);
        }

        // Neither replica finds anything left to do, and nothing was done twice.
        foreach (var replica in new[] { first, second })
        {
            var pass = await replica.Services.GetRequiredService<NotificationDispatcher>().StepAsync();
            Assert.Equal((0, 0, 0), (pass.Expanded, pass.Mails, pass.Digests));
        }

        await using var scope = first.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        Assert.Equal(1, await db.Events.CountAsync(e => e.Kind == "proposal.closing-soon"));
        Assert.Equal(0, await db.Events.CountAsync(e => e.DispatchedAtUnixMs == null));
        foreach (var member in members)
        {
            var mails = smtp.MailTo(member.Email);
            Assert.Single(mails, m => m.Subject!.Contains("締め切られる", StringComparison.Ordinal));
            Assert.Single(mails, m => m.Subject!.Contains("ダイジェスト", StringComparison.Ordinal));
        }

        var notices = await db.Notifications.AsNoTracking().Select(n => new { n.EventId, n.PersonId }).ToListAsync();
        Assert.Equal(notices.Count, notices.Distinct().Count());
    }
}
