using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Mikoshi.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>Issue 15 in the browser: change a password on the account page, reset a forgotten one from the mail, and tell two look-alike names apart.</summary>
public sealed partial class AccountUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [GeneratedRegex(@"(/reset-password\?[^\s]+)")]
    private static partial Regex ResetLink();

    [Fact]
    public async Task Password_ChangedOnTheAccountPage_ThenForgotten_AndResetFromTheMailedLink()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser);
        var page = ui.Page;
        var email = await page.SignUpThroughThePagesAsync("花子");

        await page.GotoAsync("/account");
        await page.FillAsync("#current-password", "not my password!");
        await page.FillAsync("#new-password", "a brand new passphrase");
        await page.ClickAsync("[data-testid=change-password] button[type=submit]");
        await Expect(page.GetByTestId("form-error")).ToHaveTextAsync("現在のパスワードが違います。");

        await page.FillAsync("#current-password", Person.Password);
        await page.FillAsync("#new-password", "a brand new passphrase");
        await page.ClickAsync("[data-testid=change-password] button[type=submit]");
        await Expect(page.GetByTestId("password-changed")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("花子");

        // Forgotten: the sign-in page's link, the mail in the outbox, its link, a new password, and signed in with it.
        await page.ClickAsync("header form[action='/signout'] button");
        await page.GotoAsync("/signin");
        await page.ClickAsync("[data-testid=forgot-password]");
        await page.FillAsync("#forgot-email", email);
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.GetByTestId("check-your-mail")).ToBeVisibleAsync();

        var mail = await SmtpSink.WaitForAsync(() => SmtpSink.Received(ui.App.Outbox).Where(m => m.Subject?.Contains("Reset", StringComparison.Ordinal) == true).ToList(), 1);
        await page.GotoAsync(ResetLink().Match(mail.TextBody ?? string.Empty).Groups[1].Value);
        await page.FillAsync("#reset-password", "the third passphrase");
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.GetByTestId("password-reset")).ToBeVisibleAsync();

        await page.GotoAsync("/signin");
        await page.FillAsync("#signin-email", email);
        await page.FillAsync("#signin-password", "the third passphrase");
        await page.ClickAsync("main form button[type=submit]");
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync("花子");
    }

    [Fact]
    public async Task TwoPeopleWithTheAdminsName_AreEachShownWithAMarkOfTheirId()
    {
        await using var ui = await BrowserApp.OnSharedAppAsync(browser);
        var admin = await ui.App.SignUpAsync(displayName: "Aiko");
        var copy = await ui.App.SignUpAsync(displayName: "ＡＩＫＯ");
        var other = await ui.App.SignUpAsync(displayName: "Ben");
        var slug = await admin.FoundCommunityAsync();
        foreach (var person in new[] { copy, other })
        {
            (await admin.Client.PutAsync($"/api/v1/communities/{slug}/roles/{person.Id}", JsonContent.Create(new { roles = new[] { "treasurer" } }))).EnsureSuccessStatusCode();
        }

        var page = ui.Page;
        await page.GotoAsync($"/c/{slug}/people/{admin.Id}");
        await Expect(page.GetByTestId("name-twin")).ToHaveTextAsync("#" + admin.Id[^6..]);
        await page.GotoAsync($"/c/{slug}/people/{copy.Id}");
        await Expect(page.GetByTestId("name-twin")).ToHaveTextAsync("#" + copy.Id[^6..]);
        await page.GotoAsync($"/c/{slug}/people/{other.Id}");
        await Expect(page.GetByTestId("name-twin")).ToHaveCountAsync(0);
    }
}
