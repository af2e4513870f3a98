using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>Matching in the browser: a lead sees who could complete the team and why, invites from the suggestion, and the invitee accepts.</summary>
public sealed class MatchingUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Project_ShowsSuggestionsWithReasons_InviteFromOne_TheInviteeAccepts()
    {
        await using var ui = await BrowserApp.StartAsync(browser, "sqlite");
        var lead = ui.Page;
        await lead.SignUpAsync("リーダー");
        var slug = await lead.FoundWithFreeMembershipAsync();

        var editor = await ui.NewPersonAsync(width: 360, height: 740);
        await editor.SignUpAsync("編集者");

        // A member first: values are ticked from the charter of a community one belongs to (issue #20).
        await editor.MintAsync(slug);
        await editor.GotoAsync("/account/profile");
        await editor.GetByTestId("Skills-input").First.FillAsync("映像編集");
        await editor.CheckAsync("[data-testid=value-choice][value='楽しむ']");
        await editor.ClickAsync("[data-testid=profile-form] button[type=submit]");
        await Expect(editor.GetByTestId("profile-saved")).ToBeVisibleAsync();

        var project = await lead.StartProjectAsync(slug, "祭りの映像", skill: "映像編集", value: "楽しむ");
        var suggestion = lead.GetByTestId("suggestion");
        await Expect(suggestion).ToHaveCountAsync(1);
        await Expect(suggestion.GetByTestId("suggestion-name")).ToHaveTextAsync("編集者");
        await Expect(suggestion.Locator("[data-kind=covers]")).ToHaveTextAsync("映像編集をカバー");
        await Expect(suggestion.Locator("[data-kind=sharesValues]")).ToHaveTextAsync("プロジェクトの価値観が1つ一致（楽しむ）");
        await Expect(suggestion.Locator("[data-kind=activeProjects]")).ToHaveTextAsync("進行中のプロジェクトなし");

        await suggestion.GetByTestId("invite-suggested").ClickAsync();
        await Expect(lead.GetByTestId("project-notice")).ToBeVisibleAsync();
        await Expect(lead.GetByTestId("pending")).ToContainTextAsync("編集者");
        await Expect(lead.GetByTestId("suggestion-invited")).ToBeVisibleAsync();

        await editor.GotoAsync($"/c/{slug}/projects/{project}");
        await editor.GetByTestId("accept-invitation").ClickAsync();
        await Expect(editor.GetByTestId("project-notice")).ToBeVisibleAsync();
        await Expect(editor.GetByTestId("team-member").Filter(new() { HasText = "編集者" })).ToContainTextAsync("映像編集");
        await Expect(editor.Locator("[data-testid=suggestion-note][data-kind=alreadyCovered]")).ToBeVisibleAsync();
        Assert.True(await editor.FitsAsync(), "the project page scrolls sideways at 360 px");
        await editor.ShotAsync("phone-project-suggestions");

        // The contribution page draws the map of who made something with whom.
        await lead.GotoAsync($"/c/{slug}/contribution");
        await Expect(lead.GetByTestId("contribution-map")).ToBeVisibleAsync();
        await Expect(lead.GetByTestId("map-pairs")).ToContainTextAsync("編集者");
    }
}
