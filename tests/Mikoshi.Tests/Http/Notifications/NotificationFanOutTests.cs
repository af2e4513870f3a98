using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Components;
using Mikoshi.Data;
using Mikoshi.Domain.Notifications;
using Mikoshi.Features.Notifications;
using Mikoshi.Tests.Http.Governance;
using Mikoshi.Tests.Http.Revenue;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Notifications;

/// <summary>
/// Issue #17, the second part: the expansion in chunks (resumable, once per person), the events the first part owed
/// (delegators' locks, a cancelled proposal, each holder's own part of revenue), channels that choose their events and
/// can be deleted, and the unsubscribe page. The dispatcher is stepped by hand (no background passes), so what is
/// asserted is what was done.
/// </summary>
public sealed class NotificationFanOutTests
{
    private static TestApp Quiet(string provider, int chunk = 2)
    {
        var app = TestApp.Create(provider);
        app.Settings["Mikoshi:Notifications:PollSeconds"] = "0";
        app.Settings["Mikoshi:Notifications:ExpandChunk"] = chunk.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return app;
    }

    private static Task<DispatchPass> DispatchAsync(TestApp app) => app.Services.GetRequiredService<NotificationDispatcher>().StepAsync();

    /// <summary>Who was told of <paramref name="kind"/> (each event of that kind), as person ids.</summary>
    private static async Task<List<string>> ToldAsync(TestApp app, string kind)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Notifications.AsNoTracking().Where(n => n.Kind == kind)
            .Select(n => n.PersonId).ToListAsync()).Select(p => p.ToString()).Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> Ids(params Person[] people) => people.Select(p => p.Id).Order(StringComparer.Ordinal).ToList();

    /// <summary>A proposal closing in three days: nothing but proposal.opened is raised yet.</summary>
    private static async Task OpenLaterAsync(GovernanceSetup s) =>
        Assert.Equal(HttpStatusCode.Created, (await s.ProposeAsync(s.Aki, "signal", graceHours: 24, closesAt: s.App.Clock.GetUtcNow().AddDays(3))).StatusCode);

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Expansion_GoesInChunks_ResumesAfterACrash_AndWritesEachMembersNoticeOnce_ByTheirChoice(string provider)
    {
        await using var app = Quiet(provider, chunk: 2);
        var s = await GovernanceSetup.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await s.Ben.Client.PutAsync("/api/v1/notifications/settings", Json(new { kinds = new Dictionary<string, string> { ["proposal.opened"] = "off" } }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Cai.Client.PutAsync("/api/v1/notifications/settings", Json(new { kinds = new Dictionary<string, string> { ["proposal.opened"] = "weekly" } }))).StatusCode);
        await DispatchAsync(app);

        await OpenLaterAsync(s);
        long id;
        await using (var scope = app.Scope())
        {
            id = (await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Events.AsNoTracking().SingleAsync(e => e.Kind == "proposal.opened")).Id;
        }

        // One chunk of two holders (of three), then the dispatcher "crashes": the event stays undispatched, its cursor moved.
        var dispatcher = app.Services.GetRequiredService<NotificationDispatcher>();
        var first = await dispatcher.ExpandChunkAsync(id, 2);
        Assert.NotNull(first);
        Assert.False(first.Done);
        await using (var scope = app.Scope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Events.AsNoTracking().SingleAsync(e => e.Id == id);
            Assert.Null(row.DispatchedAtUnixMs);
            Assert.NotNull(row.ExpandCursor);
        }

        // The next pass resumes after the cursor and finishes; nothing is left to do after it.
        var pass = await DispatchAsync(app);
        Assert.Equal((1, 0), (pass.Expanded, pass.Raised));
        Assert.Null(await dispatcher.ExpandChunkAsync(id, 2));
        Assert.Equal(0, (await DispatchAsync(app)).Expanded);

        await using (var scope = app.Scope())
        {
            var notices = await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Notifications.AsNoTracking().Where(n => n.EventId == id).ToListAsync();

            // Aki (two tokens, one notice, the default daily digest), Cai (weekly); Ben chose off; Dan and Admin hold no token.
            Assert.Equal(Ids(s.Aki, s.Cai), notices.Select(n => n.PersonId.ToString()).Order(StringComparer.Ordinal).ToList());
            Assert.StartsWith("daily:", notices.Single(n => n.PersonId.ToString() == s.Aki.Id).DigestPeriod, StringComparison.Ordinal);
            Assert.StartsWith("weekly:", notices.Single(n => n.PersonId.ToString() == s.Cai.Id).DigestPeriod, StringComparison.Ordinal);
            Assert.Equal(notices.Count, first.Notices + pass.Notices);
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Delegators_HearOfTheirLockAndUnlock_AndACancelledProposalSendsTheEventsItOwes(string provider)
    {
        await using var app = Quiet(provider);
        var s = await GovernanceSetup.CreateAsync(app);

        // Cai delegates to Ben before the proposal opens: Ben's vote for locks Cai's token too.
        Assert.Equal(HttpStatusCode.OK, (await s.Cai.Client.PutAsJsonAsync($"{s.Community}/delegation", new { @delegate = s.Ben.Id })).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var id = await s.OpenAsync(s.Aki, "signal");
        await s.VoteOkAsync(s.Ben, id, "for");
        await s.VoteOkAsync(s.Aki, id, "against");
        await DispatchAsync(app);
        Assert.Equal(Ids(s.Ben, s.Cai), await ToldAsync(app, "token.locked"));

        // The proposer withdraws it: members hear it closed, and those whose tokens it held hear they move again.
        Assert.Equal(HttpStatusCode.OK, (await s.Aki.Client.PostJsonAsync($"{s.Proposal(id)}/cancel", new { })).StatusCode);
        await DispatchAsync(app);
        Assert.Equal(Ids(s.Aki, s.Ben, s.Cai), await ToldAsync(app, "proposal.cancelled"));
        Assert.Equal(Ids(s.Ben, s.Cai), await ToldAsync(app, "token.unlocked"));

        // A proposal carried through: passed, the grace period (members may leave), executed, and the tokens unlocked.
        var second = await s.OpenAsync(s.Aki, "signal");
        await s.VoteOkAsync(s.Aki, second, "for");
        await s.VoteOkAsync(s.Ben, second, "for");
        app.Clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(1)));
        await DispatchAsync(app);
        Assert.Equal(Ids(s.Aki, s.Ben, s.Cai), await ToldAsync(app, "proposal.passed"));
        Assert.Equal(Ids(s.Aki, s.Ben, s.Cai), await ToldAsync(app, "grace-period.open"));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await s.ExecuteAsync();
        await DispatchAsync(app);
        Assert.Equal(Ids(s.Aki, s.Ben, s.Cai), await ToldAsync(app, "proposal.executed"));
        Assert.Equal(Ids(s.Aki, s.Ben, s.Ben, s.Cai, s.Cai), await ToldAsync(app, "token.unlocked"));

        // One the members turn down: defeated.
        var third = await s.OpenAsync(s.Aki, "signal");
        await s.VoteOkAsync(s.Ben, third, "against");
        await s.VoteOkAsync(s.Aki, third, "against");
        app.Clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMinutes(1)));
        await DispatchAsync(app);
        Assert.Equal(Ids(s.Aki, s.Ben, s.Cai), await ToldAsync(app, "proposal.defeated"));
    }

    [Fact]
    public async Task ProjectAndMoneyEvents_ReachThePeopleTheyConcern_AndEachHolderReadsTheirOwnPartInYen()
    {
        await using var app = Quiet("sqlite", chunk: 2000);
        var s = await RevenueSetup.CreateAsync(app);
        app.Clock.Advance(TimeSpan.FromHours(1));
        var contributed = await s.Ben.Client.PostJsonAsync($"{s.Project}/contributions",
            new { summary = "Wrote the captions", evidenceUrl = "https://example.jp/captions", occurredAt = app.Clock.GetUtcNow().AddMinutes(-30) });
        Assert.Equal(HttpStatusCode.Created, contributed.StatusCode);
        await s.RecordOkAsync("12345");
        await DispatchAsync(app);

        Assert.Equal(Ids(s.Aki), await ToldAsync(app, "member.joined"));
        Assert.Equal(Ids(s.Ben), await ToldAsync(app, "invitation.received"));
        Assert.Equal(Ids(s.Aki), await ToldAsync(app, "invitation.answered"));
        Assert.Equal(Ids(s.Ben, s.Cai), await ToldAsync(app, "split.awaiting-acceptance"));
        Assert.Equal(Ids(s.Aki, s.Ben, s.Cai), await ToldAsync(app, "split.in-force"));
        Assert.Equal(Ids(s.Aki), await ToldAsync(app, "contribution.awaiting-acknowledgement"));
        Assert.Equal(Ids(s.Aki, s.Ben, s.Cai), await ToldAsync(app, "earnings.claimable"));
        Assert.Equal(Ids(s.Aki), await ToldAsync(app, "revenue.recorded"));

        // Aki, the one holder, reads the holders' whole share plus their contributor part, in yen as every page shows money.
        string expected;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            using var payload = JsonDocument.Parse((await db.Events.AsNoTracking().SingleAsync(e => e.Kind == "revenue.recorded")).PayloadJson);
            var holders = Int128.Parse(payload.RootElement.GetProperty("holders").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            var own = Int128.Parse(payload.RootElement.GetProperty("parts").GetProperty(s.Aki.Id).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            expected = Amounts.Display("JPY", (holders + own).ToString(System.Globalization.CultureInfo.InvariantCulture));

            // The notice keeps its reader's part only: Ben's and Cai's parts are not Aki's to read.
            var notice = await db.Notifications.AsNoTracking().SingleAsync(n => n.Kind == "revenue.recorded");
            Assert.DoesNotContain(s.Ben.Id, notice.PayloadJson, StringComparison.Ordinal);
        }

        Assert.StartsWith("¥", expected, StringComparison.Ordinal);
        var items = (await (await s.Aki.Client.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var revenue = items.Single(i => i.GetProperty("kind").GetString() == "revenue.recorded");
        Assert.Equal(expected, revenue.GetProperty("yourPart").GetString());
        Assert.Contains("¥12,345", revenue.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("JPY", revenue.GetProperty("text").GetString(), StringComparison.Ordinal);
        var bens = (await (await s.Ben.Client.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("kind").GetString() == "earnings.claimable");
        Assert.StartsWith("¥", bens.GetProperty("yourPart").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SuccessionAndMembershipEvents_ReachHolderHeirsAndGuardians_AndTheMembers()
    {
        await using var app = Quiet("sqlite", chunk: 2000);
        var s = await GovernanceSetup.CreateAsync(app);

        // Cai names Dan heir and Ben guardian: they hear of it, Cai (who did it) does not.
        Assert.Equal(HttpStatusCode.OK, (await s.Cai.Client.PutAsJsonAsync($"{s.Community}/succession",
            new { successors = new[] { new { personId = s.Dan.Id, share = 1 } }, guardians = new[] { s.Ben.Id }, threshold = 1, inactivityDays = 365, vetoDays = 30 })).StatusCode);
        await DispatchAsync(app);
        Assert.Equal(Ids(s.Ben, s.Dan), await ToldAsync(app, "succession.named"));

        // A year of silence; Ben confirms (the threshold: it starts); Cai, still there, vetoes. Everyone it names hears each step.
        app.Clock.Advance(TimeSpan.FromDays(366));
        Assert.Equal(HttpStatusCode.OK, (await s.Ben.Client.PostJsonAsync($"{s.Community}/people/{s.Cai.Id}/succession/confirm", new { })).StatusCode);
        Assert.True((await s.Cai.Client.PostJsonAsync($"{s.Community}/succession/veto", new { })).IsSuccessStatusCode);
        await DispatchAsync(app);
        Assert.Equal(Ids(s.Ben, s.Cai, s.Dan), await ToldAsync(app, "succession.started"));
        Assert.Equal(Ids(s.Ben, s.Cai, s.Dan), await ToldAsync(app, "succession.confirmed"));
        Assert.Equal(Ids(s.Ben, s.Cai, s.Dan), await ToldAsync(app, "succession.vetoed"));

        // Ben redeems his one token (he leaves: the members who remain hear it), then buys one again (he returns).
        Assert.True((await s.RedeemAsync(s.Ben)).IsSuccessStatusCode);
        await DispatchAsync(app);
        Assert.Equal(Ids(s.Aki, s.Cai), await ToldAsync(app, "member.left"));
        await s.Admin.DepositAsync(s.Slug, "50000", personId: s.Ben.Id);
        await GovernanceSetup.MintAsync(s.Slug, s.Ben);
        await DispatchAsync(app);
        Assert.Equal(Ids(s.Aki, s.Ben, s.Cai), await ToldAsync(app, "member.returned"));
    }

    [Fact]
    public async Task PayoutPaid_ReachesEachPayeeInTheBatch_WithTheirOwnPartOnly_MailedByTheirChoice_AndNoOneElse()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = Quiet("sqlite", chunk: 2000);
        foreach (var (key, value) in smtp.Settings)
        {
            app.Settings[key] = value;
        }

        var s = await RevenueSetup.CreateAsync(app);
        await s.RecordOkAsync("100000");

        // Aki and Ben claim; Cai earned a part too but does not claim, so is not in the batch. Ben reads payouts in-app only.
        Assert.Equal(HttpStatusCode.OK, (await s.Ben.Client.PutAsync("/api/v1/notifications/settings", Json(new { kinds = new Dictionary<string, string> { ["payout.paid"] = "in_app" } }))).StatusCode);
        await RevenueSetup.SetBankAccountAsync(s.Aki);
        await RevenueSetup.SetBankAccountAsync(s.Ben, "ﾍﾞﾝ ｽﾐｽ");
        var claims = $"{s.Community}/me/claims";
        var akis = RevenueSetup.Units((await (await s.Aki.Client.PostJsonAsync(claims, new { asset = "JPY" })).JsonAsync()).GetProperty("amount"));
        var bens = RevenueSetup.Units((await (await s.Ben.Client.PostJsonAsync(claims, new { asset = "JPY" })).JsonAsync()).GetProperty("amount"));
        Assert.True(RevenueSetup.Units((await s.EarningsAsync(s.Cai)).GetProperty("claimable")) > 0);
        await s.SetSenderAsync();
        var batched = await s.Admin.Client.PostJsonAsync($"{s.Community}/payouts", new { asset = "JPY", transferDate = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2) });
        Assert.Equal(HttpStatusCode.Created, batched.StatusCode);
        var id = (await batched.JsonAsync()).GetProperty("id").GetInt64();
        await DispatchAsync(app);
        Assert.Empty(await ToldAsync(app, "payout.paid"));

        Assert.Equal(HttpStatusCode.OK, (await s.Admin.Client.PostJsonAsync($"{s.Community}/payouts/{id}/confirm", new { })).StatusCode);
        await DispatchAsync(app);
        await DispatchAsync(app);
        Assert.Equal(Ids(s.Aki, s.Ben), await ToldAsync(app, "payout.paid"));

        // Each reads what the bank pays them, and not the other payee's part.
        foreach (var (payee, other, units) in new[] { (s.Aki, s.Ben, akis), (s.Ben, s.Aki, bens) })
        {
            var items = (await (await payee.Client.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("items").EnumerateArray();
            var paid = items.Single(i => i.GetProperty("kind").GetString() == "payout.paid");
            Assert.Equal(Amounts.Display("JPY", units.ToString(System.Globalization.CultureInfo.InvariantCulture)), paid.GetProperty("yourPart").GetString());
            await using var scope = app.Scope();
            var notice = await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Notifications.AsNoTracking()
                .SingleAsync(n => n.Kind == "payout.paid" && n.PersonId == new Mikoshi.Domain.Communities.PersonId(Guid.Parse(payee.Id)));
            Assert.DoesNotContain(other.Id, notice.PayloadJson, StringComparison.Ordinal);
        }

        // Aki's default for money is a mail at once, sent through SMTP with her part in yen; Ben chose in-app, so no mail.
        var subject = EventText.Text("payout.paid", System.Globalization.CultureInfo.GetCultureInfo("ja"));
        var mail = await SmtpSink.WaitForAsync(() => smtp.MailTo(s.Aki.Email).Where(m => (m.Subject ?? string.Empty).Contains(subject, StringComparison.Ordinal)).ToList(), 1);
        Assert.Contains(Amounts.Display("JPY", akis.ToString(System.Globalization.CultureInfo.InvariantCulture)), mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(smtp.MailTo(s.Ben.Email), m => (m.Subject ?? string.Empty).Contains(subject, StringComparison.Ordinal));
        Assert.DoesNotContain(smtp.MailTo(s.Cai.Email), m => (m.Subject ?? string.Empty).Contains(subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SuccessionCompleted_ReachesTheHeirTheGuardiansAndTheHolder_AndNoOtherMember()
    {
        await using var app = Quiet("sqlite", chunk: 2000);
        var s = await GovernanceSetup.CreateAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await s.Cai.Client.PutAsJsonAsync($"{s.Community}/succession",
            new { successors = new[] { new { personId = s.Dan.Id, share = 1 } }, guardians = new[] { s.Ben.Id }, threshold = 1, inactivityDays = 365, vetoDays = 30 })).StatusCode);

        // A year of silence, Ben confirms, the veto window passes unused, and Dan (the heir) claims.
        app.Clock.Advance(TimeSpan.FromDays(366));
        Assert.Equal(HttpStatusCode.OK, (await s.Ben.Client.PostJsonAsync($"{s.Community}/people/{s.Cai.Id}/succession/confirm", new { })).StatusCode);
        await DispatchAsync(app);
        Assert.Empty(await ToldAsync(app, "succession.completed"));
        app.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(HttpStatusCode.OK, (await s.Dan.Client.PostJsonAsync($"{s.Community}/people/{s.Cai.Id}/succession/claim", new { })).StatusCode);
        await DispatchAsync(app);

        // Aki, a member the plan does not name, is not told; the heir's notice is mailed (money and succession are mail by default).
        Assert.Equal(Ids(s.Ben, s.Cai, s.Dan), await ToldAsync(app, "succession.completed"));
        var items = (await (await s.Dan.Client.GetAsync("/api/v1/notifications")).JsonAsync()).GetProperty("items").EnumerateArray();
        Assert.Contains(items, i => i.GetProperty("kind").GetString() == "succession.completed");
        await using var scope = app.Scope();
        var heirs = await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Notifications.AsNoTracking()
            .SingleAsync(n => n.Kind == "succession.completed" && n.PersonId == new Mikoshi.Domain.Communities.PersonId(Guid.Parse(s.Dan.Id)));
        Assert.NotEqual(NoticeMailState.None, heirs.MailState);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Channels_ReceiveOnlyTheKindsTheirAdminChose_RefuseOnesAboutOnePerson_AndCanBeDeleted(string provider)
    {
        await using var app = Quiet(provider);
        app.Settings["Mikoshi:Notifications:AllowLoopbackWebhooks"] = "true";
        var s = await GovernanceSetup.CreateAsync(app);
        await DispatchAsync(app);
        var channels = $"{s.Community}/channels";
        var added = await s.Admin.Client.PostJsonAsync(channels, new { kind = "webhook", label = "Votes only", url = "http://127.0.0.1:9/hook", language = "en", events = new[] { "proposal.opened" } });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var number = (await added.JsonAsync()).GetProperty("number").GetInt64();
        var everything = await (await s.Admin.Client.PostJsonAsync(channels, new { kind = "slack", label = "All", url = "http://127.0.0.1:9/slack", language = "ja" })).JsonAsync();
        Assert.Equal(CommunityChannels.PublicKinds.Count, everything.GetProperty("events").GetArrayLength());

        foreach (var (events, code) in new[] { (new[] { "payout.paid" }, "channel_event_not_public"), (new[] { "no.such.kind" }, "unknown_event_kind"), (Array.Empty<string>(), "channel_events_empty") })
        {
            var refused = await s.Admin.Client.PutAsJsonAsync($"{channels}/{number}/events", new { events });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal(code, await refused.ProblemCodeAsync());
        }

        Assert.Equal("forbidden", await (await s.Ben.Client.DeleteAsync($"{channels}/{number}")).ProblemCodeAsync());
        var listed = (await (await s.Admin.Client.GetAsync(channels)).JsonAsync()).GetProperty("items").EnumerateArray().Single(c => c.GetProperty("number").GetInt64() == number);
        Assert.Equal(["proposal.opened"], listed.GetProperty("events").EnumerateArray().Select(e => e.GetString()!).ToList());

        // Dan joins (member.joined) and a proposal opens: the votes-only channel gets the proposal alone, the other both.
        await s.Admin.DepositAsync(s.Slug, "50000", personId: s.Dan.Id);
        await GovernanceSetup.MintAsync(s.Slug, s.Dan);
        await OpenLaterAsync(s);
        await DispatchAsync(app);
        async Task<List<string>> LogAsync(long channel) =>
            (await (await s.Admin.Client.GetAsync($"{channels}/{channel}/deliveries")).JsonAsync()).GetProperty("items").EnumerateArray()
                .Select(d => d.GetProperty("kind").GetString()!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["proposal.opened"], await LogAsync(number));
        Assert.Equal(["member.joined", "proposal.opened"], await LogAsync(everything.GetProperty("number").GetInt64()));

        var chosen = await s.Admin.Client.PutAsJsonAsync($"{channels}/{number}/events", new { events = new[] { "proposal.opened", "member.joined" } });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal(2, (await chosen.JsonAsync()).GetProperty("events").GetArrayLength());

        // Deleted: gone from the list with its log and its sealed URL; a second delete finds nothing.
        Assert.Equal(HttpStatusCode.OK, (await s.Admin.Client.DeleteAsync($"{channels}/{number}")).StatusCode);
        Assert.DoesNotContain((await (await s.Admin.Client.GetAsync(channels)).JsonAsync()).GetProperty("items").EnumerateArray(), c => c.GetProperty("number").GetInt64() == number);
        Assert.Equal("channel_not_found", await (await s.Admin.Client.DeleteAsync($"{channels}/{number}")).ProblemCodeAsync());
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = (await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == s.Slug)).Id;
        Assert.Equal(0, await db.ChannelDeliveries.CountAsync(d => d.CommunityId == community && d.ChannelNumber == number));
    }

    [Fact]
    public async Task UnsubscribeLink_OpenedInABrowser_ShowsAConfirmationThatChangesNothing_AndAWrongTokenAPage()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = Quiet("sqlite");
        foreach (var (key, value) in smtp.Settings)
        {
            app.Settings[key] = value;
        }

        app.Settings["Mikoshi:PublicOrigin"] = "https://mikoshi.test";
        var s = await GovernanceSetup.CreateAsync(app);
        await s.Ben.Client.PutAsync("/api/v1/notifications/settings", Json(new { language = "en" }));
        await s.OpenAsync(s.Aki, "signal");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await DispatchAsync(app);
        await DispatchAsync(app);
        var mail = await SmtpSink.WaitForAsync(() => smtp.MailTo(s.Ben.Email).Where(m => m.Headers.Contains("List-Unsubscribe")).ToList(), 1);
        var oneClick = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>')).PathAndQuery;

        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var opened = await anonymous.GetAsync(oneClick);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var page = opened.Headers.Location!.OriginalString;
        Assert.StartsWith("/unsubscribe/", page, StringComparison.Ordinal);
        Assert.Contains($"https://mikoshi.test{page}", mail.TextBody, StringComparison.Ordinal);

        var shown = await anonymous.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("mail", await DeliveryAsync(s.Ben, "proposal.closing-soon"));

        var wrong = await anonymous.GetAsync("/unsubscribe/not-a-token-we-sent");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Mikoshi", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The one-click POST still works on the header's URL, once.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync(oneClick, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        Assert.Equal("in_app", await DeliveryAsync(s.Ben, "proposal.closing-soon"));
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.GetAsync(page)).StatusCode);
    }

    private static async Task<string?> DeliveryAsync(Person person, string kind) =>
        (await (await person.Client.GetAsync("/api/v1/notifications/settings")).JsonAsync()).GetProperty("kinds").EnumerateArray()
            .Single(k => k.GetProperty("kind").GetString() == kind).GetProperty("delivery").GetString();
}
