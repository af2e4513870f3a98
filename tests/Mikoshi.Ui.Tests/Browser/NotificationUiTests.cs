using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
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
}
