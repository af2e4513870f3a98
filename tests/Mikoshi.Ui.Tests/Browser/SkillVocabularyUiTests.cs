using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>Skills across languages in the browser: filtering 作曲 finds a member who wrote "Music composition", and a project that needs 作曲 is offered them.</summary>
public sealed class SkillVocabularyUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Filtering作曲_FindsAMusicCompositionMember_InTheDirectoryAndInMatching()
    {
        await using var ui = await BrowserApp.StartAsync(browser, "sqlite");
        var lead = ui.Page;
        await lead.SignUpAsync("リーダー");
        var slug = await lead.FoundWithFreeMembershipAsync();

        var composer = await ui.NewPersonAsync();
        await composer.SignUpAsync("Ben");

        // A member first: values are ticked from the charter of a community one belongs to (issue #20).
        await composer.MintAsync(slug);
        await composer.GotoAsync("/account/profile");
        await composer.GetByTestId("Skills-input").First.FillAsync("Music composition");
        await composer.CheckAsync("[data-testid=value-choice][value='楽しむ']");
        await composer.ClickAsync("[data-testid=profile-form] button[type=submit]");
        await Expect(composer.GetByTestId("profile-saved")).ToBeVisibleAsync();

        await lead.GotoAsync($"/c/{slug}/members");
        await lead.FillAsync("#f-skill", "作曲");
        await lead.ClickAsync("[data-testid=member-filters] button[type=submit]");
        await lead.ArrivesAtAsync("**skill=*");
        await Expect(lead.GetByTestId("member")).ToHaveCountAsync(1);
        await Expect(lead.GetByTestId("member")).ToContainTextAsync("Ben");

        await lead.StartProjectAsync(slug, "テーマ曲", skill: "作曲", value: "楽しむ");
        var suggestion = lead.GetByTestId("suggestion");
        await Expect(suggestion).ToHaveCountAsync(1);
        await Expect(suggestion.GetByTestId("suggestion-name")).ToHaveTextAsync("Ben");
        await Expect(suggestion.Locator("[data-kind=covers]")).ToHaveTextAsync("作曲をカバー");
    }
}
