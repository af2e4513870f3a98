using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>The project steps a person takes in the UI, as the project tests need them.</summary>
public static class ProjectFlows
{
    /// <summary>A member who holds a token: signs up, founds a community with free membership and mints. Returns the slug.</summary>
    public static async Task<string> FoundWithFreeMembershipAsync(this IPage page, string name = "みんなの神輿")
    {
        var slug = await page.FoundCommunityAsync(name);
        await page.SetParametersAsync(slug, basePrice: "0");
        await page.MintAsync(slug);
        return slug;
    }

    /// <summary>Fills and sends the new-project form from the board; the caller checks the outcome.</summary>
    public static async Task SubmitProjectAsync(this IPage page, string slug, string title, string description = "", string? skill = null, string? value = null)
    {
        await page.GotoAsync($"/c/{slug}/projects");
        await page.FillAsync("#project-title", title);
        await page.FillAsync("#project-description", description);
        if (skill is not null)
        {
            await page.GetByTestId("NeededSkills-input").First.FillAsync(skill);
        }

        if (value is not null)
        {
            await page.GetByTestId("Values-input").First.FillAsync(value);
        }

        await page.GetByTestId("create-project").ClickAsync();
    }

    /// <summary>Starts a project and lands on its page; returns its number.</summary>
    public static async Task<long> StartProjectAsync(this IPage page, string slug, string title, string description = "", string? skill = null, string? value = null)
    {
        await page.SubmitProjectAsync(slug, title, description, skill, value);
        await page.ArrivesAtAsync($"**/c/{slug}/projects/*?done=created*");
        await Expect(page.GetByTestId("project-notice")).ToBeVisibleAsync();
        var path = new Uri(page.Url).AbsolutePath;
        return long.Parse(path[(path.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>A lead invites someone by the id on their account page.</summary>
    public static async Task InviteByIdAsync(this IPage page, string slug, long project, string personId, string role)
    {
        await page.GotoAsync($"/c/{slug}/projects/{project}");
        await page.Locator("[data-testid=invite-form] details.other-person summary").ClickAsync();
        await page.FillAsync("#invite-other", personId);
        await page.FillAsync("#invite-role", role);
        await page.GetByTestId("invite").ClickAsync();
        await Expect(page.GetByTestId("project-notice")).ToBeVisibleAsync();
    }

    /// <summary>Opens a section of the project page the person is on through its link in the section navigation, as a reader would.</summary>
    public static async Task OpenSectionAsync(this IPage page, string section)
    {
        await page.GetByTestId($"project-tab-{section}").ClickAsync();
        await Expect(page.GetByTestId($"project-tab-{section}")).ToHaveAttributeAsync("aria-current", "page");
    }

    /// <summary>Fills and sends the contribution form on the contributions section the person is on.</summary>
    public static async Task SubmitContributionAsync(this IPage page, string summary, string evidence = "")
    {
        await page.FillAsync("#contribution-summary", summary);
        await page.FillAsync("#contribution-evidence", evidence);
        await page.GetByTestId("record-contribution").ClickAsync();
    }
}
