using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Chain;
using Mikoshi.Data;
using Mikoshi.Domain.ChainMode;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Ledger;
using Mikoshi.Features.Chain;
using Mikoshi.Features.Indexing;
using Mikoshi.Tests.Http.Revenue;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Chain;

/// <summary>
/// A community in chain mode against a real anvil node: Mikoshi mints, holders trade outside Mikoshi,
/// the indexer mirrors the chain into the books (through the same TokenBook as off chain), holders
/// claim their share on chain, and the books and the chain agree.
/// </summary>
public sealed class ChainModeTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    /// <summary>anvil's third development account: the outside buyer in these tests.</summary>
    private const string BuyerKey = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a";

    private readonly Anvil anvil = fixture.Node;

    private TestApp ChainApp(string provider, string? rpcUrl = null)
    {
        var app = TestApp.Create(provider);
        app.Settings["Mikoshi:Chain:RpcUrl"] = rpcUrl ?? anvil.RpcUrl;
        app.Settings["Mikoshi:Chain:OperatorKey"] = Anvil.OperatorKey;
        app.Settings["Mikoshi:Chain:Confirmations"] = "0";
        app.Settings["Mikoshi:Chain:ReceiptTimeoutSeconds"] = "30";
        // The background indexer stays idle; the tests run each pass themselves.
        app.Settings["Mikoshi:Chain:PollSeconds"] = "3600";
        return app;
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task ChainMode_MintTradeOutsideEarnClaim_BooksAndChainAgree(string provider)
    {
        await using var app = ChainApp(provider);
        var s = await RevenueSetup.CreateAsync(app);
        var community = await CommunityIdAsync(app, s.Slug);

        // Deploying puts the membership already in circulation (Aki's token #1) on chain.
        var deployed = await s.Admin.Client.PostJsonAsync($"{s.Community}/chain/deployment", new { });
        Assert.Equal(HttpStatusCode.Created, deployed.StatusCode);

        // The LLC-type DAO mode needs transfer consent, which the contract cannot enforce: refused once on chain.
        var llc = await s.Admin.Client.PutAsJsonAsync($"{s.Community}/llc", new { enabled = true });
        Assert.Equal(HttpStatusCode.Conflict, llc.StatusCode);
        Assert.Equal("llc_chain_mode", await llc.ProblemCodeAsync());
        Assert.Equal(1, (await deployed.JsonAsync()).GetProperty("tokensQueued").GetInt32());
        var deployment = await DeploymentAsync(app, community);
        using var chain = anvil.Client();
        await StepAsync(app, community);
        var aki = await AddressAsync(s.Aki);
        Assert.Equal(aki, await CommunityContracts.OwnerOfAsync(chain, deployment, 1));

        // A mint in chain mode mints on chain to the member's address.
        await s.Admin.DepositAsync(s.Slug, "50000", personId: s.Ben.Id);
        Assert.Equal(HttpStatusCode.Created, (await s.Ben.Client.PostJsonAsync($"{s.Community}/tokens", new { })).StatusCode);
        await StepAsync(app, community);
        var ben = await AddressAsync(s.Ben);
        Assert.Equal(ben, await CommunityContracts.OwnerOfAsync(chain, deployment, 2));
        Assert.Equal(BigInteger.One, await CommunityContracts.VotesAsync(chain, deployment, ben));

        // Ownership lives on chain: Mikoshi refuses to move a token itself.
        Assert.Equal("on_chain_ownership", await (await s.Ben.Client.PostJsonAsync($"{s.Community}/tokens/2/transfer", new { to = s.Cai.Id })).ProblemCodeAsync());

        // Aki sells token #1 outside Mikoshi, with her key in an ethers.js wallet.
        var exported = await (await s.Aki.Client.PostJsonAsync("/api/v1/me/custodial-key/export", new { })).JsonAsync();
        var buyer = new Nethereum.Web3.Accounts.Account(BuyerKey).Address;
        var moved = await TransferWithEthersAsync(exported.GetProperty("secret").GetString()!, deployment.Membership, 1, buyer);
        Assert.Equal(buyer, moved.GetProperty("owner").GetString());
        await StepAsync(app, community);
        var outsider = await OwnerAsync(app, community, 1);
        Assert.NotEqual(s.Aki.Id, outsider.ToString());
        Assert.Equal(buyer.ToLowerInvariant(), await LinkedAddressAsync(app, outsider));

        // Revenue in ether: the holders' 10% goes to the two tokens' holders now, the outside buyer and Ben.
        Assert.Equal(HttpStatusCode.Created, (await s.RecordAsync("1000000000000000000", asset: "ETH")).StatusCode);
        var published = await s.Admin.Client.PostJsonAsync($"{s.Community}/chain/epochs", new { asset = "ETH" }, Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var epoch = await published.JsonAsync();
        await StepAsync(app, community);
        var funding = BigInteger.Parse(epoch.GetProperty("funding").GetString()!, CultureInfo.InvariantCulture);
        Assert.Equal(funding, await chain.BalanceAsync(deployment.Claims));
        Assert.Equal("published", (await (await s.Admin.Client.GetAsync($"{s.Community}/chain")).JsonAsync()).GetProperty("epochs")[0].GetProperty("state").GetString());

        // The buyer, who never signed up, fetches a proof anonymously and claims on chain.
        var anonymous = app.CreateClient();
        var proof = await (await anonymous.GetAsync($"{s.Community}/chain/claims/{buyer}?asset=ETH")).JsonAsync();
        Assert.Equal("50000000000000000", proof.GetProperty("cumulative").GetString());
        using var buyerWallet = anvil.Client(key: BuyerKey);
        var before = await chain.BalanceAsync(EthAddress.Parse(buyer).Value);
        var claim = await ClaimAsync(buyerWallet, proof);
        var after = await chain.BalanceAsync(EthAddress.Parse(buyer).Value);
        Assert.Equal(before + BigInteger.Parse("50000000000000000", CultureInfo.InvariantCulture), after + claim.GasUsed * await GasPriceAsync(buyerWallet, claim.Hash));

        // Ben claims too (his proof sent by the operator: anyone may send it, the money goes to Ben).
        var benProof = await (await anonymous.GetAsync($"{s.Community}/chain/claims/{ben}")).JsonAsync();
        await ClaimAsync(chain, benProof);
        Assert.Equal(BigInteger.Parse(benProof.GetProperty("cumulative").GetString()!, CultureInfo.InvariantCulture), await chain.BalanceAsync(ben));
        await Assert.ThrowsAsync<ChainRefusedException>(() => ClaimAsync(chain, benProof));

        await StepAsync(app, community);
        Assert.Equal("50000000000000000", (await (await anonymous.GetAsync($"{s.Community}/chain/claims/{buyer}")).JsonAsync()).GetProperty("claimed").GetString());
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var escrow = await db.Balances.AsNoTracking().SingleAsync(b => b.CommunityId == community && b.Account == "escrow:chain-claims" && b.Asset == "ETH");
        Assert.Equal(await chain.BalanceAsync(deployment.Claims), (BigInteger)escrow.Units);
        var report = await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync();
        Assert.True(report.IsClean, string.Join("\n", report.Findings));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Indexer_AfterAReorganisation_UndoesTheOrphanedTransferAndFollowsTheNewChain(string provider)
    {
        await using var app = ChainApp(provider);
        var (slug, admin, community, deployment) = await DeployedCommunityAsync(app);
        using var chain = anvil.Client();
        var holder = await HolderWalletAsync(chain, admin);
        var snapshot = await chain.RequestAsync<string>("evm_snapshot");

        var first = Nethereum.Signer.EthECKey.GenerateKey().GetPublicAddress();
        await holder.TransactAsync(Contracts.Membership, deployment.Membership, "transferFrom", 0, CancellationToken.None, holder.Operator.ToString(), first, BigInteger.One);
        await StepAsync(app, community);
        var firstOwner = await OwnerAsync(app, community, 1);
        Assert.NotEqual(admin.Id, firstOwner.ToString());

        // The block holding that transfer is orphaned: the chain goes back and grows past it without it.
        Assert.True(await chain.RequestAsync<bool>("evm_revert", snapshot));
        for (var i = 0; i < 4; i++)
        {
            await chain.RequestAsync<string>("evm_mine");
        }

        var repaired = await StepAsync(app, community);
        Assert.Equal(1, repaired.RolledBack);
        Assert.Equal(admin.Id, (await OwnerAsync(app, community, 1)).ToString());

        // What the new chain does is mirrored as usual.
        var second = Nethereum.Signer.EthECKey.GenerateKey().GetPublicAddress();
        using var holderAgain = await HolderWalletAsync(chain, admin);
        await holderAgain.TransactAsync(Contracts.Membership, deployment.Membership, "transferFrom", 0, CancellationToken.None, holderAgain.Operator.ToString(), second, BigInteger.One);
        await StepAsync(app, community);
        Assert.Equal(second.ToLowerInvariant(), await LinkedAddressAsync(app, await OwnerAsync(app, community, 1)));
        await using var scope = app.Scope();
        var report = await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync();
        Assert.True(report.IsClean, string.Join("\n", report.Findings));
        Assert.Equal(slug, (await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Communities.SingleAsync(c => c.Id == community)).Slug);
    }

    [Fact]
    public async Task Indexer_StartedAfresh_CatchesUpFromItsStoredCursor()
    {
        await using var app = ChainApp("sqlite");
        var (_, admin, community, deployment) = await DeployedCommunityAsync(app);
        using var chain = anvil.Client();
        using var holder = await HolderWalletAsync(chain, admin);

        // While no indexer runs: two hops and a stretch of empty blocks.
        var hop = Nethereum.Signer.EthECKey.GenerateKey();
        await holder.TransactAsync(Contracts.Membership, deployment.Membership, "transferFrom", 0, CancellationToken.None, holder.Operator.ToString(), hop.GetPublicAddress(), BigInteger.One);
        await chain.PayAsync(EthAddress.Parse(hop.GetPublicAddress()).Value, BigInteger.Pow(10, 16));
        using var hopWallet = anvil.Client(key: hop.GetPrivateKey());
        var last = Nethereum.Signer.EthECKey.GenerateKey().GetPublicAddress();
        await hopWallet.TransactAsync(Contracts.Membership, deployment.Membership, "transferFrom", 0, CancellationToken.None, hop.GetPublicAddress(), last, BigInteger.One);
        await chain.RequestAsync<object>("anvil_mine", "0x20");

        // A new host on the same database: a restarted server.
        await using var restarted = app.WithWebHostBuilder(_ => { });
        var indexer = restarted.Services.GetRequiredService<ChainIndexer>();
        var pass = await indexer.StepAsync(community);
        Assert.True(pass.IsSuccess, pass.Error?.ToString());
        Assert.Equal(2, pass.Value.Mirrored);
        Assert.Equal(pass.Value.Head, pass.Value.IndexedBlock);
        Assert.Equal(last.ToLowerInvariant(), await LinkedAddressAsync(app, await OwnerAsync(app, community, 1)));
        var again = await indexer.StepAsync(community);
        Assert.Equal(0, again.Value.Mirrored);
    }

    [Fact]
    public async Task UnreachableChain_GivesChainUnavailable_AndMirrorsNothing()
    {
        await using var app = ChainApp("sqlite");
        var (slug, admin, community, _) = await DeployedCommunityAsync(app);
        ChainDeploymentRow before;
        await using (var scope = app.Scope())
        {
            before = await scope.ServiceProvider.GetRequiredService<MikoshiDb>().ChainDeployments.AsNoTracking().SingleAsync(d => d.CommunityId == community);
        }

        // The same database, served by a host whose node is gone.
        await using var cut = app.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["Mikoshi:Chain:RpcUrl"] = $"http://127.0.0.1:{Anvil.FreePort()}" })));
        var pass = await cut.Services.GetRequiredService<ChainIndexer>().StepAsync(community);
        Assert.False(pass.IsSuccess);
        Assert.Equal("chain_unavailable", pass.Error.Code);
        await using (var scope = cut.Services.CreateAsyncScope())
        {
            var after = await scope.ServiceProvider.GetRequiredService<MikoshiDb>().ChainDeployments.AsNoTracking().SingleAsync(d => d.CommunityId == community);
            Assert.Equal(before.IndexedBlock, after.IndexedBlock);
        }

        var status = await (await cut.CreateClient().GetAsync($"/api/v1/communities/{slug}/chain")).JsonAsync();
        Assert.Equal("chain_unavailable", status.GetProperty("chainProblem").GetString());
        var fresh = await app.SignUpAsync();
        var other = await fresh.FoundCommunityAsync();
        var client = cut.CreateClient();
        client.DefaultRequestHeaders.Authorization = fresh.Client.DefaultRequestHeaders.Authorization;
        var refused = await client.PostJsonAsync($"/api/v1/communities/{other}/chain/deployment", new { });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("chain_unavailable", await refused.ProblemCodeAsync());
        Assert.Equal(admin.Id, (await OwnerAsync(app, community, 1)).ToString());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Redemption_InChainMode_WaitsForTheBurn_ThenPaysOnce_AndVerifyIsClean(string provider)
    {
        await using var app = ChainApp(provider);
        var (slug, admin, community, deployment) = await DeployedCommunityAsync(app);
        using var chain = anvil.Client();
        var holder = await AddressAsync(admin);
        var account = AccountOf(admin);
        var before = await BalancesAsync(app, community, account);
        var treasuryBefore = await BalancesAsync(app, community, "treasury");

        // Asking answers 202: the burn is queued from the holder's address, nothing is paid yet.
        var asked = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/redeem", new { }, "redeem-chain-1");
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var pending = await asked.JsonAsync();
        Assert.Equal("pending_burn", pending.GetProperty("state").GetString());
        Assert.Equal(holder.ToString(), pending.GetProperty("holder").GetString());
        var estimate = pending.GetProperty("estimate").EnumerateArray().ToDictionary(a => a.GetProperty("asset").GetString()!, a => Int128.Parse(a.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture));
        Assert.NotEmpty(estimate);
        Assert.Equal(before, await BalancesAsync(app, community, account));
        Assert.Equal(admin.Id, (await OwnerAsync(app, community, 1)).ToString());

        // A retry replays; another request for the same token is refused while the first waits.
        var retried = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/redeem", new { }, "redeem-chain-1");
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal("redemption_pending", await (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/redeem", new { }, "redeem-chain-2")).ProblemCodeAsync());

        // The pass burns on chain and mirrors the burn: the payout is posted then, once.
        await StepAsync(app, community);
        Assert.Null(await CommunityContracts.OwnerOfAsync(chain, deployment, 1));
        var after = await BalancesAsync(app, community, account);
        foreach (var (asset, amount) in estimate)
        {
            Assert.Equal(before.GetValueOrDefault(asset) + amount, after[asset]);
            Assert.Equal(treasuryBefore[asset] - amount, (await BalancesAsync(app, community, "treasury")).GetValueOrDefault(asset));
        }

        await StepAsync(app, community);
        Assert.Equal(after, await BalancesAsync(app, community, account));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        Assert.NotNull((await db.Tokens.AsNoTracking().SingleAsync(t => t.CommunityId == community && t.Serial == Domain.Membership.TokenId.Stored(1))).BurnedAtUnixMs);
        Assert.Equal(1, await db.JournalEntries.AsNoTracking().CountAsync(e => e.CommunityId == community && e.Kind == "redemption"));
        Assert.Equal(ChainOutboxState.Confirmed, (await db.ChainOutbox.AsNoTracking().SingleAsync(o => o.CommunityId == community && o.Kind == "burn")).State);
        var report = await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync();
        Assert.True(report.IsClean, string.Join("\n", report.Findings));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Redemption_OfATokenSoldOnChainBeforeMikoshiSawIt_PaysNothing_AndTheBuyerKeepsIt(string provider)
    {
        await using var app = ChainApp(provider);
        var (slug, admin, community, deployment) = await DeployedCommunityAsync(app);
        using var chain = anvil.Client();
        var account = AccountOf(admin);
        var before = await BalancesAsync(app, community, account);
        var treasuryBefore = await BalancesAsync(app, community, "treasury");

        // The holder sells on chain; no pass has run, so Mikoshi still thinks the token is theirs.
        var exported = await (await admin.Client.PostJsonAsync("/api/v1/me/custodial-key/export", new { })).JsonAsync();
        var buyer = new Nethereum.Web3.Accounts.Account(BuyerKey).Address;
        await TransferWithEthersAsync(exported.GetProperty("secret").GetString()!, deployment.Membership, 1, buyer);
        var asked = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/redeem", new { }, "redeem-sold-1");
        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);

        // The burn is refused (the token left the holder's address), and the sale is mirrored instead.
        await StepAsync(app, community);
        await StepAsync(app, community);
        Assert.Equal(EthAddress.Parse(buyer).Value, await CommunityContracts.OwnerOfAsync(chain, deployment, 1));
        Assert.Equal(buyer.ToLowerInvariant(), await LinkedAddressAsync(app, await OwnerAsync(app, community, 1)));
        Assert.Equal(before, await BalancesAsync(app, community, account));
        Assert.Equal(treasuryBefore, await BalancesAsync(app, community, "treasury"));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var burn = await db.ChainOutbox.AsNoTracking().SingleAsync(o => o.CommunityId == community && o.Kind == "burn");
        Assert.Equal(ChainOutboxState.Failed, burn.State);
        Assert.Null((await db.Tokens.AsNoTracking().SingleAsync(t => t.CommunityId == community && t.Serial == Domain.Membership.TokenId.Stored(1))).BurnedAtUnixMs);
        Assert.Equal(0, await db.JournalEntries.AsNoTracking().CountAsync(e => e.CommunityId == community && e.Kind == "redemption"));
        var report = await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync();
        Assert.True(report.IsClean, string.Join("\n", report.Findings));
    }

    [Fact]
    public async Task Indexer_WhenAReorganisationDropsARedemptionsBurn_ReversesThePayout_ThenBurnsAndPaysAgainOnce()
    {
        await using var app = ChainApp("sqlite");
        var (slug, admin, community, deployment) = await DeployedCommunityAsync(app);
        using var chain = anvil.Client();
        var account = AccountOf(admin);
        var before = await BalancesAsync(app, community, account);
        var snapshot = await chain.RequestAsync<string>("evm_snapshot");

        Assert.Equal(HttpStatusCode.Accepted, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens/1/redeem", new { }, "redeem-reorg-1")).StatusCode);
        await StepAsync(app, community);
        var paid = await BalancesAsync(app, community, account);
        Assert.NotEqual(before, paid);

        // The block with the burn is orphaned: the payout goes back to the treasury and the token to its holder.
        Assert.True(await chain.RequestAsync<bool>("evm_revert", snapshot));
        for (var i = 0; i < 4; i++)
        {
            await chain.RequestAsync<string>("evm_mine");
        }

        var repaired = await StepAsync(app, community);
        Assert.True(repaired.RolledBack > 0);
        Assert.Equal(before, await BalancesAsync(app, community, account));
        Assert.Equal(admin.Id, (await OwnerAsync(app, community, 1)).ToString());

        // The reopened burn is sent again on the new chain and pays once more: once in all.
        await StepAsync(app, community);
        Assert.Null(await CommunityContracts.OwnerOfAsync(chain, deployment, 1));
        Assert.Equal(paid, await BalancesAsync(app, community, account));
        await using var scope = app.Scope();
        var report = await scope.ServiceProvider.GetRequiredService<Verifier>().VerifyAsync();
        Assert.True(report.IsClean, string.Join("\n", report.Findings));
    }

    [Fact]
    public async Task RootPublished_ThatTheBooksNeverPrepared_StopsTheIndexerWithBooksDisagree_AuditedOnce()
    {
        await using var app = ChainApp("sqlite");
        var (_, _, community, deployment) = await DeployedCommunityAsync(app);
        using var chain = anvil.Client();
        ChainDeploymentRow before;
        await using (var scope = app.Scope())
        {
            before = await scope.ServiceProvider.GetRequiredService<MikoshiDb>().ChainDeployments.AsNoTracking().SingleAsync(d => d.CommunityId == community);
        }

        // The operator's key publishes a root outside Mikoshi.
        var root = Enumerable.Repeat((byte)0x11, 32).ToArray();
        await CommunityContracts.PublishAsync(chain, deployment, CommunityContracts.NativeCoin, 1, root, 5, 5);

        var indexer = app.Services.GetRequiredService<ChainIndexer>();
        for (var pass = 0; pass < 2; pass++)
        {
            var refused = await indexer.StepAsync(community);
            Assert.False(refused.IsSuccess);
            Assert.Equal("books_disagree", refused.Error.Code);
        }

        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            Assert.Equal(before.IndexedBlock, (await db.ChainDeployments.AsNoTracking().SingleAsync(d => d.CommunityId == community)).IndexedBlock);
            Assert.Equal(1, await db.AuditLog.AsNoTracking().CountAsync(a => a.Chain == community.Value && a.Kind == "chain.books-disagree"));
        }
    }

    [Fact]
    public async Task Outbox_WhenTheOperatorCannotPayForGas_KeepsTheMintPending_AndSendsItOnceFunded()
    {
        await using var app = ChainApp("sqlite");
        var (slug, admin, community, deployment) = await DeployedCommunityAsync(app);
        using var chain = anvil.Client();
        var funds = await chain.BalanceAsync(chain.Operator);
        await admin.DepositAsync(slug, "50000", personId: admin.Id);
        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);

        await chain.RequestAsync<object>("anvil_setBalance", chain.Operator.ToString(), "0x0");
        try
        {
            // Out of funds is not a refusal: the pass mirrors as usual and the mint waits.
            var starved = await StepAsync(app, community);
            Assert.Equal("chain_unavailable", starved.OutboxProblem);
            await using var scope = app.Scope();
            Assert.Equal(ChainOutboxState.Pending, (await scope.ServiceProvider.GetRequiredService<MikoshiDb>().ChainOutbox.AsNoTracking()
                .SingleAsync(o => o.CommunityId == community && o.Kind == "mint" && o.Serial == Domain.Membership.TokenId.Stored(2))).State);
        }
        finally
        {
            await chain.RequestAsync<object>("anvil_setBalance", chain.Operator.ToString(), "0x" + funds.ToString("x", CultureInfo.InvariantCulture).TrimStart('0'));
        }

        var funded = await StepAsync(app, community);
        Assert.Null(funded.OutboxProblem);
        Assert.Equal(await AddressAsync(admin), await CommunityContracts.OwnerOfAsync(chain, deployment, 2));
    }

    private async Task<(string Slug, Person Admin, CommunityId Community, Deployment Deployment)> DeployedCommunityAsync(TestApp app)
    {
        var admin = await app.SignUpAsync(displayName: "Admin");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "50000", personId: admin.Id);
        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/chain/deployment", new { })).StatusCode);
        var community = await CommunityIdAsync(app, slug);
        await StepAsync(app, community);
        return (slug, admin, community, await DeploymentAsync(app, community));
    }

    /// <summary>The person's custodial key as a wallet of their own, with a little ether for gas.</summary>
    private async Task<ChainClient> HolderWalletAsync(ChainClient chain, Person person)
    {
        var exported = await (await person.Client.PostJsonAsync("/api/v1/me/custodial-key/export", new { })).JsonAsync();
        await chain.PayAsync(EthAddress.Parse(exported.GetProperty("address").GetString()).Value, BigInteger.Pow(10, 16));
        return anvil.Client(key: exported.GetProperty("secret").GetString()!);
    }

    private static async Task<IndexPass> StepAsync(TestApp app, CommunityId community)
    {
        var pass = await app.Services.GetRequiredService<ChainIndexer>().StepAsync(community);
        Assert.True(pass.IsSuccess, pass.Error?.Code + ": " + pass.Error?.ToString());
        return pass.Value;
    }

    private static async Task<CommunityId> CommunityIdAsync(TestApp app, string slug)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Communities.AsNoTracking().SingleAsync(c => c.Slug == slug)).Id;
    }

    private static async Task<Deployment> DeploymentAsync(TestApp app, CommunityId community)
    {
        await using var scope = app.Scope();
        return ChainDeployments.ToDeployment(await scope.ServiceProvider.GetRequiredService<MikoshiDb>().ChainDeployments.AsNoTracking().SingleAsync(d => d.CommunityId == community));
    }

    private static async Task<PersonId> OwnerAsync(TestApp app, CommunityId community, long serial)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Tokens.AsNoTracking().SingleAsync(t => t.CommunityId == community && t.Serial == Domain.Membership.TokenId.Stored(serial))).OwnerId!.Value;
    }

    private static async Task<string> LinkedAddressAsync(TestApp app, PersonId person)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<MikoshiDb>().WalletLinks.AsNoTracking().SingleAsync(l => l.PersonId == person)).Address;
    }

    private static string AccountOf(Person person) => AccountId.ForPerson(Guid.Parse(person.Id)).ToString();

    private static async Task<Dictionary<string, Int128>> BalancesAsync(TestApp app, CommunityId community, string account)
    {
        await using var scope = app.Scope();
        return (await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Balances.AsNoTracking().Where(b => b.CommunityId == community && b.Account == account).ToListAsync())
            .Where(b => b.Units != Int128.Zero).ToDictionary(b => b.Asset, b => b.Units);
    }

    private static async Task<EthAddress> AddressAsync(Person person) =>
        EthAddress.Parse((await (await person.Client.GetAsync("/api/v1/me/custodial-key")).JsonAsync()).GetProperty("address").GetString()).Value;

    private static Task<MinedTransaction> ClaimAsync(ChainClient wallet, JsonElement proof) =>
        wallet.TransactAsync(Contracts.Claims, EthAddress.Parse(proof.GetProperty("claimsContract").GetString()).Value, "claim", 0, CancellationToken.None,
            proof.GetProperty("assetAddress").GetString()!, new BigInteger(proof.GetProperty("epoch").GetInt64()), proof.GetProperty("account").GetString()!,
            BigInteger.Parse(proof.GetProperty("cumulative").GetString()!, CultureInfo.InvariantCulture),
            proof.GetProperty("proof").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!.AsSpan(2))).ToList());

    private static async Task<BigInteger> GasPriceAsync(ChainClient wallet, string hash) =>
        BigInteger.Parse("0" + (string)(await wallet.RequestAsync<Newtonsoft.Json.Linq.JObject>("eth_getTransactionReceipt", hash))["effectiveGasPrice"]!.ToString()[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private Task<JsonElement> TransferWithEthersAsync(string holderKey, EthAddress contract, long token, string to) =>
        EthersScripts.RunAsync("transfer.mjs", anvil.RpcUrl, Anvil.OutsiderKey, holderKey, contract.ToString(), token.ToString(CultureInfo.InvariantCulture), to);
}
