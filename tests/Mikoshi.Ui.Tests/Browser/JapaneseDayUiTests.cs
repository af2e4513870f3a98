using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>
/// Issue #20 in Chromium, in Japanese: a signed-out deep link comes back after signing in, amounts typed as
/// Japanese people type them (¥100,000, 全角 digits and 円) are recorded, times show their zone, and the ledger's
/// audit log is verified in the browser with the same result as <c>mikoshi verify --file</c>, tampered or not.
/// </summary>
public sealed class JapaneseDayUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task DeepLinkSignedOut_ComesBackAfterSignIn_YenAmountsAreRecorded_AndTimesShowJst(string provider)
    {
        await using var ui = await BrowserApp.StartAsync(browser, provider);
        var admin = await ui.App.SignUpAsync(displayName: "管理者");
        var slug = await admin.FoundCommunityAsync();
        var page = ui.Page;

        // Signed out, a deep link to a page that needs a person: the sign-in page, then back to that page.
        await page.GotoAsync($"/c/{slug}/payouts");
        await page.ArrivesAtAsync("**/signin?*");
        await page.FillAsync("#signin-email", admin.Email);
        await page.FillAsync("#signin-password", Person.Password);
        await page.ClickAsync("main form button[type=submit]");
        await page.ArrivesAtAsync($"**/c/{slug}/payouts");

        await page.GotoAsync($"/c/{slug}");
        await page.SubmitDepositAsync("¥100,000", "bank 100000");
        await Expect(page.GetByTestId("deposit-recorded")).ToContainTextAsync("#1");
        await page.SubmitDepositAsync("１５，４００円", "bank 15400");
        await Expect(page.GetByTestId("deposit-recorded")).ToContainTextAsync("#2");
        await page.SubmitDepositAsync("¥ 1,000 JPY", "bank 1000");
        await Expect(page.GetByTestId("deposit-recorded")).ToContainTextAsync("#3");
        var ledger = await (await admin.Client.GetAsync($"/api/v1/communities/{slug}/ledger")).JsonAsync();
        var deposited = ledger.GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("postings").EnumerateArray().Single(p => p.GetProperty("account").GetString() == "treasury").GetProperty("amount").GetString())
            .ToList();
        Assert.Equal(["1000", "15400", "100000"], deposited);

        // Another asset's sign is named as such, not "enter an amount above zero".
        await page.SubmitDepositAsync("¥100", "bank eth", asset: "ETH");
        await Expect(page.GetByTestId("form-error").Or(page.Locator("#deposit-amount-error"))).ToContainTextAsync("通貨の記号");

        await page.GotoAsync($"/c/{slug}/ledger");
        var times = await page.Locator("[data-testid=entry] time").AllInnerTextsAsync();
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.EndsWith(" JST", t, StringComparison.Ordinal));
        Assert.DoesNotContain("UTC", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task AuditLog_VerifiedInTheBrowser_AllMatch_AndATamperedOne_NamesTheLinkTheCliNames(string provider)
    {
        await using var ui = await BrowserApp.StartAsync(browser, provider);
        var admin = await ui.App.SignUpAsync(displayName: "管理者");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "150000");
        await admin.DepositAsync(slug, "3000", personId: admin.Id);
        var export = await admin.Client.GetStringAsync($"/api/v1/communities/{slug}/audit");
        var links = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(Verifier.VerifyExport(new StringReader(export)).IsClean);

        var page = ui.Page;
        await page.SignInAsync(admin.Email);
        await page.GotoAsync($"/c/{slug}/ledger");
        await page.GetByTestId("verify-audit").ClickAsync();
        var result = page.GetByTestId("verify-result");
        await Expect(result).ToHaveAttributeAsync("data-result", "ok");
        await Expect(result).ToHaveTextAsync($"{links} 件すべて一致しました。");

        // The same download with one link's time moved by a millisecond, as an edit in the database would leave it. The
        // download is held back until the button has been seen busy (disabled, aria-busy, its label "処理中…"), then let go.
        var tampered = Tamper(export, link: 3);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/v1/communities/*/audit", async route =>
        {
            await release.Task;
            var response = await route.FetchAsync();
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = tampered });
        });
        var button = page.GetByTestId("verify-audit");
        var label = (await button.InnerTextAsync()).Trim();
        await button.ClickAsync();
        await Expect(button).ToHaveAttributeAsync("aria-busy", "true");
        await Expect(button).ToBeDisabledAsync();
        await Expect(button).ToHaveClassAsync(new Regex(@"\bbusy\b"));
        await Expect(button).ToHaveTextAsync("処理中…");
        release.SetResult();
        await Expect(result).ToHaveAttributeAsync("data-result", "mismatch");
        await Expect(button).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(button).ToBeEnabledAsync();
        await Expect(button).Not.ToHaveClassAsync(new Regex(@"\bbusy\b"));
        await Expect(button).ToHaveTextAsync(label);
        var cli = Verifier.VerifyExport(new StringReader(tampered));
        Assert.Equal("link 3", cli.Findings[0].Where);
        await Expect(result).ToHaveAttributeAsync("data-at", "3");
        await Expect(result).ToContainTextAsync("3 件目で不一致：内容がハッシュと合いません");

        // A link taken out: both name the gap where it was.
        var gap = string.Join('\n', export.Split('\n').Where((_, i) => i != 1));
        await page.UnrouteAllAsync();
        await page.RouteAsync("**/api/v1/communities/*/audit", async route =>
        {
            var response = await route.FetchAsync();
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = gap });
        });
        await page.GetByTestId("verify-audit").ClickAsync();
        await Expect(result).ToContainTextAsync("記録が抜けています");
        Assert.Equal("link 2", Verifier.VerifyExport(new StringReader(gap)).Findings[0].Where);
        await Expect(result).ToHaveAttributeAsync("data-at", "2");
    }

    private static string Tamper(string export, int link)
    {
        var lines = export.Split('\n');
        var node = JsonNode.Parse(lines[link - 1])!;
        node["atUnixMs"] = node["atUnixMs"]!.GetValue<long>() + 1;
        lines[link - 1] = node.ToJsonString();
        return string.Join('\n', lines);
    }
}
