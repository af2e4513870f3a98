using System.Net;
using System.Text.RegularExpressions;
using Mikoshi.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>
/// Issue #20, second part, in Chromium and in Japanese: money reads as ¥15,400 and ETH with a few digits (every digit
/// in the title), members are counted as token holders with roles apart, /account lists the community a token holder
/// belongs to, the ledger names people, and the earnings page charts where the money came from, by month.
/// </summary>
public sealed class JapaneseDaySecondUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task TokenHolder_SeesYen_HonestCounts_HerCommunity_NamesInTheLedger_AndHerMonthInTheChart(string provider)
    {
        await using var ui = await BrowserApp.StartAsync(browser, provider);
        var admin = await ui.App.SignUpAsync(displayName: "管理者");
        var sakura = await ui.App.SignUpAsync(displayName: "さくら");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "10000", personId: sakura.Id);
        await admin.DepositAsync(slug, "5400", personId: sakura.Id);
        await admin.DepositAsync(slug, "12345678901234567", "ETH");
        Assert.Equal(HttpStatusCode.Created, (await sakura.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);

        var page = ui.Page;
        await page.SignInAsync(sakura.Email);

        // The headline: one member (さくら holds the only token), the admin counted apart as a role; yen with ¥, ETH short.
        await page.GotoAsync($"/c/{slug}");
        await Expect(page.GetByTestId("people")).ToContainTextAsync("1");
        await Expect(page.GetByTestId("role-holders")).ToContainTextAsync("1");
        await Expect(page.GetByTestId("treasury")).ToContainTextAsync("¥");
        await Expect(page.GetByTestId("treasury")).Not.ToContainTextAsync("JPY");
        var eth = page.GetByTestId("treasury").Locator(".money", new() { HasText = "ETH" });
        await Expect(eth).ToHaveTextAsync("≈0.01234 ETH");
        await Expect(eth).ToHaveAttributeAsync("title", "0.012345678901234567 ETH");

        // /account: her community, with her token and her standing, not "no role yet".
        await page.GotoAsync("/account");
        var mine = page.Locator($"[data-testid=my-community][data-slug={slug}]");
        await Expect(mine.GetByTestId("my-tokens")).ToContainTextAsync("会員権 1 口");
        await Expect(mine.GetByTestId("my-standing")).ToContainTextAsync("メンバー");

        // The ledger names her (a member reads members by name), never a bare id.
        await page.GotoAsync($"/c/{slug}/ledger");
        await Expect(page.GetByTestId("posting-account").Filter(new() { HasText = "さくら" }).First).ToBeVisibleAsync();
        var accounts = await page.GetByTestId("posting-account").AllInnerTextsAsync();
        Assert.DoesNotContain(accounts, a => Regex.IsMatch(a, "個人 [0-9a-f]{8}"));
        await Expect(page.GetByTestId("posting-amount").First).ToContainTextAsync("¥");

        // The chart: this month brought ¥15,400 (two deposits), the mint paid out is not income.
        await page.GotoAsync($"/c/{slug}/earnings");
        await Expect(page.GetByTestId("income-chart").Locator("svg title").First).ToContainTextAsync("月ごとの収入の内訳");
        await Expect(page.GetByTestId("income-month")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("income-total")).ToHaveTextAsync("¥15,400");
        await Expect(page.GetByTestId("income-chart").Locator("rect.segment")).ToHaveCountAsync(1);
    }
}
