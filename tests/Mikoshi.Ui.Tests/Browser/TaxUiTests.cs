using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>The tax page in the browser (issue #21): a person's tax profile with a checked invoice number, the community's settings, both numbers on the statement and the 支払通知, in both languages.</summary>
public sealed class TaxUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TaxPage_RefusesAMistypedInvoiceNumber_SavesTheRightOne_AndTheNoticeShowsBothNumbers()
    {
        await using var ui = await BrowserApp.StartAsync(browser);
        var page = ui.Page;
        await page.SignUpAsync("会計係");
        var slug = await page.FoundCommunityAsync();
        await page.GotoAsync($"/c/{slug}");
        await page.GetByTestId("tax-link").ClickAsync();

        // One digit mistyped: refused in Japanese, the typed value kept, nothing saved.
        await page.Locator("#tax-legal-name").FillAsync("山田 花子");
        await page.Locator("#tax-invoice").FillAsync("T7123456789013");
        await page.GetByTestId("save-tax-profile").ClickAsync();
        await Expect(page.GetByTestId("form-error")).ToContainTextAsync("検査用数字");
        await Expect(page.Locator("#tax-invoice")).ToHaveValueAsync("T7123456789013");
        await Expect(page.Locator("#tax-invoice")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.Locator("#tax-invoice").FillAsync("T7123456789012");
        await page.GetByTestId("save-tax-profile").ClickAsync();
        await Expect(page.GetByTestId("tax-notice")).ToBeVisibleAsync();
        await Expect(page.Locator("#tax-invoice")).ToHaveValueAsync("T7123456789012");

        await page.Locator("#community-invoice").FillAsync("T4011001098993");
        await page.GetByTestId("save-tax-settings").ClickAsync();
        await Expect(page.GetByTestId("community-invoice")).ToHaveTextAsync("T4011001098993");

        // The earnings statement carries both numbers too.
        await page.GotoAsync($"/c/{slug}/earnings");
        await Expect(page.GetByTestId("statement-invoice-numbers")).ToContainTextAsync("T4011001098993");
        await Expect(page.GetByTestId("statement-invoice-numbers")).ToContainTextAsync("T7123456789012");

        await page.GotoAsync($"/c/{slug}/tax");
        await page.GetByTestId("notice-link").ClickAsync();
        await Expect(page.GetByTestId("notice-payer-invoice")).ToHaveTextAsync("T4011001098993");
        await Expect(page.GetByTestId("notice-payee-invoice")).ToHaveTextAsync("T7123456789012");
        await Expect(page.Locator("h1")).ToContainTextAsync("支払通知");

        await page.GotoAsync("/culture/en?returnUrl=" + Uri.EscapeDataString($"/c/{slug}/tax/notice?year=2026"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("Payment notice for 2026"));
        await Expect(page.GetByTestId("notice-gross")).ToHaveTextAsync("¥0");
    }
}
