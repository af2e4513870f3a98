using System.Globalization;
using System.Net;
using System.Numerics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Chain;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Chain;
using Mikoshi.Features.Indexing;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Chain;

/// <summary>
/// A contract wallet votes (#17): a Safe-style wallet (owners and a threshold, EIP-1271) on anvil holds a
/// membership token it received outside Mikoshi; its owner signs the vote for it, and Mikoshi, in chain mode, asks
/// the wallet whether the signature is its own.
/// </summary>
public sealed class ContractWalletVoteTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    private readonly Anvil anvil = fixture.Node;

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task SafeStyleWallet_OwnersSignatureCountsAsTheWalletsVote_AStrangersIsRefused(string provider)
    {
        await using var app = TestApp.Create(provider);
        app.Settings["Mikoshi:Chain:RpcUrl"] = anvil.RpcUrl;
        app.Settings["Mikoshi:Chain:OperatorKey"] = Anvil.OperatorKey;
        app.Settings["Mikoshi:Chain:Confirmations"] = "0";
        app.Settings["Mikoshi:Chain:PollSeconds"] = "3600";
        app.UseKestrel(0);
        app.StartServer();
        var port = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).First().Port;

        // The admin holds tokens #1 and #2 on chain and gives #2 to the Safe outside Mikoshi.
        var admin = await app.SignUpAsync(displayName: "Admin");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "100000", personId: admin.Id);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/chain/deployment", new { })).StatusCode);
        var community = await CommunityIdAsync(app, slug);
        await StepAsync(app, community);
        var membership = await MembershipAsync(app, community);

        var owner = CustodialKey.Generate();
        using var chain = anvil.Client();
        var deployed = await chain.DeployAsync(Contracts.TestSafe, BigInteger.Zero, CancellationToken.None, new[] { owner.Address.ToString() }, BigInteger.One);
        var safe = EthAddress.Parse(deployed.ContractAddress!).Value;
        var exported = await (await admin.Client.PostJsonAsync("/api/v1/me/custodial-key/export", new { })).JsonAsync();
        await EthersScripts.RunAsync("transfer.mjs", anvil.RpcUrl, Anvil.OutsiderKey, exported.GetProperty("secret").GetString()!, membership.ToString(), "2", safe.ToString());
        await StepAsync(app, community);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var opened = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/proposals",
            new { kind = "signal", title = "金庫も投票する", body = "Why we should.", graceHours = 24, closesAt = app.Clock.GetUtcNow().AddDays(1) });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.JsonAsync()).GetProperty("id").GetInt64();

        var results = await EthersScripts.RunAsync("wallet-vote.mjs", "safe", $"http://127.0.0.1:{port}", slug, id.ToString(CultureInfo.InvariantCulture),
            "0x" + Convert.ToHexStringLower(owner.Secret()), safe.ToString());

        Assert.Equal("signature_mismatch", results.GetProperty("stranger").GetProperty("code").GetString());
        Assert.Equal(201, results.GetProperty("owner").GetProperty("status").GetInt32());
        Assert.Equal(safe.ToString(), results.GetProperty("owner").GetProperty("voter").GetString());
        var tally = (await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/proposals/{id}")).JsonAsync()).GetProperty("tally");
        Assert.Equal(1, tally.GetProperty("for").GetInt64());
        var vote = Assert.Single((await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/proposals/{id}/votes")).JsonAsync()).GetProperty("votes").EnumerateArray());
        Assert.Equal(safe.ToString(), vote.GetProperty("voter").GetString());
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

    private static async Task<EthAddress> MembershipAsync(TestApp app, CommunityId community)
    {
        await using var scope = app.Scope();
        return ChainDeployments.ToDeployment(await scope.ServiceProvider.GetRequiredService<MikoshiDb>().ChainDeployments.AsNoTracking().SingleAsync(d => d.CommunityId == community)).Membership;
    }
}
