using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>Progress on a form action (issue #20 part 9): while the server has not answered, the button that sent the form is busy and disabled.</summary>
public sealed class BusyButtonUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AButton_IsBusyAndDisabledWhileItsActionRuns_AndFreeAgainAfter()
    {
        await using var ui = await BrowserApp.StartAsync(browser, "sqlite");
        var page = ui.Page;
        await page.SignUpAsync("急がない人");
        await page.GotoAsync("/account");

        // The answer is held back until the test has looked at the button: no timing involved.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/account*", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await release.Task;
            }

            await route.ContinueAsync();
        });

        // The privacy form is sent by Blazor's enhanced navigation (a fetch), so the page stays to be looked at.
        var save = page.GetByTestId("save-privacy");
        await page.GetByTestId("shown-in-public").CheckAsync();
        await save.ClickAsync();
        await Expect(save).ToHaveAttributeAsync("aria-busy", "true");
        await Expect(save).ToBeDisabledAsync();

        release.SetResult();
        await Expect(page.GetByTestId("privacy-saved")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("save-privacy")).ToBeEnabledAsync();
        await Expect(page.GetByTestId("save-privacy")).Not.ToHaveAttributeAsync("aria-busy", "true");
    }
}
