using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Cli;

/// <summary>
/// The two attacks of the economics issue, through the command line: mint → redeem cannot take the treasury's
/// money in any asset, and a token that backed a yes vote cannot be handed to a second account first.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class EconomicsCliTests
{
    [Theory]
    // SQLite only: the command line runs on PostgreSQL in CliTests; these rules are proved on PostgreSQL through HTTP.
    [InlineData("sqlite")]
    public async Task MintThenRedeem_AfterADepositWithThePriceBelowAToken_ReturnsNoMoreThanWasPaid_InEveryAsset(string provider)
    {
        using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync(displayName: "Admin");
        var aki = await app.SignUpAsync(displayName: "Aki");
        var eve = await app.SignUpAsync(displayName: "Eve");
        var slug = await admin.FoundCommunityAsync(assets: ["ETH"]);
        var set = await admin.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/parameters",
            new { mintBasePrice = "1000", mintPriceSlope = "0", royaltyBps = 500, redemptionRateBps = 10_000 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        await admin.DepositAsync(slug, "5000", personId: aki.Id);
        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);

        // The treasury grows after Aki joined: her token is now worth far more than the ¥1,000 the settings ask.
        await admin.DepositAsync(slug, "300000");
        await admin.DepositAsync(slug, "2000000000000000000", asset: "ETH");
        await admin.DepositAsync(slug, "1000000", personId: eve.Id);
        var before = await BalancesAsync(app, eve.Id);

        string[] community = ["--community", slug, "--provider", provider, "--db", app.Store.ConnectionString];
        var minted = await CliTests.RunAsync(["token", "mint", "--by", eve.Email, .. community]);
        Assert.True(minted.Code == 0, minted.Error);
        var mint = JsonDocument.Parse(minted.Output).RootElement;
        var paid = long.Parse(mint.GetProperty("price").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
        var floor = long.Parse(mint.GetProperty("floor").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(paid >= floor && floor > 1000, $"paid {paid}, floor {floor}");
        Assert.Contains($"#{mint.GetProperty("token").GetInt64()}", minted.Error, StringComparison.Ordinal);

        var redeemed = await CliTests.RunAsync(["token", "redeem", mint.GetProperty("token").GetInt64().ToString(CultureInfo.InvariantCulture), "--by", eve.Email, .. community]);
        Assert.True(redeemed.Code == 0, redeemed.Error);
        var reclaim = JsonDocument.Parse(redeemed.Output).RootElement.GetProperty("reclaim").EnumerateArray()
            .ToDictionary(a => a.GetProperty("asset").GetString()!, a => long.Parse(a.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture));
        var after = await BalancesAsync(app, eve.Id);

        Assert.True(reclaim.GetValueOrDefault("JPY") <= paid, $"redeemed {reclaim.GetValueOrDefault("JPY")} JPY for {paid}");
        Assert.Equal(0, reclaim.GetValueOrDefault("ETH"));
        Assert.True(after.GetValueOrDefault("JPY") <= before.GetValueOrDefault("JPY"), $"JPY {before.GetValueOrDefault("JPY")} → {after.GetValueOrDefault("JPY")}");
        Assert.Equal(before.GetValueOrDefault("ETH"), after.GetValueOrDefault("ETH"));
        Assert.True((await CliTests.RunAsync(["verify", "--provider", provider, "--db", app.Store.ConnectionString])).Code == 0);
    }

    [Theory]
    // SQLite only: the command line runs on PostgreSQL in CliTests; these rules are proved on PostgreSQL through HTTP.
    [InlineData("sqlite")]
    public async Task Transfer_OfATokenThatBackedAYesVote_IsRefusedAsTokenLockedByVote(string provider)
    {
        var db = provider == "postgres"
            ? PostgresServer.NewDatabase()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-cli-{Guid.NewGuid():N}.db")}";
        string[] store = ["--provider", provider, "--db", db];
        string[] community = ["--community", "cli-lock", .. store];
        foreach (var who in new[] { "admin", "aki", "alt" })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["person", "add", "--email", $"{who}@example.jp", "--password", "long enough password", .. store])).Code);
        }

        Assert.Equal(0, (await CliTests.RunAsync(["community", "create", "--owner", "admin@example.jp", "--slug", "cli-lock", "--name", "Lock", .. store])).Code);
        Assert.Equal(0, (await CliTests.RunAsync(["deposit", "--by", "admin@example.jp", "--asset", "JPY", "--amount", "50000", "--reference", "r", "--for", "aki@example.jp", .. community])).Code);
        Assert.Equal(0, (await CliTests.RunAsync(["token", "mint", "--by", "aki@example.jp", .. community])).Code);
        var created = await CliTests.RunAsync(["proposal", "create", "--by", "aki@example.jp", "--kind", "signal", "--title", "Festival in May", .. community]);
        Assert.True(created.Code == 0, created.Error);
        var proposal = JsonDocument.Parse(created.Output).RootElement.GetProperty("id").GetInt64();
        var voted = await CliTests.RunAsync(["proposal", "vote", proposal.ToString(CultureInfo.InvariantCulture), "--by", "aki@example.jp", "--choice", "for", .. community]);
        Assert.True(voted.Code == 0, voted.Error);

        var moved = await CliTests.RunAsync(["token", "transfer", "1", "--by", "aki@example.jp", "--to", "alt@example.jp", .. community]);
        var shown = JsonDocument.Parse((await CliTests.RunAsync(["token", "show", "1", .. community])).Output).RootElement;

        Assert.Equal(2, moved.Code);
        Assert.Contains("token_locked_by_vote", moved.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, moved.Output);
        Assert.Equal(proposal, shown.GetProperty("lockedByProposal").GetInt64());
        Assert.Equal(1, shown.GetProperty("lineage").GetArrayLength());
    }

    [Theory]
    // SQLite only: the command line runs on PostgreSQL in CliTests; these rules are proved on PostgreSQL through HTTP.
    [InlineData("sqlite")]
    public async Task Transfer_AfterRevenue_PrintsTheHoldersShareSettledToTheGiver(string provider)
    {
        var db = provider == "postgres"
            ? PostgresServer.NewDatabase()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-cli-{Guid.NewGuid():N}.db")}";
        string[] store = ["--provider", provider, "--db", db];
        string[] community = ["--community", "cli-settle", .. store];
        foreach (var who in new[] { "admin", "lead", "alt" })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["person", "add", "--email", $"{who}@example.jp", "--password", "long enough password", .. store])).Code);
        }

        Assert.Equal(0, (await CliTests.RunAsync(["community", "create", "--owner", "admin@example.jp", "--slug", "cli-settle", "--name", "Settle", .. store])).Code);
        var steps = new List<(int Code, string Output, string Error)>
        {
            await CliTests.RunAsync(["deposit", "--by", "admin@example.jp", "--asset", "JPY", "--amount", "100000", "--reference", "r", "--for", "lead@example.jp", .. community]),
            await CliTests.RunAsync(["token", "mint", "--by", "lead@example.jp", .. community]),
            await CliTests.RunAsync(["project", "create", "--by", "lead@example.jp", "--title", "祭りの絵巻", .. community]),
            await CliTests.RunAsync(["split", "propose", "--by", "lead@example.jp", "--project", "1", "--party", "lead@example.jp=1", .. community]),
            await CliTests.RunAsync(["revenue", "record", "--by", "admin@example.jp", "--project", "1", "--asset", "JPY", "--amount", "100000", "--source", "Booth", "--idempotency-key", "sale-1", .. community]),
        };
        Assert.All(steps, step => Assert.True(step.Code == 0, step.Error));

        var moved = await CliTests.RunAsync(["token", "transfer", "1", "--by", "lead@example.jp", "--to", "alt@example.jp", .. community]);

        Assert.True(moved.Code == 0, moved.Error);
        var settled = JsonDocument.Parse(moved.Output).RootElement.GetProperty("settled");
        var paid = Assert.Single(settled.GetProperty("paid").EnumerateArray());
        var amount = long.Parse(paid.GetProperty("amount").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(amount > 0);
        Assert.Equal(JsonDocument.Parse(steps[1].Output).RootElement.GetProperty("owner").GetString(), settled.GetProperty("to").GetString());
        Assert.Contains($"{settled.GetProperty("to").GetString()}: ¥{amount.ToString("N0", CultureInfo.InvariantCulture)}", moved.Error, StringComparison.Ordinal);
    }

    private static async Task<Dictionary<string, long>> BalancesAsync(TestApp app, string personId)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var account = Domain.Ledger.AccountId.ForPerson(Guid.Parse(personId)).ToString();
        var rows = await db.Balances.AsNoTracking().Where(b => b.Account == account).ToListAsync();
        return rows.ToDictionary(b => b.Asset, b => (long)b.Units);
    }
}
