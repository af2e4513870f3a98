using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Governance;
using Mikoshi.Features.Wallets;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>The governance steps a person takes in the UI, as the governance tests need them.</summary>
public static class GovernanceFlows
{
    /// <summary>
    /// A community where the admin set a flat ¥1,000 mint price, and each of <paramref name="holders"/> was
    /// given ¥5,000 and minted the number of tokens paired with them; the clock then moves a minute on.
    /// </summary>
    public static async Task<string> CommunityWithHoldersAsync(BrowserApp ui, IPage admin, params (IPage Page, int Tokens)[] holders)
    {
        var slug = await admin.FoundCommunityAsync();
        await admin.SetParametersAsync(slug, basePrice: "1000", slope: "0", royalty: "5", redemption: "100");
        foreach (var (page, tokens) in holders)
        {
            await admin.DepositForAsync(slug, await page.PersonIdAsync(), "5000");
            for (var i = 0; i < tokens; i++)
            {
                await page.MintAsync(slug);
            }
        }

        ui.App.Clock.Advance(TimeSpan.FromMinutes(1));
        return slug;
    }

    /// <summary>Fills the new-proposal form on the proposals page; the caller checks the outcome.</summary>
    public static async Task SubmitProposalAsync(
        this IPage page, string slug, string kind, string title, string body = "", string? parameter = null, string? value = null,
        string? strategy = null, string? votingHours = null, string? graceHours = null)
    {
        await page.GotoAsync($"/c/{slug}/proposals");
        await page.SelectOptionAsync("#np-kind", kind);
        await page.FillAsync("#np-title", title);
        await page.FillAsync("#np-body", body);
        if (parameter is not null)
        {
            await page.SelectOptionAsync("#np-parameter", parameter);
            await page.FillAsync("#np-value", value ?? string.Empty);
        }

        if (strategy is not null)
        {
            await page.SelectOptionAsync("#np-strategy", strategy);
        }

        await page.FillAsync("#np-hours", votingHours ?? string.Empty);
        await page.FillAsync("#np-grace", graceHours ?? string.Empty);
        await page.GetByTestId("propose").ClickAsync();
    }

    /// <summary>Opens a proposal through the form and returns its id, from the page it lands on.</summary>
    public static async Task<long> ProposeAsync(
        this IPage page, string slug, string kind, string title, string? parameter = null, string? value = null, string votingHours = "24", string graceHours = "24")
    {
        await page.SubmitProposalAsync(slug, kind, title, "理由 — why we should", parameter, value, votingHours: votingHours, graceHours: graceHours);
        await page.ArrivesAtAsync($"**/c/{slug}/proposals/*?done=created");
        await Expect(page.GetByTestId("gov-notice")).ToBeVisibleAsync();
        var path = new Uri(page.Url).AbsolutePath;
        return long.Parse(path[(path.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Votes (custodially) from the proposal page, with a reason; waits for the vote to be recorded.</summary>
    public static async Task VoteAsync(this IPage page, string slug, long proposal, string choice, string reason = "")
    {
        await page.GotoAsync($"/c/{slug}/proposals/{proposal}");
        await page.FillAsync("#vote-reason", reason);
        await page.GetByTestId($"vote-{choice}").ClickAsync();
        await page.ArrivesAtAsync($"**/c/{slug}/proposals/{proposal}?done=voted*");
        await Expect(page.GetByTestId("gov-notice")).ToBeVisibleAsync();
    }

    /// <summary>One pass of the governance executor, as the HTTP tests run it (the test host's background executor is off).</summary>
    public static Task<IReadOnlyList<Settlement>> ExecuteAsync(this BrowserApp ui) =>
        ui.App.Services.GetRequiredService<GovernanceExecutor>().StepAsync();

    /// <summary>
    /// Gives <paramref name="page"/> a wallet: a window.ethereum whose account is the person's own custodial key
    /// (exported on the server, as its owner could do) and whose eth_signTypedData_v4 signs the typed data it is
    /// handed with that key, in .NET; as a real wallet would, it signs whatever document the page passes.
    /// </summary>
    public static async Task GiveWalletAsync(this IPage page, BrowserApp ui, string personId)
    {
        CustodialKey key;
        await using (var scope = ui.App.Scope())
        {
            var exported = await scope.ServiceProvider.GetRequiredService<CustodialKeys>().ExportAsync(new PersonId(Guid.Parse(personId)));
            key = CustodialKey.FromSecret(Convert.FromHexString(exported.Value.Secret[2..])).Value;
        }

        await page.ExposeFunctionAsync("__walletSign", async (string json) => await SignTypedDataAsync(ui, key, json));
        await page.AddInitScriptAsync($$"""
            window.ethereum = {
              request: async ({ method, params }) => {
                if (method === "eth_requestAccounts") { return ["{{key.Address}}"]; }
                if (method === "eth_signTypedData_v4") { return await window.__walletSign(params[1]); }
                throw new Error("unsupported " + method);
              },
            };
            """);
    }

    private static async Task<string> SignTypedDataAsync(BrowserApp ui, CustodialKey key, string json)
    {
        using var typed = JsonDocument.Parse(json);
        var domain = typed.RootElement.GetProperty("domain");
        var message = typed.RootElement.GetProperty("message");
        var salt = domain.GetProperty("salt").GetString()!;

        // The salt names the community: find which one, so the digest is computed from our own domain type.
        await using var scope = ui.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var ids = await db.Communities.AsNoTracking().Select(c => c.Id).ToListAsync();
        var chainId = domain.GetProperty("chainId").GetInt64();
        var voteDomain = ids.Select(id => VoteDomain.For(id.Value, chainId)).Single(d => "0x" + Convert.ToHexStringLower(d.Salt) == salt);
        var vote = new VoteMessage(
            message.GetProperty("proposalId").GetInt64(), message.GetProperty("choice").GetString()!,
            EthAddress.Parse(message.GetProperty("voter").GetString()).Value, message.GetProperty("nonce").GetInt64(), message.GetProperty("reason").GetString()!);
        return key.Sign(VoteTypedData.Digest(voteDomain, vote));
    }
}
