using Microsoft.Playwright;
using Mikoshi.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>The membership steps a person takes in the UI, as the membership tests need them.</summary>
public static class MembershipFlows
{
    public static async Task SignInAsync(this IPage page, string email)
    {
        await page.GotoAsync("/signin");
        await page.FillAsync("#signin-email", email);
        await page.FillAsync("#signin-password", Person.Password);
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
    }

    /// <summary>The signed-in person's id, from their account page.</summary>
    public static async Task<string> PersonIdAsync(this IPage page)
    {
        await page.GotoAsync("/account");
        return (await page.GetByTestId("person-id").TextContentAsync())!.Trim();
    }

    /// <summary>An admin sets the membership parameters on the community home (amounts in major units, rates in percent).</summary>
    public static async Task SetParametersAsync(this IPage page, string slug, string basePrice, string slope = "0", string royalty = "5", string redemption = "100")
    {
        await page.GotoAsync($"/c/{slug}");
        await page.FillAsync("#p-base", basePrice);
        await page.FillAsync("#p-slope", slope);
        await page.FillAsync("#p-royalty", royalty);
        await page.FillAsync("#p-redemption", redemption);
        await page.ClickAsync("[data-testid=parameters-form] button[type=submit]");
        await Expect(page.GetByTestId("parameters-changed")).ToBeVisibleAsync();
    }

    /// <summary>A treasurer records money for one person through the deposit form.</summary>
    public static async Task DepositForAsync(this IPage page, string slug, string personId, string amount)
    {
        await page.GotoAsync($"/c/{slug}");
        await page.Locator("details.other-person summary").ClickAsync();
        await page.FillAsync("#deposit-other-person", personId);
        await page.SubmitDepositAsync(amount, $"bank {Guid.NewGuid():N}"[..20]);
        await Expect(page.GetByTestId("deposit-recorded")).ToBeVisibleAsync();
    }

    /// <summary>Mints from the community home at the price shown; returns the new token's serial.</summary>
    public static async Task<long> MintAsync(this IPage page, string slug)
    {
        await page.GotoAsync($"/c/{slug}");
        await page.GetByTestId("mint").ClickAsync();
        await page.ArrivesAtAsync($"**/c/{slug}/tokens/*?done=minted");
        var path = new Uri(page.Url).AbsolutePath;
        return long.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A full-page screenshot of this page when MIKOSHI_SCREENSHOTS names a folder; for looking, never for asserting.</summary>
    public static async Task ShotAsync(this IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("MIKOSHI_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public static async Task<bool> FitsAsync(this IPage page) =>
        await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth");
}
