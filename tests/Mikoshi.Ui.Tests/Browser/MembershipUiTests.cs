using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>Membership in the browser: minting, the market, redemption with its preview, rejoining, succession.</summary>
public sealed class MembershipUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Membership_MintedListedBoughtRedeemedAndRejoined_KeepsLineagePeriodsAndBalancesExact()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser);
        var admin = ui.Page;
        await admin.SignUpAsync("管理者");
        var slug = await admin.FoundCommunityAsync();
        await admin.SetParametersAsync(slug, basePrice: "1000", slope: "100", royalty: "10", redemption: "100");
        await Expect(admin.GetByTestId("next-price")).ToContainTextAsync("1,000");

        var alice = await ui.NewPersonAsync();
        await alice.SignUpAsync("あき");
        var aliceId = await alice.PersonIdAsync();
        var bob = await ui.NewPersonAsync();
        await bob.SignUpAsync("ぼたん");
        var bobId = await bob.PersonIdAsync();
        await admin.DepositForAsync(slug, aliceId, "5000");
        await admin.DepositForAsync(slug, bobId, "5000");

        // A mints at the price on the button and lists the token.
        var token = await alice.MintAsync(slug);
        Assert.Equal(1, token);
        await Expect(alice.GetByTestId("owner")).ToContainTextAsync("あき");
        ui.App.Clock.Advance(TimeSpan.FromDays(1));
        await alice.FillAsync("#list-price", "3,000");
        await alice.GetByTestId("list").ClickAsync();
        await Expect(alice.GetByTestId("token-notice")).ToBeVisibleAsync();
        await Expect(alice.GetByTestId("listed-at")).ToHaveTextAsync("¥3,000");

        // B finds it in the market, cheapest first, and buys it.
        ui.App.Clock.Advance(TimeSpan.FromDays(1));
        await bob.GotoAsync($"/c/{slug}/market");
        await Expect(bob.GetByTestId("listing-price")).ToHaveTextAsync("¥3,000");
        await bob.GetByTestId("buy").ClickAsync();
        await bob.ArrivesAtAsync($"**/c/{slug}/tokens/1?done=bought");
        await Expect(bob.GetByTestId("owner")).ToContainTextAsync("ぼたん");
        await Expect(bob.GetByTestId("last-sale")).ToHaveTextAsync("¥3,000");

        // B redeems: the preview shows the exact amounts (the whole treasury: mint 1,000 + royalty 300), then B confirms.
        ui.App.Clock.Advance(TimeSpan.FromDays(1));
        await bob.GetByTestId("redeem-preview-link").ClickAsync();
        await Expect(bob.GetByTestId("redeem-amounts")).ToHaveTextAsync("¥1,300");
        await bob.GetByTestId("redeem-confirm").ClickAsync();
        await bob.ArrivesAtAsync($"**/c/{slug}/tokens/1?done=redeemed");
        await Expect(bob.GetByTestId("burned")).ToBeVisibleAsync();
        await Expect(bob.GetByTestId("lineage-step")).ToHaveTextAsync([new Regex("^あき が発行"), new Regex("^ぼたん が購入[\\s\\S]*¥3,000"), new Regex("^ぼたん が償還")]);
        await Expect(bob.GetByTestId("price-chart")).ToBeVisibleAsync();

        // B rejoins at the curve's price for an empty supply.
        ui.App.Clock.Advance(TimeSpan.FromDays(1));
        await bob.GotoAsync($"/c/{slug}");
        await Expect(bob.GetByTestId("supply")).ToContainTextAsync("0");
        await Expect(bob.GetByTestId("my-balance")).ToContainTextAsync("3,300");
        Assert.Equal(2, await bob.MintAsync(slug));

        await bob.GotoAsync($"/c/{slug}");
        await Expect(bob.GetByTestId("my-balance")).ToContainTextAsync("2,300");
        await Expect(bob.GetByTestId("treasury")).ToContainTextAsync("1,000");
        await Expect(bob.GetByTestId("next-price")).ToContainTextAsync("1,100");
        await alice.GotoAsync($"/c/{slug}");
        await Expect(alice.GetByTestId("my-balance")).ToContainTextAsync("6,700");

        await bob.GetByTestId("my-page-link").ClickAsync();
        await Expect(bob.GetByTestId("period")).ToHaveCountAsync(2);
        await Expect(bob.GetByTestId("period").Nth(0)).ToContainTextAsync("退会");
        await Expect(bob.GetByTestId("period").Nth(1)).ToContainTextAsync("復帰");
        await Expect(bob.GetByTestId("held-token")).ToHaveCountAsync(1);
        await Expect(bob.GetByTestId("edit-profile")).ToBeVisibleAsync();

        await bob.GotoAsync($"/c/{slug}/market");
        await Expect(bob.GetByTestId("sale")).ToHaveCountAsync(1);
        await Expect(bob.GetByTestId("sale")).ToContainTextAsync("¥3,000");
        await bob.ShotAsync("desktop-market");
        await bob.GotoAsync($"/c/{slug}/tokens/1");
        await bob.ShotAsync("desktop-token-burned");
        await bob.GotoAsync($"/c/{slug}/tokens/2");
        await bob.ShotAsync("desktop-token-owner");
        await alice.GotoAsync($"/c/{slug}/tokens/2");
        await alice.ShotAsync("desktop-token-other");
        await admin.GotoAsync($"/c/{slug}");
        await admin.ShotAsync("desktop-community-admin");
    }

    [Fact]
    public async Task Succession_ConfirmedByTwoGuardiansAfterInactivity_IsRunByTheSuccessor()
    {
        // Days pass in this test; the sign-in cookie is made to outlast them (bearer tokens are, in TestApp).
        await using var ui = await BrowserApp.StartAsync(browser, services: s =>
            s.ConfigureApplicationCookie(o => o.ExpireTimeSpan = TimeSpan.FromDays(3650)));
        var holder = ui.Page;
        await holder.SignUpAsync("持ち主");
        var slug = await holder.FoundCommunityAsync();
        await holder.SetParametersAsync(slug, basePrice: "0");
        await holder.MintAsync(slug);

        var guardian1 = await ui.NewPersonAsync();
        await guardian1.SignUpAsync("見守り一");
        await guardian1.MintAsync(slug);
        var guardian2 = await ui.NewPersonAsync();
        await guardian2.SignUpAsync("見守り二");
        await guardian2.MintAsync(slug);
        var heir = await ui.NewPersonAsync();
        await heir.SignUpAsync("跡取り");
        await heir.MintAsync(slug);
        var holderId = await holder.PersonIdAsync();

        // Searchable person pickers: one list of names the browser filters as a name is typed, no drop-down or checkboxes.
        await holder.GotoAsync($"/c/{slug}/succession");
        await Expect(holder.Locator("[data-testid=plan-form] select, [data-testid=plan-form] input[type=checkbox]")).ToHaveCountAsync(0);
        await Expect(holder.Locator("#people-choices option")).ToHaveCountAsync(3);
        await Expect(holder.GetByTestId("successor").First).ToHaveAttributeAsync("list", "people-choices");
        await holder.GetByTestId("successor").First.FillAsync("跡取り");
        await holder.GetByTestId("guardian").Nth(0).FillAsync("見守り一");
        await holder.GetByTestId("guardian").Nth(1).FillAsync("だれでもない人");
        await holder.GetByTestId("save-plan").ClickAsync();
        await Expect(holder.GetByTestId("form-error")).ToBeVisibleAsync();
        await Expect(holder.GetByTestId("current-plan")).ToHaveCountAsync(0);
        await holder.GetByTestId("successor").First.FillAsync("跡取り");
        await holder.GetByTestId("guardian").Nth(0).FillAsync("見守り一");
        await holder.GetByTestId("guardian").Nth(1).FillAsync("見守り二");
        await holder.FillAsync("#threshold", "2");
        await holder.FillAsync("#inactivity", "30");
        await holder.FillAsync("#veto-days", "7");
        await holder.GetByTestId("save-plan").ClickAsync();
        await Expect(holder.GetByTestId("succession-notice")).ToBeVisibleAsync();
        await Expect(holder.GetByTestId("current-plan")).ToContainTextAsync("跡取り");
        await ui.ScreenshotAsync("desktop-succession");

        // The heir learns of it on their own account: whose, where, what they would receive, and that it waits.
        await heir.GotoAsync("/account");
        var named = heir.GetByTestId("heir-plan");
        await Expect(named).ToContainTextAsync("持ち主");
        await Expect(named.GetByTestId("heir-roles")).ToContainTextAsync("引き継ぐ人");
        await Expect(named.GetByTestId("heir-receives")).ToContainTextAsync("会員権 1 口（#1）");
        await Expect(named.GetByTestId("heir-stage")).ToContainTextAsync("待機中");
        await Expect(named.GetByTestId("heir-claim")).ToHaveCountAsync(0);

        // Too early: the guardian sees why there is nothing to confirm yet.
        await guardian1.GotoAsync($"/c/{slug}/people/{holderId}");
        await Expect(guardian1.GetByTestId("succession-stage")).ToContainTextAsync("待機中");
        await Expect(guardian1.GetByTestId("succession-confirm")).ToHaveCountAsync(0);

        ui.App.Clock.Advance(TimeSpan.FromDays(31));
        await guardian1.ReloadAsync();
        await Expect(guardian1.GetByTestId("succession-stage")).ToContainTextAsync("0 / 2");
        await guardian1.GetByTestId("succession-confirm").ClickAsync();
        await Expect(guardian1.GetByTestId("person-notice")).ToBeVisibleAsync();
        await Expect(guardian1.GetByTestId("succession-stage")).ToContainTextAsync("1 / 2");
        // The second guardian confirms from their own account.
        await guardian2.GotoAsync("/account");
        await Expect(guardian2.GetByTestId("heir-roles")).ToContainTextAsync("見守り人");
        await guardian2.GetByTestId("heir-confirm").ClickAsync();
        await Expect(guardian2.GetByTestId("heir-notice")).ToBeVisibleAsync();
        await Expect(guardian2.GetByTestId("heir-stage")).ToContainTextAsync("拒否できます");
        await Expect(guardian2.GetByTestId("heir-confirmed")).ToBeVisibleAsync();

        // The holder would see the confirmations and a veto button (reading it does not count as activity).
        await holder.GotoAsync($"/c/{slug}/succession");
        await Expect(holder.GetByTestId("confirmations")).ToContainTextAsync("見守り一");
        await Expect(holder.GetByTestId("veto")).ToBeVisibleAsync();

        // The heir claims from their own account once the veto window has passed.
        await heir.GotoAsync("/account");
        await Expect(heir.GetByTestId("heir-claim")).ToHaveCountAsync(0);
        ui.App.Clock.Advance(TimeSpan.FromDays(8));
        await heir.ReloadAsync();
        await Expect(heir.GetByTestId("heir-stage")).ToContainTextAsync("準備完了");
        await heir.GetByTestId("heir-claim").ClickAsync();
        await Expect(heir.GetByTestId("heir-notice")).ToBeVisibleAsync();
        await Expect(heir.GetByTestId("heir-receives")).ToContainTextAsync("受け取る会員権はありません");

        await heir.GotoAsync($"/c/{slug}/tokens/1");
        await Expect(heir.GetByTestId("owner")).ToContainTextAsync("跡取り");
        await Expect(heir.Locator("[data-testid=lineage-step].inherited")).ToHaveTextAsync(new Regex("^跡取り が相続"));
    }

    [Fact]
    public async Task Phone_TokenMarketAndMembersPages_DoNotScrollSideways()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser, width: 360, height: 740);
        var page = ui.Page;
        await page.SignUpAsync("とても長い表示名をもつメンバーのひとり・クリエイター");
        var slug = await page.FoundCommunityAsync("とても長い名前のコミュニティ・オンラインサロン・クリエイターの集まり");
        await page.SetParametersAsync(slug, basePrice: "0");
        await ui.ScreenshotAsync("phone-community-admin");
        await page.MintAsync(slug);
        await page.FillAsync("#list-price", "123456789012345678901234");
        await page.GetByTestId("list").ClickAsync();
        await Expect(page.GetByTestId("listed-at")).ToHaveTextAsync("¥123,456,789,012,345,678,901,234");
        await page.GotoAsync("/account/profile");
        await page.GetByTestId("Skills-input").First.FillAsync("イラストレーション・アニメーション・映像編集");
        await page.GetByTestId("Loves-input").First.FillAsync("温泉");
        await page.ClickAsync("[data-testid=profile-form] button[type=submit]");
        await Expect(page.GetByTestId("profile-saved")).ToBeVisibleAsync();

        var other = await ui.NewPersonAsync(width: 360, height: 740);
        await other.SignUpAsync("買い手");
        foreach (var (path, name) in new[] { ($"/c/{slug}/tokens/1", "phone-token"), ($"/c/{slug}/market", "phone-market"), ($"/c/{slug}/members", "phone-members") })
        {
            await page.GotoAsync(path);
            await ui.ScreenshotAsync(name + "-owner");
            Assert.True(await page.FitsAsync(), $"{path} scrolls sideways at 360 px for its owner");
            await other.GotoAsync(path);
            await other.ShotAsync(name + "-other");
            Assert.True(await other.FitsAsync(), $"{path} scrolls sideways at 360 px");
        }

        await page.GotoAsync($"/c/{slug}/members?skill={Uri.EscapeDataString("イラストレーション・アニメーション・映像編集")}");
        await Expect(page.GetByTestId("member")).ToHaveCountAsync(1);
        await page.GotoAsync($"/c/{slug}/members?q=nobody-matches");
        await Expect(page.GetByTestId("member")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task BadMoves_ListingAtAbcAndAMovedPrice_ShowLocalizedErrorsAndChangeNothing()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser);
        var page = ui.Page;
        await page.SignUpAsync("管理者");
        var slug = await page.FoundCommunityAsync();
        await page.SetParametersAsync(slug, basePrice: "1000");
        await page.DepositForAsync(slug, await page.PersonIdAsync(), "5000");

        // The price rises in another tab after the page showed it: the mint is refused and nothing is charged.
        await page.GotoAsync($"/c/{slug}");
        await Expect(page.GetByTestId("mint")).ToContainTextAsync("1,000");
        var tab = await ui.Context.NewPageAsync();
        await tab.SetParametersAsync(slug, basePrice: "1500");
        await page.GetByTestId("mint").ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("価格が上がりました");
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("¥1,500");
        await Expect(page.GetByTestId("my-balance")).ToContainTextAsync("5,000");
        await Expect(page.GetByTestId("supply")).ToContainTextAsync("0");
        await Expect(page.GetByTestId("mint")).ToContainTextAsync("1,500");

        await page.MintAsync(slug);
        await page.FillAsync("#list-price", "abc");
        await page.GetByTestId("list").ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("金額は 0 より大きい数で入力してください");
        await Expect(page.GetByTestId("listed-at")).ToHaveCountAsync(0);
        await page.GotoAsync($"/c/{slug}/market");
        await Expect(page.GetByTestId("listing")).ToHaveCountAsync(0);
    }
}
