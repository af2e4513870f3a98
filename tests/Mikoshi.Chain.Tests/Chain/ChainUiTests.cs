using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Indexing;
using Mikoshi.Tests.Browser;
using Mikoshi.Tests.Http.Wallets;
using Mikoshi.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Chain;

/// <summary>
/// Chain mode in the browser: the community page names the contracts, and a holder claims their published
/// entitlement on chain from the earnings page with the wallet in their browser, against a real anvil node.
/// </summary>
public sealed class ChainUiTests(BrowserFixture browser, AnvilFixture fixture) : IClassFixture<BrowserFixture>, IClassFixture<AnvilFixture>
{
    /// <summary>anvil's fourth development account (unlocked on the node, so it can eth_sendTransaction): the holder's wallet.</summary>
    private const string HolderKey = "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6";

    private readonly Anvil anvil = fixture.Node;

    /// <summary>Chain mode on the class's node; the background indexer stays idle and each test runs its passes itself.</summary>
    private Dictionary<string, string?> ChainSettings => new()
    {
        ["Mikoshi:Chain:RpcUrl"] = anvil.RpcUrl,
        ["Mikoshi:Chain:OperatorKey"] = Anvil.OperatorKey,
        ["Mikoshi:Chain:Confirmations"] = "0",
        ["Mikoshi:Chain:ReceiptTimeoutSeconds"] = "30",
        ["Mikoshi:Chain:PollSeconds"] = "3600",
    };

    [Fact]
    public async Task Holder_ClaimsOnChainFromTheEarningsPage_AndTheMirroredClaimLeavesNothingToClaim()
    {
        await using var ui = await BrowserApp.StartAsync(browser, settings: ChainSettings);

        // The holder links a wallet that is an anvil development account, founds the community, holds token #1,
        // puts the community on chain and is owed 0.25 ETH.
        var holder = await ui.App.SignUpAsync(displayName: "持ち主");
        var wallet = CustodialKey.FromSecret(Convert.FromHexString(HolderKey[2..])).Value;
        Assert.True((await SiweSigning.LinkAsync(holder, wallet)).IsSuccessStatusCode);
        var slug = await holder.FoundCommunityAsync();
        await holder.DepositAsync(slug, "50000", personId: holder.Id);
        Assert.Equal(HttpStatusCode.Created, (await holder.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await holder.Client.PostJsonAsync($"/api/v1/communities/{slug}/chain/deployment", new { })).StatusCode);
        var community = await CommunityIdAsync(ui.App, slug);
        await StepAsync(ui.App, community);
        await holder.DepositAsync(slug, "250000000000000000", asset: "ETH", personId: holder.Id);
        var offChain = await holder.FoundCommunityAsync();

        // On a phone, with the wallet in the browser forwarding to the node.
        var page = await ui.NewPersonAsync(width: 375, height: 740);
        await GiveAnvilWalletAsync(page, wallet);
        await page.SignInAsync(holder.Email);

        // The community page names the chain and the contracts; an off-chain community shows nothing of the kind.
        var status = await (await holder.Client.GetAsync($"/api/v1/communities/{slug}/chain")).JsonAsync();
        await page.GotoAsync($"/c/{slug}");
        await Expect(page.GetByTestId("chain-id")).ToHaveTextAsync("31337");
        await Expect(page.GetByTestId("chain-membership")).ToHaveTextAsync(status.GetProperty("membership").GetString()!);
        await Expect(page.GetByTestId("chain-claims")).ToHaveTextAsync(status.GetProperty("claims").GetString()!);
        await Expect(page.GetByTestId("chain-indexed")).ToHaveTextAsync(status.GetProperty("indexedBlock").GetInt64().ToString(CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("chain-lag")).ToHaveTextAsync("0 ブロック遅れ");
        Assert.True(await page.FitsAsync(), "the community page scrolls sideways at 375 px");
        await page.GotoAsync($"/c/{offChain}");
        await Expect(page.GetByTestId("signed-in-as")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("chain")).ToHaveCountAsync(0);

        // The admin publishes the epoch from the earnings page; the indexer puts its root and funding on chain.
        await page.GotoAsync($"/c/{slug}/earnings");
        await Expect(page.GetByTestId("chain-address")).ToHaveTextAsync(wallet.Address.ToString());
        await Expect(page.GetByTestId("chain-nothing")).ToBeVisibleAsync();
        await page.GetByTestId("chain-publish").ClickAsync();
        await page.ArrivesAtAsync("**/earnings?done=published*");
        await StepAsync(ui.App, community);
        await page.GotoAsync($"/c/{slug}/earnings");
        await Expect(page.GetByTestId("chain-claimable")).ToHaveTextAsync("0.25 ETH");
        Assert.True(await page.FitsAsync(), "the earnings page scrolls sideways at 375 px");

        // A wallet on another network that will not switch is told so, and nothing is sent.
        using var chain = anvil.Client();
        var nonceBefore = await chain.RequestAsync<string>("eth_getTransactionCount", wallet.Address.ToString(), "latest");
        await page.EvaluateAsync("() => { window.__otherChain = true; }");
        await page.GetByTestId("chain-claim-send").ClickAsync();
        await Expect(page.GetByTestId("chain-claim-status")).ToContainTextAsync("31337");
        await Expect(page.GetByTestId("chain-claim-sent")).ToBeHiddenAsync();
        Assert.Equal(nonceBefore, await chain.RequestAsync<string>("eth_getTransactionCount", wallet.Address.ToString(), "latest"));
        await page.EvaluateAsync("() => { window.__otherChain = false; }");

        // Claiming sends a real transaction from the wallet; the page shows its hash.
        var before = await chain.BalanceAsync(wallet.Address);
        await page.GetByTestId("chain-claim-send").ClickAsync();
        await Expect(page.GetByTestId("chain-claim-sent")).ToBeVisibleAsync();
        var hash = await page.GetByTestId("chain-claim-hash").TextContentAsync();
        Assert.Matches("^0x[0-9a-f]{64}$", hash);
        var receipt = await chain.RequestAsync<Newtonsoft.Json.Linq.JObject>("eth_getTransactionReceipt", hash!);
        Assert.Equal("0x1", (string?)receipt["status"]);
        Assert.True(await chain.BalanceAsync(wallet.Address) > before, "the claim paid less than its gas");

        // Once the indexer has mirrored the claim, nothing is left to claim.
        await StepAsync(ui.App, community);
        await page.GotoAsync($"/c/{slug}/earnings");
        await Expect(page.GetByTestId("chain-claimable")).ToHaveTextAsync("0 ETH");
        await Expect(page.GetByTestId("chain-claimed")).ToHaveTextAsync("0.25 ETH");
        await Expect(page.GetByTestId("chain-nothing")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("chain-claim-send")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Holder_RedeemsFromTheTokenPage_AndSeesItPendingUntilTheBurnIsMined()
    {
        await using var ui = await BrowserApp.StartAsync(browser, settings: ChainSettings);
        var holder = await ui.App.SignUpAsync(displayName: "持ち主");
        var slug = await holder.FoundCommunityAsync();
        await holder.DepositAsync(slug, "50000", personId: holder.Id);
        Assert.Equal(HttpStatusCode.Created, (await holder.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await holder.Client.PostJsonAsync($"/api/v1/communities/{slug}/chain/deployment", new { })).StatusCode);
        var community = await CommunityIdAsync(ui.App, slug);
        await StepAsync(ui.App, community);

        var page = await ui.NewPersonAsync(width: 375, height: 740);
        await page.SignInAsync(holder.Email);
        await page.GotoAsync($"/c/{slug}/tokens/1?redeem=preview");
        await Expect(page.GetByTestId("redeem-confirm")).ToHaveTextAsync("償還を申し込む");
        await page.GetByTestId("redeem-confirm").ClickAsync();
        await page.ArrivesAtAsync("**/tokens/1?done=redeemPending*");

        // Nothing is paid yet: the page says so and offers no second redemption.
        await Expect(page.GetByTestId("token-notice")).ToContainTextAsync("償還を申し込みました");
        await Expect(page.GetByTestId("redeem-pending")).ToContainTextAsync("確定を待っています");
        await Expect(page.GetByTestId("redeem-preview-link")).ToHaveCountAsync(0);
        Assert.True(await page.FitsAsync(), "the token page scrolls sideways at 375 px");

        // Once the burn is mined and mirrored, the token is gone and the pending note with it.
        await StepAsync(ui.App, community);
        await page.GotoAsync($"/c/{slug}/tokens/1");
        await Expect(page.GetByTestId("burned")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("redeem-pending")).ToHaveCountAsync(0);
    }

    /// <summary>
    /// A window.ethereum for <paramref name="wallet"/>: it answers eth_requestAccounts with the wallet's address and
    /// forwards every other request to the anvil node over JSON-RPC, where the development accounts are unlocked.
    /// With <c>window.__otherChain</c> set it says it is on mainnet and refuses to switch.
    /// </summary>
    private async Task GiveAnvilWalletAsync(IPage page, CustodialKey wallet)
    {
        await page.ExposeFunctionAsync("__anvil", async (string method, string parameters) =>
        {
            using var http = new HttpClient();
            var body = $$"""{"jsonrpc":"2.0","id":1,"method":{{JsonSerializer.Serialize(method)}},"params":{{parameters}}}""";
            var answer = await http.PostAsync(anvil.RpcUrl, new StringContent(body, Encoding.UTF8, "application/json"));
            return await answer.Content.ReadAsStringAsync();
        });
        await page.AddInitScriptAsync($$"""
            window.ethereum = {
              request: async ({ method, params }) => {
                if (method === "eth_requestAccounts" || method === "eth_accounts") { return ["{{wallet.Address.ToString().ToLowerInvariant()}}"]; }
                if (window.__otherChain && method === "eth_chainId") { return "0x1"; }
                if (window.__otherChain && method === "wallet_switchEthereumChain") { throw new Error("the user refused to switch"); }
                const answer = JSON.parse(await window.__anvil(method, JSON.stringify(params || [])));
                if (answer.error) { throw new Error(answer.error.message); }
                return answer.result;
              },
            };
            """);
    }

    private static async Task StepAsync(TestApp app, CommunityId community)
    {
        var pass = await app.Services.GetRequiredService<ChainIndexer>().StepAsync(community);
        Assert.True(pass.IsSuccess, pass.Error?.Code + ": " + pass.Error?.ToString());
    }

    private static async Task<CommunityId> CommunityIdAsync(TestApp app, string slug)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Communities.AsNoTracking().SingleAsync(c => c.Slug == slug)).Id;
    }
}
