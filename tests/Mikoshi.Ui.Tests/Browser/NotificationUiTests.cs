using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>The bell (issue #17): an invitation arrives, the count goes up, the page lists it, reading clears it.</summary>
public sealed class NotificationUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Bell_CountsAnArrivingInvitation_ThePageListsIt_AndReadingClearsTheCount()
    {
        await using var ui = await BrowserApp.StartAsync(browser, settings: new Dictionary<string, string?> { ["Mikoshi:Notifications:PollSeconds"] = "0.1" });
        var lead = ui.Page;
        await lead.SignUpAsync("リーダー");
        var slug = await lead.FoundWithFreeMembershipAsync();
        var project = await lead.StartProjectAsync(slug, "祭りの絵巻");

        var invitee = await ui.NewPersonAsync();
        await invitee.SignUpAsync("書き手");
        var inviteeId = await invitee.PersonIdAsync();
        await invitee.GotoAsync("/");
        await Expect(invitee.GetByTestId("bell-count")).ToHaveTextAsync("0");

        await lead.InviteByIdAsync(slug, project, inviteeId, "Writer");

        // The dispatcher expands the invitation in the background: wait until the notice is in the store, then look.
        var person = new PersonId(Guid.Parse(inviteeId));
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using var scope = ui.App.Scope();
            if (await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Notifications.AnyAsync(n => n.PersonId == person))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < until, "the invitation never reached the invitee");
            await Task.Delay(100);
        }

        await invitee.GotoAsync("/");
        await Expect(invitee.GetByTestId("bell-count")).ToHaveTextAsync("1");
        await invitee.GetByTestId("bell").ClickAsync();
        await Expect(invitee.GetByTestId("notification")).ToHaveCountAsync(1);
        await Expect(invitee.GetByTestId("notification-text")).ToContainTextAsync("プロジェクトのチームに招待されました");
        await invitee.GetByTestId("mark-all-read").ClickAsync();
        await Expect(invitee.GetByTestId("bell-count")).ToHaveTextAsync("0");
        await Expect(invitee.GetByTestId("notification")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task UnsubscribeLink_ShowsWhatItStops_ThenStopsItOnTheButton_AndAReusedOrWrongLinkSaysSo()
    {
        await using var smtp = await SmtpSink.StartAsync();
        var settings = new Dictionary<string, string?>(smtp.Settings) { ["Mikoshi:Notifications:PollSeconds"] = "0.1" };
        await using var ui = await BrowserApp.StartAsync(browser, settings: settings);
        var lead = ui.Page;
        await lead.SignUpAsync("リーダー");
        var slug = await lead.FoundWithFreeMembershipAsync("夏祭りの会");
        var project = await lead.StartProjectAsync(slug, "祭りの絵巻");
        var invitee = await ui.NewPersonAsync();
        await invitee.SignUpAsync("書き手");
        await lead.InviteByIdAsync(slug, project, await invitee.PersonIdAsync(), "Writer");

        // The invitation comes by mail at once; its footer links to the confirmation page.
        var mail = await SmtpSink.WaitForAsync(() => SmtpSink.Received(smtp.Folder)
            .Where(m => m.Headers.Contains("List-Unsubscribe")).ToList(), 1);
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? string.Empty, "/unsubscribe/[A-Za-z0-9_-]+").Value;
        Assert.NotEmpty(link);

        // Opened by someone not signed in (a mail client's browser): it names the kind and the community, changes nothing yet.
        var reader = await ui.NewPersonAsync();
        await reader.GotoAsync(link);
        await Expect(reader.GetByTestId("unsubscribe-what")).ToContainTextAsync("プロジェクトのチームに招待されました");
        await Expect(reader.GetByTestId("unsubscribe-community")).ToContainTextAsync("夏祭りの会");
        await reader.GetByTestId("unsubscribe-confirm").ClickAsync();
        await Expect(reader.GetByTestId("unsubscribe-done")).ToBeVisibleAsync();

        await reader.GotoAsync(link);
        await Expect(reader.GetByTestId("unsubscribe-error")).ToContainTextAsync("すでに使われています");
        Assert.Equal(0, await reader.GetByTestId("unsubscribe-confirm").CountAsync());
        await reader.GotoAsync("/unsubscribe/not-a-token-we-sent");
        await Expect(reader.GetByTestId("unsubscribe-error")).ToContainTextAsync("Mikoshi が送ったものではありません");
    }

    [Fact]
    public async Task ChannelsPage_AddsAChannelForChosenKinds_ChangesThem_AndDeletesIt()
    {
        await using var ui = await BrowserApp.StartAsync(browser, settings: new Dictionary<string, string?>
        {
            ["Mikoshi:Notifications:PollSeconds"] = "0",
            ["Mikoshi:Notifications:AllowLoopbackWebhooks"] = "true",
        });
        var admin = ui.Page;
        await admin.SignUpAsync("管理者");
        var slug = await admin.FoundCommunityAsync();
        await admin.GotoAsync($"/c/{slug}/channels");
        await admin.GetByTestId("channel-kind").SelectOptionAsync("slack");
        await admin.GetByTestId("channel-label").FillAsync("投票だけ");
        await admin.GetByTestId("channel-url").FillAsync("http://127.0.0.1:9/slack");
        foreach (var kind in Features.Notifications.CommunityChannels.PublicKinds.Where(k => k != "proposal.opened"))
        {
            await admin.GetByTestId($"new-channel-event-{kind}").UncheckAsync();
        }

        await admin.GetByTestId("add-channel").ClickAsync();
        await Expect(admin.GetByTestId("channel")).ToHaveCountAsync(1);
        await admin.GotoAsync($"/c/{slug}/channels");
        await Expect(admin.GetByTestId("channel-1-event-proposal.opened")).ToBeCheckedAsync();
        await Expect(admin.GetByTestId("channel-1-event-member.joined")).Not.ToBeCheckedAsync();

        await admin.GetByTestId("channel-1-event-member.joined").CheckAsync();
        // The save is an enhanced form post: wait for its answer before reading the page afresh.
        await admin.RunAndWaitForResponseAsync(() => admin.GetByTestId("channel-1-save-events").ClickAsync(), r => r.Request.Method == "POST");
        await admin.GotoAsync($"/c/{slug}/channels");
        await Expect(admin.GetByTestId("channel-1-event-member.joined")).ToBeCheckedAsync();
        await Expect(admin.GetByTestId("channel-1-event-proposal.passed")).Not.ToBeCheckedAsync();

        await admin.GetByTestId("channel-1-delete").ClickAsync();
        await Expect(admin.GetByTestId("no-channels")).ToBeVisibleAsync();
    }
}
