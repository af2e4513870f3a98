using System.Net;
using System.Text.Json;
using Mikoshi.Domain.Governance;
using Mikoshi.Tests.Cli;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Wallets;

/// <summary>The wallet verbs, through the executable's entry point, on the store a server wrote to.</summary>
[Collection(CliCollection.Name)]
public sealed class WalletCliTests
{
    [Fact]
    public async Task WalletVerbs_ListOwnerAndUnlink_AWalletLinkedThroughTheApi()
    {
        await using var app = TestApp.Create("sqlite");
        var ben = await app.SignUpAsync(displayName: "Ben");
        var wallet = CustodialKey.Generate();
        Assert.Equal(HttpStatusCode.Created, (await SiweTests.LinkAsync(ben, wallet)).StatusCode);
        string[] store = ["--provider", "sqlite", "--db", app.Store.ConnectionString];
        var address = wallet.Address.ToString();

        var listed = await CliTests.RunAsync(["wallet", "list", "--person", ben.Email, .. store]);
        var owner = await CliTests.RunAsync(["wallet", "owner", address.ToLowerInvariant(), .. store]);
        var notMine = await CliTests.RunAsync(["wallet", "unlink", CustodialKey.Generate().Address.ToString(), "--person", ben.Email, .. store]);
        // A person may be named by one of their addresses: someone who signed up with a wallet has no email.
        var unlinked = await CliTests.RunAsync(["wallet", "unlink", address, "--person", address, .. store]);
        var verified = await CliTests.RunAsync(["verify", .. store]);

        Assert.True(listed.Code == 0, listed.Error);
        var list = JsonDocument.Parse(listed.Output).RootElement;
        Assert.Equal(address, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("address").GetString());
        Assert.Equal(address, list.GetProperty("votingAddress").GetString());
        Assert.True(owner.Code == 0, owner.Error);
        Assert.Equal(ben.Id, JsonDocument.Parse(owner.Output).RootElement.GetProperty("personId").GetString());
        Assert.Equal(2, notMine.Code);
        Assert.Contains("wallet_not_linked", notMine.Error, StringComparison.Ordinal);
        Assert.True(unlinked.Code == 0, unlinked.Error);

        // Unlinking ends the person's sessions: the old token is refused, and the CLI lists no wallet any more.
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await ben.Client.GetAsync("/api/v1/me/wallets")).StatusCode);
        var after = await CliTests.RunAsync(["wallet", "list", "--person", ben.Email, .. store]);
        Assert.Empty(JsonDocument.Parse(after.Output).RootElement.GetProperty("items").EnumerateArray());
        Assert.True(verified.Code == 0, verified.Output + verified.Error);
    }
}
