using Mikoshi.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>Issue 15, finding 4, in the UI: the ledger page as an outsider, as a member, and after choosing to be shown.</summary>
public sealed class PrivacyUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task LedgerPage_ShowsOutsidersPseudonyms_MembersNames_AndAPersonWhoChoseIt_ByName(string provider)
    {
        await using var ui = await BrowserApp.StartAsync(browser, provider);
        var admin = await ui.App.SignUpAsync(displayName: "Admin");
        var aki = await ui.App.SignUpAsync(displayName: "Aki");
        var ben = await ui.App.SignUpAsync(displayName: "Ben");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "1200", personId: aki.Id);
        await admin.DepositAsync(slug, "3400", personId: ben.Id);

        // An outsider (not signed in): pseudonyms, no names, no audit download.
        var page = ui.Page;
        await page.GotoAsync($"/c/{slug}/ledger");
        var accounts = page.GetByTestId("posting-account");
        await Expect(accounts).ToHaveCountAsync(4);
        var shown = string.Join("\n", await accounts.AllInnerTextsAsync());
        Assert.Equal(2, shown.Split('\n').Count(a => a.StartsWith("匿名のメンバー ", StringComparison.Ordinal)));
        Assert.DoesNotContain("Aki", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Ben", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(Guid.Parse(aki.Id).ToString("N")[..8], await page.ContentAsync(), StringComparison.Ordinal);
        await Expect(page.GetByTestId("audit-link")).ToHaveCountAsync(0);

        // Aki chooses to be shown, on the account page.
        await page.SignInAsync(aki.Email);
        await page.GotoAsync("/account");
        await page.GetByTestId("shown-in-public").CheckAsync();
        await page.GetByTestId("save-privacy").ClickAsync();
        await Expect(page.GetByTestId("privacy-saved")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("shown-in-public")).ToBeCheckedAsync();

        var outsider = await ui.NewPersonAsync();
        await outsider.GotoAsync($"/c/{slug}/ledger");
        var now = string.Join("\n", await outsider.GetByTestId("posting-account").AllInnerTextsAsync());
        Assert.Contains("Aki", now, StringComparison.Ordinal);
        Assert.DoesNotContain("Ben", now, StringComparison.Ordinal);

        // A member of the community (its admin) sees everyone by name, and may download the audit log.
        var member = await ui.NewPersonAsync();
        await member.SignInAsync(admin.Email);
        await member.GotoAsync($"/c/{slug}/ledger");
        var inside = string.Join("\n", await member.GetByTestId("posting-account").AllInnerTextsAsync());
        Assert.Contains("Aki", inside, StringComparison.Ordinal);
        Assert.Contains("Ben", inside, StringComparison.Ordinal);
        await Expect(member.GetByTestId("audit-link")).ToHaveCountAsync(1);
    }
}
