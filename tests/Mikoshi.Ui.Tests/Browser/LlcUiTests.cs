using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>The LLC-type DAO mode in the browser: the admin turns it on and approves a member, who may then join.</summary>
public sealed class LlcUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_TurnsTheLlcModeOn_AndApprovesAMember_WhoThenMints()
    {
        await using var ui = await BrowserApp.StartAsync(browser);
        var admin = ui.Page;
        await admin.SignUpAsync("代表 社員");
        var adminId = await admin.PersonIdAsync();
        var slug = await admin.FoundCommunityAsync();
        var hana = await ui.NewPersonAsync();
        await hana.SignUpAsync("花子");
        var hanaId = await hana.PersonIdAsync();
        await admin.DepositForAsync(slug, hanaId, "20000");

        // Off at first: the mode shows as off, and no register form is offered to approve anyone.
        await admin.GotoAsync($"/c/{slug}");
        await admin.GetByTestId("llc-link").ClickAsync();
        await Expect(admin.GetByTestId("llc-mode")).ToHaveTextAsync("無効");
        await Expect(admin.GetByTestId("llc-approve-form")).ToHaveCountAsync(0);

        await admin.GetByTestId("llc-enabled").CheckAsync();
        await admin.GetByTestId("llc-save").ClickAsync();
        await admin.ArrivesAtAsync($"**/c/{slug}/llc?done=saved");
        await Expect(admin.GetByTestId("llc-notice")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("llc-mode")).ToHaveTextAsync("有効");
        await Expect(admin.Locator($"[data-testid=llc-member][data-person='{adminId}']")).ToHaveAttributeAsync("data-role", "executive");

        // Before approval the member's mint is refused with the reason; after it, it goes through.
        await hana.GotoAsync($"/c/{slug}");
        await hana.GetByTestId("mint").ClickAsync();
        await Expect(hana.GetByTestId("form-error")).ToContainTextAsync("業務執行社員");

        await admin.FillAsync("#llc-person", hanaId);
        await admin.SelectOptionAsync("#llc-role", "non_executive");
        await admin.GetByTestId("llc-approve").ClickAsync();
        await admin.ArrivesAtAsync($"**/c/{slug}/llc?done=approved");
        var row = admin.Locator($"[data-testid=llc-member][data-person='{hanaId}']");
        await Expect(row).ToHaveAttributeAsync("data-role", "non_executive");
        await Expect(row).ToContainTextAsync("非業務執行社員");

        Assert.Equal(1, await hana.MintAsync(slug));
        await admin.GotoAsync($"/c/{slug}/llc");
        await Expect(admin.Locator($"[data-testid=llc-member][data-person='{hanaId}']")).ToContainTextAsync("10,000");
    }
}
