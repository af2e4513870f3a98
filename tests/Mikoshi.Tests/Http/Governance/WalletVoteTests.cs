using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Domain.Governance;
using Mikoshi.Tests.Http.Wallets;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Governance;

/// <summary>
/// Votes in the shape wallets speak (#17), from ethers v6 in Node: the raw envelope a wallet returns, a compact
/// signature, a template for a member without a key, and an export anyone can check with ethers alone.
/// </summary>
public sealed class WalletVoteTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task EthersWallet_VotesWithTheRawEnvelopeAndACompactSignature_AndTheExportChecksOfflineWithEthersAlone(string provider)
    {
        await using var app = TestApp.Create(provider);
        app.UseKestrel(0);
        app.StartServer();
        var port = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).First().Port;
        var baseUrl = $"http://127.0.0.1:{port}";
        var s = await GovernanceSetup.CreateAsync(app);
        var id = await s.OpenAsync(s.Aki, "signal");
        var proposal = id.ToString(CultureInfo.InvariantCulture);
        var exported = await (await s.Aki.Client.PostJsonAsync("/api/v1/me/custodial-key/export", new { })).JsonAsync();
        var wallet = CustodialKey.Generate();
        var walletSecret = "0x" + Convert.ToHexStringLower(wallet.Secret());

        // The attacks first: each is refused with its code and nothing is stored.
        var before = await s.SnapshotAsync();
        var bad = await EthersScripts.RunAsync("wallet-vote.mjs", "bad", baseUrl, s.Slug, proposal, exported.GetProperty("secret").GetString()!);
        Assert.Equal("typed_data_mismatch", bad.GetProperty("types").GetProperty("code").GetString());
        Assert.Equal("wrong_chain_id", bad.GetProperty("chainId").GetProperty("code").GetString());
        Assert.Equal("signature_mismatch", bad.GetProperty("someoneElse").GetProperty("code").GetString());
        Assert.Equal("signature_mismatch", bad.GetProperty("someoneElseCompact").GetProperty("code").GetString());
        Assert.All(bad.EnumerateObject(), attempt => Assert.Equal(422, attempt.Value.GetProperty("status").GetInt32()));
        Assert.Equal(before, await s.SnapshotAsync());

        var good = await EthersScripts.RunAsync("wallet-vote.mjs", "good", baseUrl, s.Slug, proposal, walletSecret,
            exported.GetProperty("secret").GetString()!, SiweTests.TokenOf(s.Ben));

        // Ben had neither a wallet nor a custodial key: a template, on the configured chain.
        var template = good.GetProperty("template");
        Assert.Equal(200, template.GetProperty("status").GetInt32());
        Assert.Equal(string.Empty, template.GetProperty("choice").GetString());
        Assert.Equal("0x0000000000000000000000000000000000000000", template.GetProperty("voter").GetString());
        Assert.Equal(31337, template.GetProperty("chainId").GetInt64());
        Assert.Equal(201, good.GetProperty("linked").GetInt32());

        Assert.Equal(201, good.GetProperty("envelope").GetProperty("status").GetInt32());
        Assert.Equal(wallet.Address.ToString(), good.GetProperty("envelope").GetProperty("voter").GetString());
        Assert.Equal(64, good.GetProperty("compactLength").GetInt32());
        Assert.Equal(201, good.GetProperty("compact").GetProperty("status").GetInt32());
        Assert.Equal((1, 2, 0), await s.TallyAsync(id));

        var offline = good.GetProperty("offline");
        Assert.Equal(2, offline.GetProperty("votes").GetInt32());
        Assert.Equal(2, offline.GetProperty("links").GetInt32());
        Assert.Equal("Vote", offline.GetProperty("primaryType").GetString());
        Assert.Equal(new[] { "custodial", "siwe" }, offline.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()!).Order());
        await DepositTests.AssertVerifiedAsync(app);
    }
}
