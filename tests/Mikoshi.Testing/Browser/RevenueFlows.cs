using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>The revenue steps a person takes in the UI, as the revenue tests need them.</summary>
public static class RevenueFlows
{
    /// <summary>A lead fills the split form with weights by team member name (blank leaves a member out) and sends it; the caller checks the outcome.</summary>
    public static async Task SubmitSplitAsync(this IPage page, string slug, long project, params (string Name, string Weight)[] weights)
    {
        await page.GotoAsync($"/c/{slug}/projects/{project}/split");
        var form = page.GetByTestId("split-form");
        foreach (var (name, weight) in weights)
        {
            await form.GetByLabel(name, new() { Exact = true }).FillAsync(weight);
        }

        await page.GetByTestId("propose-split").ClickAsync();
    }

    /// <summary>A named party accepts the version waiting for them on the project's split section.</summary>
    public static async Task AcceptSplitAsync(this IPage page, string slug, long project)
    {
        await page.GotoAsync($"/c/{slug}/projects/{project}/split");
        await page.GetByTestId("accept-split").ClickAsync();
        await Expect(page.GetByTestId("project-notice")).ToBeVisibleAsync();
    }

    /// <summary>Fills the revenue form (amount in major units) on the project's money section the treasurer is on; the caller sends it.</summary>
    public static async Task FillRevenueAsync(this IPage page, string amount, string source, string? occurredOn = null)
    {
        await page.FillAsync("#revenue-amount", amount);
        await page.FillAsync("#revenue-source", source);
        if (occurredOn is not null)
        {
            await page.FillAsync("#revenue-date", occurredOn);
        }
    }

    /// <summary>Fills and sends the bank-account form on the earnings page; the caller checks the outcome.</summary>
    public static async Task SubmitBankAccountAsync(this IPage page, string slug, string holder, string bankCode = "0001")
    {
        await page.GotoAsync($"/c/{slug}/earnings");
        await page.FillAsync("#bank-bank-code", bankCode);
        await page.FillAsync("#bank-bank-name", "ミズホ");
        await page.FillAsync("#bank-branch-code", "001");
        await page.FillAsync("#bank-branch-name", "トウキョウ");
        await page.SelectOptionAsync("#bank-account-type", "1");
        await page.FillAsync("#bank-account-number", "1234567");
        await page.FillAsync("#bank-holder", holder);
        await page.GetByTestId("save-bank-account").ClickAsync();
    }

    public static async Task SetBankAccountAsync(this IPage page, string slug, string holder)
    {
        await page.SubmitBankAccountAsync(slug, holder);
        await Expect(page.GetByTestId("earnings-notice")).ToBeVisibleAsync();
    }

    /// <summary>Presses Claim for one asset on the earnings page; the caller checks the outcome.</summary>
    public static async Task ClaimAsync(this IPage page, string slug, string asset = "JPY")
    {
        await page.GotoAsync($"/c/{slug}/earnings");
        await page.Locator($"[data-testid=earning][data-asset={asset}]").GetByTestId("claim").ClickAsync();
    }

    /// <summary>Fills and sends the paying-account form on the payouts page; the caller checks the outcome.</summary>
    public static async Task SubmitSenderAsync(this IPage page, string slug, string senderCode = "1234567890")
    {
        await page.GotoAsync($"/c/{slug}/payouts");
        await page.FillAsync("#sender-code", senderCode);
        await page.FillAsync("#sender-name", "ミコシ ゴウドウガイシヤ");
        await page.FillAsync("#sender-bank-code", "0005");
        await page.FillAsync("#sender-bank-name", "ミツビシユーエフジエイ");
        await page.FillAsync("#sender-branch-code", "123");
        await page.FillAsync("#sender-branch-name", "シブヤ");
        await page.SelectOptionAsync("#sender-account-type", "1");
        await page.FillAsync("#sender-account-number", "7654321");
        await page.GetByTestId("save-sender").ClickAsync();
    }

    /// <summary>Creates a batch of one asset's pending claims on the payouts page; the caller checks the outcome.</summary>
    public static async Task SubmitBatchAsync(this IPage page, string slug, string asset = "JPY", string? transferDate = null)
    {
        await page.GotoAsync($"/c/{slug}/payouts");
        await page.SelectOptionAsync("#batch-asset", asset);
        if (transferDate is not null)
        {
            await page.FillAsync("#batch-date", transferDate);
        }

        await page.GetByTestId("create-batch").ClickAsync();
    }
}
