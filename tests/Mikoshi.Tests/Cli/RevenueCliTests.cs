using System.Text;
using System.Text.Json;

namespace Mikoshi.Tests.Cli;

/// <summary>The revenue verbs, through the executable's entry point.</summary>
[Collection(Mikoshi.Tests.Cli.CliCollection.Name)]
public sealed class RevenueCliTests
{
    [Fact]
    public async Task Revenue_FromTheCommandLine_SplitGrantRecordClaimPayOut()
    {
        string[] store = ["--provider", "sqlite", "--db", $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-cli-{Guid.NewGuid():N}.db")}"];
        string[] community = ["--community", "cli-revenue", .. store];
        foreach (var (who, name) in new[] { ("admin", "Admin"), ("lead", "Lea"), ("ina", "稲") })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["person", "add", "--email", $"{who}@example.jp", "--password", "long enough password", "--name", name, .. store])).Code);
        }

        Assert.Equal(0, (await CliTests.RunAsync(["community", "create", "--owner", "admin@example.jp", "--slug", "cli-revenue", "--name", "Revenue", .. store])).Code);
        Assert.Equal(0, (await CliTests.RunAsync(["deposit", "--by", "admin@example.jp", "--asset", "JPY", "--amount", "100000", "--reference", "r", "--for", "lead@example.jp", .. community])).Code);
        Assert.Equal(0, (await CliTests.RunAsync(["token", "mint", "--by", "lead@example.jp", .. community])).Code);
        Assert.Equal(0, (await CliTests.RunAsync(["project", "create", "--by", "lead@example.jp", "--title", "祭りの絵巻", .. community])).Code);

        var file = Path.Combine(Path.GetTempPath(), $"zengin-{Guid.NewGuid():N}.txt");
        var steps = new List<(int Code, string Output, string Error)>
        {
            await CliTests.RunAsync(["split", "propose", "--by", "lead@example.jp", "--project", "1", "--party", "lead@example.jp=1", "--fixed", "ina@example.jp=2000", .. community]),
            await CliTests.RunAsync(["split", "accept", "1", "--by", "ina@example.jp", "--project", "1", .. community]),
            await CliTests.RunAsync(["grant", "--by", "admin@example.jp", "--project", "1", "--asset", "JPY", "--amount", "5000", "--recoup-bps", "5000", .. community]),
            await CliTests.RunAsync(["revenue", "record", "--by", "admin@example.jp", "--project", "1", "--asset", "JPY", "--amount", "100000", "--source", "Booth", "--idempotency-key", "sale-1", .. community]),
            await CliTests.RunAsync(["bank-account", "--by", "ina@example.jp", "--bank-code", "0001", "--bank-name", "ミズホ", "--branch-code", "001", "--branch-name", "トウキョウ", "--account-number", "1234567", "--holder", "ｲﾅ ﾊﾅｺ", .. store]),
            await CliTests.RunAsync(["claim", "--by", "ina@example.jp", "--asset", "JPY", .. community]),
            await CliTests.RunAsync(["payout", "sender", "--by", "admin@example.jp", "--sender-code", "1234567890", "--sender-name", "ミコシ", "--bank-code", "0005", "--bank-name", "ミツビシ", "--branch-code", "123", "--branch-name", "シブヤ", "--account-number", "7654321", .. community]),
            await CliTests.RunAsync(["payout", "create", "--by", "admin@example.jp", "--asset", "JPY", .. community]),
            await CliTests.RunAsync(["payout", "export", "1", "--format", "zengin", "--out", file, .. community]),
            await CliTests.RunAsync(["payout", "confirm", "1", "--by", "admin@example.jp", .. community]),
        };
        var replay = await CliTests.RunAsync(["revenue", "record", "--by", "admin@example.jp", "--project", "1", "--asset", "JPY", "--amount", "100000", "--source", "Booth", "--idempotency-key", "sale-1", .. community]);
        var notTreasurer = await CliTests.RunAsync(["revenue", "record", "--by", "ina@example.jp", "--project", "1", "--asset", "JPY", "--amount", "1", "--source", "x", "--idempotency-key", "k", .. community]);
        var twice = await CliTests.RunAsync(["payout", "confirm", "1", "--by", "admin@example.jp", .. community]);
        var statement = await CliTests.RunAsync(["statement", "--by", "ina@example.jp", "--format", "csv", .. community]);
        var verified = await CliTests.RunAsync(["verify", .. store]);

        Assert.All(steps, step => Assert.True(step.Code == 0, step.Error));
        var revenue = JsonDocument.Parse(steps[3].Output).RootElement;

        // ¥100,000: half of it, capped at the ¥5,000 grant, goes back; 70% of ¥95,000 to contributors: Ina's fixed 20% of ¥66,500.
        var parts = revenue.GetProperty("parts").EnumerateArray().ToDictionary(
            p => p.GetProperty("displayName").GetString() is { Length: > 0 } person ? person : p.GetProperty("kind").GetString()!,
            p => p.GetProperty("amount").GetProperty("amount").GetString());
        Assert.Equal("5000", parts["recouped"]);
        Assert.Equal("13300", parts["稲"]);
        Assert.Equal(replay.Output, steps[3].Output);
        Assert.Equal(2, notTreasurer.Code);
        Assert.Contains("forbidden", notTreasurer.Error, StringComparison.Ordinal);
        Assert.Equal(2, twice.Code);
        Assert.Contains("batch_already_paid", twice.Error, StringComparison.Ordinal);
        var zengin = await File.ReadAllBytesAsync(file);
        Assert.Equal(4 * 122, zengin.Length);
        Assert.Equal("8000001000000013300", Encoding.ASCII.GetString(zengin, 2 * 122, 19));
        Assert.Contains(",claim,", statement.Output, StringComparison.Ordinal);
        Assert.True(verified.Code == 0, verified.Output + verified.Error);
    }
}
