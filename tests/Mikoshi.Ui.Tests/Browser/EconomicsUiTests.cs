using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>
/// The economics in the browser: the price floor stops mint → redeem from taking the treasury's money, and a
/// token that backed a yes vote shows its lock and offers no way to move or redeem it.
/// </summary>
public sealed class EconomicsUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task MintThenRedeem_WithThePriceSetBelowATokensValue_PaysTheFloorAndReturnsNoMore()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser);
        var admin = ui.Page;
        await admin.SignUpAsync("管理者");
        var slug = await admin.FoundCommunityAsync(acceptEth: true);
        await admin.SetParametersAsync(slug, basePrice: "1000");
        var aki = await ui.NewPersonAsync();
        await aki.SignUpAsync("あき");
        await admin.DepositForAsync(slug, await aki.PersonIdAsync(), "5000");
        await aki.MintAsync(slug);

        // The treasury grows in two assets after あき joined; the settings still ask ¥1,000.
        await admin.GotoAsync($"/c/{slug}");
        await admin.SubmitDepositAsync("300000", "bank treasury");
        await Expect(admin.GetByTestId("deposit-recorded")).ToBeVisibleAsync();
        await admin.SubmitDepositAsync("2", "wallet treasury", asset: "ETH");
        await Expect(admin.GetByTestId("deposit-recorded")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("base-price-floor")).ToContainTextAsync("¥1,000");
        await admin.ShotAsync("desktop-settings-floor");
        var eve = await ui.NewPersonAsync();
        await eve.SignUpAsync("イブ");
        await admin.DepositForAsync(slug, await eve.PersonIdAsync(), "1000000");

        await eve.GotoAsync($"/c/{slug}");
        await Expect(eve.GetByTestId("price-floor")).ToContainTextAsync("¥1,000");
        await eve.ShotAsync("desktop-community-floor");
        var before = Yen(await eve.GetByTestId("my-balance").TextContentAsync());
        var token = await eve.MintAsync(slug);
        await Expect(eve.GetByTestId("holding")).ToHaveCountAsync(1);
        await eve.GetByTestId("redeem-preview-link").ClickAsync();
        await Expect(eve.GetByTestId("redeem-amounts")).Not.ToContainTextAsync("ETH");
        await eve.GetByTestId("redeem-confirm").ClickAsync();
        await eve.ArrivesAtAsync($"**/c/{slug}/tokens/{token}?done=redeemed*");

        await eve.GotoAsync($"/c/{slug}");
        var after = Yen(await eve.GetByTestId("my-balance").TextContentAsync());
        Assert.True(after <= before, $"¥{before} before, ¥{after} after mint → redeem");
        Assert.True(before - after < 1000, "the floor was paid and returned, less its rounding");
    }

    [Fact]
    public async Task YesVotersToken_ShowsItsLockAndOffersNoMove_AndThePersonPageShowsTheBadge()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser);
        var admin = ui.Page;
        await admin.SignUpAsync("管理者");
        var slug = await admin.FoundCommunityAsync(acceptEth: true);
        await admin.SetParametersAsync(slug, basePrice: "1000", redemption: "80");
        var aki = await ui.NewPersonAsync();
        var email = await aki.SignUpAsync("あき");
        var akiId = await aki.PersonIdAsync();
        await admin.DepositForAsync(slug, akiId, "5000");
        await aki.MintAsync(slug);
        await admin.GotoAsync($"/c/{slug}");
        await admin.SubmitDepositAsync("0.5", "wallet treasury", asset: "ETH");
        await Expect(admin.GetByTestId("deposit-recorded")).ToBeVisibleAsync();
        ui.App.Clock.Advance(TimeSpan.FromMinutes(1));

        var proposal = await aki.ProposeAsync(slug, "signal", "夏祭りをひらく");
        await aki.VoteAsync(slug, proposal, "for");

        await aki.GotoAsync($"/c/{slug}/tokens/1");
        await Expect(aki.GetByTestId("token-lock")).ToContainTextAsync($"提案 {proposal}");
        await Expect(aki.GetByTestId("token-lock-link")).ToHaveAttributeAsync("href", $"/c/{slug}/proposals/{proposal}");
        await Expect(aki.GetByTestId("holding")).ToHaveCountAsync(2);
        await Expect(aki.GetByTestId("locked-actions")).ToBeVisibleAsync();
        foreach (var offered in new[] { "gift-form", "list-form", "redeem-preview-link" })
        {
            await Expect(aki.GetByTestId(offered)).ToHaveCountAsync(0);
        }

        await aki.ShotAsync("desktop-token-locked");
        await aki.GotoAsync($"/c/{slug}/people/{akiId}");
        await Expect(aki.GetByTestId("lock-badge")).ToContainTextAsync($"提案 {proposal}");
        await aki.ShotAsync("desktop-person-locked");

        var phone = await ui.NewPersonAsync(width: 390, height: 844);
        await phone.SignInAsync(email);
        await phone.GotoAsync($"/c/{slug}/tokens/1");
        await Expect(phone.GetByTestId("token-lock")).ToBeVisibleAsync();
        await phone.ShotAsync("phone-token-locked");
        Assert.True(await phone.FitsAsync(), "the locked token page scrolls sideways at 390 px");
    }

    [Fact]
    public async Task Gift_AfterRevenue_ShowsTheHoldersShareSettledToTheGiver()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser, locale: "en-US");
        var setup = await Http.Revenue.RevenueSetup.CreateAsync(ui.App);
        await setup.RecordOkAsync("100000");
        var page = ui.Page;
        await page.SignInAsync(setup.Aki.Email);
        await page.GotoAsync($"/c/{setup.Slug}/tokens/1");
        await Expect(page.GetByTestId("holding-accrued")).Not.ToHaveTextAsync("—");
        var accrued = await page.GetByTestId("holding-accrued").TextContentAsync();
        await page.ShotAsync("desktop-token-accrued-en");

        await page.SelectOptionAsync("#gift-to", new SelectOptionValue { Label = "Admin" });
        await page.GetByTestId("gift").ClickAsync();
        await page.ArrivesAtAsync($"**/c/{setup.Slug}/tokens/1?done=gifted&receipt=*");
        await Expect(page.GetByTestId("token-settled")).ToContainTextAsync($"{accrued} paid to Aki");
        await page.ShotAsync("desktop-token-settled-en");
    }

    private static long Yen(string? text) =>
        long.Parse(new string((text ?? string.Empty).TakeWhile(c => c != 'J').Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
}
