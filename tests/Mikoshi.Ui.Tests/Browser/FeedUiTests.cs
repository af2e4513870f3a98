using System.Net;
using Ical.Net;
using Mikoshi.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>Calendars and feeds (#17) in the browser: the community page links its calendar and news feed; /account makes and revokes a private calendar address.</summary>
public sealed class FeedUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task CommunityPageLinksItsFeeds_AndTheAccountPageMakesAndRevokesAPrivateCalendar()
    {
        await using var ui = await BrowserApp.StartAsync(browser);
        var admin = await ui.App.SignUpAsync(displayName: "Aiko");
        var slug = await admin.FoundCommunityAsync();
        var page = ui.Page;
        await page.SignUpAsync("花子");
        var client = ui.App.CreateClient();

        await page.GotoAsync($"/c/{slug}");
        var calendarHref = await page.GetByTestId("community-calendar").GetAttributeAsync("href");
        Assert.NotNull(Calendar.Load(await client.GetStringAsync(calendarHref)));
        var newsHref = await page.GetByTestId("community-news-feed").GetAttributeAsync("href");
        Assert.Equal("feed", System.Xml.Linq.XDocument.Parse(await client.GetStringAsync(newsHref)).Root!.Name.LocalName);

        await page.GotoAsync("/account");
        await page.ClickAsync("[data-testid=make-calendar]");
        var url = new Uri(await page.GetByTestId("calendar-url").InnerTextAsync()).PathAndQuery;
        Assert.NotNull(Calendar.Load(await client.GetStringAsync(url)));

        await page.ClickAsync("[data-testid=revoke-calendar]");
        await Expect(page.GetByTestId("calendar-revoked")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }
}
