using System.Globalization;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Cli;

/// <summary>
/// Issue #20, part 7: `mikoshi demo` tells a true story. Every step it takes is accepted (a refused one stops it with
/// a non-zero exit), every date it writes is in the past, the member said to leave and come back really does, the
/// books verify, and it says whom to sign in as.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class DemoCliTests
{
    [Theory]
    // SQLite only: the command line runs on PostgreSQL in CliTests; this story's rules hold on either store (proved through HTTP on both).
    [InlineData("sqlite")]
    public async Task Demo_WritesOnlyThePast_SakuraLeavesAndReturns_AndTheBooksVerify(string provider)
    {
        var db = provider == "postgres"
            ? PostgresServer.NewDatabase()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-demo-{Guid.NewGuid():N}.db")}";
        string[] store = ["--provider", provider, "--db", db];
        var started = DateTimeOffset.UtcNow;

        var demo = await CliTests.RunAsync(["demo", .. store]);
        Assert.True(demo.Code == 0, demo.Error + demo.Output);
        Assert.Contains("hanako@demo.mikoshi.example", demo.Output, StringComparison.Ordinal);
        Assert.Contains("sakura@demo.mikoshi.example", demo.Output, StringComparison.Ordinal);
        Assert.Contains("/signin", demo.Output, StringComparison.Ordinal);

        var verified = await CliTests.RunAsync(["verify", .. store]);
        Assert.True(verified.Code == 0, verified.Output);

        var csv = await CliTests.RunAsync(["ledger", "--community", "creators-salon", "--format", "csv", .. store]);
        Assert.Equal(0, csv.Code);
        var rows = Csv.Records(csv.Output, "\n").Records.Where(r => r is not [""]).Skip(1)
            .Select(f => (Entry: long.Parse(f[0], CultureInfo.InvariantCulture), At: DateTimeOffset.Parse(f[1], CultureInfo.InvariantCulture), Kind: f[2], Account: f[3], Reference: f[6]))
            .ToList();
        Assert.All(rows, r => Assert.True(r.At < started, $"entry {r.Entry} is dated {r.At:O}, after the demo ran"));

        // さくら's rejoining fee names her id's first characters; she redeemed before it and minted after it.
        var rejoined = Assert.Single(rows.Where(r => r.Reference.StartsWith("再入会 ", StringComparison.Ordinal)).Select(r => (r.Entry, r.Reference)).Distinct());
        var sakura = "person:" + rejoined.Reference["再入会 ".Length..];
        var left = Assert.Single(rows.Where(r => r.Kind == "redemption").Select(r => r.Entry).Distinct());
        var her = Assert.Single(rows.Where(r => r.Entry == left && r.Account.StartsWith(sakura, StringComparison.Ordinal)).Select(r => r.Account).Distinct());
        Assert.True(left < rejoined.Entry);
        Assert.Contains(rows, r => r.Kind == "mint" && r.Entry > rejoined.Entry && r.Account == her);
    }
}
