using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mikoshi.Tests.Http.Governance;
using Mikoshi.Tests.Http.Revenue;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>
/// The attacks of issue #14, written as a hostile member plays them through the API: mint → redeem loops, and a
/// yes-voter leaving through a second account. Each must fail on both stores, and the books stay verifiable.
/// </summary>
public sealed class EconomicsTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task MintThenRedeem_InALoop_NeverTakesMoreThanWasPaid_InAnyAsset(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.SignUpAsync(displayName: "Admin");
        var honest = await app.SignUpAsync(displayName: "Honest");
        var attacker = await app.SignUpAsync(displayName: "Attacker");
        var slug = await admin.FoundCommunityAsync(assets: ["ETH", "USDC"]);
        var api = $"/api/v1/communities/{slug}";
        await admin.DepositAsync(slug, "30000", personId: honest.Id);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await honest.Client.PostJsonAsync($"{api}/tokens", new { })).StatusCode);
        }

        // The treasury grows in three assets (the demo's shape), then the price is set far below what a token holds.
        await admin.DepositAsync(slug, "300000");
        await admin.DepositAsync(slug, "54000000000000000", "ETH");
        await admin.DepositAsync(slug, "54000000", "USDC");
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"{api}/parameters", new { mintBasePrice = "1" })).StatusCode);
        await admin.DepositAsync(slug, "2000000", personId: attacker.Id);
        var before = await HoldingsAsync(attacker, api);
        var honestValue = await ValueAsync(honest, api, 1);

        // The membership view says why the price is what it is.
        var membership = await (await attacker.Client.GetAsync($"{api}/membership")).JsonAsync();
        Assert.Equal("1", membership.GetProperty("policyPrice").GetProperty("amount").GetString());
        Assert.Equal("110000", membership.GetProperty("floor").GetProperty("amount").GetString());
        Assert.Equal("110000", membership.GetProperty("nextPrice").GetProperty("amount").GetString());

        // Asking for the set price is refused for what it is, and changes nothing.
        var snapshot = await StoreSnapshot.TakeAsync(app);
        var cheap = await attacker.Client.PostJsonAsync($"{api}/tokens", new { maxPrice = "1" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cheap.StatusCode);
        Assert.Equal("price_below_value", await cheap.ProblemCodeAsync());
        Assert.Equal(snapshot, await StoreSnapshot.TakeAsync(app));

        for (var loop = 0; loop < 10; loop++)
        {
            var minted = await attacker.Client.PostJsonAsync($"{api}/tokens", new { });
            Assert.Equal(HttpStatusCode.Created, minted.StatusCode);
            var token = (await minted.JsonAsync()).GetProperty("token").GetInt64();
            var redeemed = await attacker.Client.PostJsonAsync($"{api}/tokens/{token}/redeem", new { });
            Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
            foreach (var paid in (await redeemed.JsonAsync()).GetProperty("reclaim").EnumerateArray())
            {
                Assert.Equal("JPY", paid.GetProperty("asset").GetString());
            }
        }

        var after = await HoldingsAsync(attacker, api);
        Assert.True(after["JPY"] <= before["JPY"], $"the attacker went from ¥{before["JPY"]} to ¥{after["JPY"]}");
        Assert.Equal(0, after.GetValueOrDefault("ETH"));
        Assert.Equal(0, after.GetValueOrDefault("USDC"));
        var honestAfter = await ValueAsync(honest, api, 1);
        foreach (var (asset, value) in honestValue)
        {
            Assert.True(honestAfter[asset] >= value, $"the honest member's token lost {asset}: {value} → {honestAfter[asset]}");
        }

        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TokenThatBackedAYesVote_CannotBeGiftedListedRedeemedOrHandedOver_UntilTheProposalIsProcessed(string provider)
    {
        var app = apps.For(provider);
        var s = await GovernanceSetup.CreateAsync(app);

        // Cai lets Aki vote for her before the proposal opens; Dan is Aki's second account.
        Assert.Equal(HttpStatusCode.OK, (await s.Cai.Client.PutAsJsonAsync($"{s.Community}/delegation", new { @delegate = s.Aki.Id })).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var id = await s.OpenAsync(s.Aki, "fund", new { projectId = s.Project, asset = "JPY", amount = "30000", recoupRateBps = 2000 });
        await s.VoteOkAsync(s.Aki, id, "for");
        await s.VoteOkAsync(s.Ben, id, "against");
        var caiToken = 4L;
        Assert.Equal(id, (await (await s.Aki.Client.GetAsync($"{s.Community}/tokens/1")).JsonAsync()).GetProperty("lockedByProposal").GetInt64());
        Assert.Equal(id, (await (await s.Aki.Client.GetAsync($"{s.Community}/tokens/{caiToken}")).JsonAsync()).GetProperty("lockedByProposal").GetInt64());
        Assert.Equal(JsonValueKind.Null, (await (await s.Aki.Client.GetAsync($"{s.Community}/tokens/3")).JsonAsync()).GetProperty("lockedByProposal").ValueKind);
        var page = await (await s.Aki.Client.GetAsync($"{s.Community}/people/{s.Aki.Id}")).JsonAsync();
        Assert.All(page.GetProperty("tokens").EnumerateArray(), t => Assert.Equal(id, t.GetProperty("lockedByProposal").GetInt64()));

        Assert.Equal(HttpStatusCode.OK, (await s.Aki.Client.PutAsJsonAsync($"{s.Community}/succession", new
        {
            successors = new[] { new { personId = s.Dan.Id, share = 1 } },
            byShares = false,
            guardians = Array.Empty<string>(),
            threshold = 0,
        })).StatusCode);
        var before = await StoreSnapshot.TakeAsync(app);
        foreach (var (who, attempt) in new (Person, Func<Task<HttpResponseMessage>>)[]
        {
            (s.Aki, () => s.Aki.Client.PostJsonAsync($"{s.Community}/tokens/1/transfer", new { to = s.Dan.Id })),
            (s.Aki, () => s.Aki.Client.PostJsonAsync($"{s.Community}/tokens/2/listings", new { price = "1" })),
            (s.Aki, () => s.Aki.Client.PostJsonAsync($"{s.Community}/tokens/1/redeem", new { })),
            (s.Aki, () => s.Aki.Client.PostJsonAsync($"{s.Community}/succession/execute", new { })),
            (s.Cai, () => s.Cai.Client.PostJsonAsync($"{s.Community}/tokens/{caiToken}/transfer", new { to = s.Dan.Id })),
            (s.Cai, () => s.Cai.Client.PostJsonAsync($"{s.Community}/tokens/{caiToken}/redeem", new { })),
        })
        {
            var response = await attempt();
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{who.Email}: {(int)response.StatusCode} {problem}");
            Assert.Equal("token_locked_by_vote", problem.GetProperty("code").GetString());
            Assert.Contains($"proposal {id}", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));

        // Ben voted against: his token is free to leave during grace.
        Assert.Equal(HttpStatusCode.OK, (await s.Ben.Client.PostJsonAsync($"{s.Community}/tokens/3/transfer", new { to = s.Dan.Id })).StatusCode);

        // Processed: the locks are gone.
        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal("executed", Assert.Single(await s.ExecuteAsync()).Outcome);
        Assert.Equal(HttpStatusCode.OK, (await s.Aki.Client.PostJsonAsync($"{s.Community}/tokens/1/transfer", new { to = s.Dan.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Cai.Client.PostJsonAsync($"{s.Community}/tokens/{caiToken}/redeem", new { })).StatusCode);
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task HolderShare_GoesToWhoHeldTheToken_BackdatingPastAMoveIsRefused_AndAHandOverReportsWhatItSettled(string provider)
    {
        var app = apps.For(provider);
        var r = await RevenueSetup.CreateAsync(app);
        var arrived = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromHours(1));
        await r.RecordOkAsync("100000");

        // Aki hands her token to Ben on her own instruction: the share it accrued while she held it stays hers.
        Assert.Equal(HttpStatusCode.OK, (await r.Aki.Client.PutAsJsonAsync($"{r.Community}/succession", new
        {
            successors = new[] { new { personId = r.Ben.Id, share = 1 } },
            byShares = false,
            guardians = Array.Empty<string>(),
            threshold = 0,
        })).StatusCode);
        var accrued = (await (await r.Aki.Client.GetAsync($"{r.Community}/tokens/1")).JsonAsync()).GetProperty("accrued").EnumerateArray().Single();
        var owed = RevenueSetup.Units(accrued.GetProperty("owed"));
        Assert.True(owed > 0);
        var akiBefore = RevenueSetup.Units((await r.EarningsAsync(r.Aki)).GetProperty("balance"));
        var handOver = await (await r.Aki.Client.PostJsonAsync($"{r.Community}/succession/execute", new { })).JsonAsync();
        var settled = handOver.GetProperty("moves").EnumerateArray().Single().GetProperty("settled");
        Assert.Equal(Guid.Parse(r.Aki.Id), Guid.Parse(settled.GetProperty("to").GetString()!));
        Assert.Equal(owed, RevenueSetup.Units(settled.GetProperty("paid").EnumerateArray().Single()));
        Assert.Equal(akiBefore + owed, RevenueSetup.Units((await r.EarningsAsync(r.Aki)).GetProperty("balance")));

        // Revenue dated before that move would pay Ben for an hour when Aki held the token: refused, nothing written.
        var snapshot = await StoreSnapshot.TakeAsync(app);
        var backdated = await r.RecordAsync("5000", occurredAt: arrived);
        Assert.Equal("revenue_before_holdings_change", await backdated.ProblemCodeAsync());
        Assert.InRange((int)backdated.StatusCode, 400, 499);
        Assert.Equal(snapshot, await StoreSnapshot.TakeAsync(app));
        Assert.Equal(HttpStatusCode.Created, (await r.RecordAsync("5000")).StatusCode);
        await DepositTests.AssertVerifiedAsync(app);
    }

    /// <summary>The worked example of docs/economics.md, step by step through the API: the page says what the product does.</summary>
    [Fact]
    public async Task TheWorkedExampleOfTheEconomicsPage_HoldsToTheYen()
    {
        var app = apps.For("sqlite");
        var admin = await app.SignUpAsync(displayName: "Admin");
        var (aki, ben, cai, dan, eri) = (await app.SignUpAsync(), await app.SignUpAsync(), await app.SignUpAsync(), await app.SignUpAsync(), await app.SignUpAsync());
        var slug = await admin.FoundCommunityAsync();
        var api = $"/api/v1/communities/{slug}";
        async Task<long> MintAsync(Person person)
        {
            await admin.DepositAsync(slug, "100000", personId: person.Id);
            var minted = await person.Client.PostJsonAsync($"{api}/tokens", new { });
            Assert.Equal(HttpStatusCode.Created, minted.StatusCode);
            return RevenueSetup.Units((await minted.JsonAsync()).GetProperty("price"));
        }

        // 1. Three tokens at ¥10,000; 2. ¥90,000 comes in for everyone: each token holds ¥40,000.
        foreach (var person in new[] { aki, ben, cai })
        {
            Assert.Equal(10_000, await MintAsync(person));
        }

        await admin.DepositAsync(slug, "90000");
        Assert.Equal(40_000, (await ValueAsync(aki, api, 1))["JPY"]);

        // 3. The floor: Dan pays ¥40,000, not the set ¥10,000, and his token is worth what he paid.
        Assert.Equal(40_000, await MintAsync(dan));
        Assert.Equal(40_000, (await ValueAsync(dan, api, 4))["JPY"]);

        // 4. The first ETH is issued to the four tokens alike; 5. Eri's token, minted after, holds none of it.
        await admin.DepositAsync(slug, "40000000000000000", "ETH");
        Assert.Equal(10_000_000_000_000_000, (await ValueAsync(aki, api, 1))["ETH"]);
        Assert.Equal(40_000, await MintAsync(eri));
        Assert.False((await ValueAsync(eri, api, 5)).ContainsKey("ETH"));

        // 6. A grant of ¥50,000 lowers every token alike, to ¥30,000.
        var project = (await (await aki.Client.PostJsonAsync($"{api}/projects", new { title = "祭りの絵巻" })).JsonAsync()).GetProperty("id").GetInt64();
        var granted = await admin.Client.PostJsonAsync($"{api}/projects/{project}/grants", new { asset = "JPY", amount = "50000", recoupRateBps = 0 });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        foreach (var token in new[] { 1L, 5L })
        {
            Assert.Equal(30_000, (await ValueAsync(aki, api, token))["JPY"]);
        }

        // 7. At r = 80%, Aki's redemption pays ¥25,200 and 0.0084 ETH.
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"{api}/parameters", new { redemptionRateBps = 8000 })).StatusCode);
        var redeemed = await (await aki.Client.PostJsonAsync($"{api}/tokens/1/redeem", new { })).JsonAsync();
        var paid = redeemed.GetProperty("reclaim").EnumerateArray().ToDictionary(a => a.GetProperty("asset").GetString()!, RevenueSetup.Units);
        Assert.Equal(25_200, paid["JPY"]);
        Assert.Equal(8_400_000_000_000_000, paid["ETH"]);
        await DepositTests.AssertVerifiedAsync(app);
    }

    private static async Task<Dictionary<string, long>> HoldingsAsync(Person person, string api)
    {
        var statement = await (await person.Client.GetAsync($"{api}/me/earnings")).JsonAsync();
        return statement.GetProperty("assets").EnumerateArray()
            .ToDictionary(a => a.GetProperty("asset").GetString()!, a => RevenueSetup.Units(a.GetProperty("balance")));
    }

    private static async Task<Dictionary<string, long>> ValueAsync(Person reader, string api, long token) =>
        (await (await reader.Client.GetAsync($"{api}/tokens/{token}")).JsonAsync()).GetProperty("value").EnumerateArray()
            .ToDictionary(v => v.GetProperty("asset").GetString()!, v => long.Parse(v.GetProperty("value").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture));
}
