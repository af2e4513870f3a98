using System.Text.Json;
using Mikoshi.Tests.Cli;

namespace Mikoshi.Tests.Http.Governance;

/// <summary>The governance verbs, through the executable's entry point.</summary>
[Collection(Mikoshi.Tests.Cli.CliCollection.Name)]
public sealed class GovernanceCliTests
{
    [Fact]
    public async Task Governance_FromTheCommandLine_ProposeDelegateVoteShowCancel()
    {
        string[] store = ["--provider", "sqlite", "--db", $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-cli-{Guid.NewGuid():N}.db")}"];
        string[] community = ["--community", "cli-gov", .. store];
        foreach (var (who, name) in new[] { ("admin", "Admin"), ("aki", "Aki"), ("ben", "Ben") })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["person", "add", "--email", $"{who}@example.jp", "--password", "long enough password", "--name", name, .. store])).Code);
        }

        Assert.Equal(0, (await CliTests.RunAsync(["community", "create", "--owner", "admin@example.jp", "--slug", "cli-gov", "--name", "Gov", .. store])).Code);
        foreach (var who in new[] { "aki", "ben" })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["deposit", "--by", "admin@example.jp", "--asset", "JPY", "--amount", "20000", "--reference", "r", "--for", $"{who}@example.jp", .. community])).Code);
            Assert.Equal(0, (await CliTests.RunAsync(["token", "mint", "--by", $"{who}@example.jp", .. community])).Code);
        }

        var delegated = await CliTests.RunAsync(["delegate", "--by", "ben@example.jp", "--to", "aki@example.jp", .. community]);
        var loop = await CliTests.RunAsync(["delegate", "--by", "aki@example.jp", "--to", "ben@example.jp", .. community]);
        var created = await CliTests.RunAsync(["proposal", "create", "--by", "aki@example.jp", "--kind", "parameter", "--title", "Royalty 3%", "--payload", "{\"name\":\"royaltyBps\",\"value\":\"300\"}", .. community]);
        var outOfRange = await CliTests.RunAsync(["proposal", "create", "--by", "aki@example.jp", "--kind", "parameter", "--title", "x", "--payload", "{\"name\":\"royaltyBps\",\"value\":\"99999\"}", .. community]);
        var notMember = await CliTests.RunAsync(["proposal", "create", "--by", "admin@example.jp", "--kind", "signal", "--title", "x", .. community]);
        var voted = await CliTests.RunAsync(["proposal", "vote", "1", "--by", "aki@example.jp", "--choice", "for", "--reason", "安く", .. community]);
        var show = await CliTests.RunAsync(["proposal", "show", "1", .. community]);
        var list = await CliTests.RunAsync(["proposal", "list", .. community]);
        var cancelled = await CliTests.RunAsync(["proposal", "cancel", "1", "--by", "aki@example.jp", .. community]);
        var executed = await CliTests.RunAsync(["proposal", "execute", .. store]);
        var verified = await CliTests.RunAsync(["verify", .. store]);

        foreach (var step in new[] { delegated, created, voted, show, list, cancelled, executed })
        {
            Assert.True(step.Code == 0, step.Error);
        }

        Assert.Equal(2, loop.Code);
        Assert.Contains("delegation_loop", loop.Error, StringComparison.Ordinal);
        Assert.Equal(2, outOfRange.Code);
        Assert.Contains("parameter_out_of_range", outOfRange.Error, StringComparison.Ordinal);
        Assert.Contains("forbidden", notMember.Error, StringComparison.Ordinal);
        var shown = JsonDocument.Parse(show.Output).RootElement;

        // Ben delegated to Aki before the proposal opened: her vote carries both tokens.
        Assert.Equal(2, shown.GetProperty("proposal").GetProperty("tally").GetProperty("for").GetInt64());
        var vote = Assert.Single(shown.GetProperty("votes").GetProperty("votes").EnumerateArray());
        Assert.True(vote.GetProperty("custodial").GetBoolean());
        Assert.Equal("cancelled", JsonDocument.Parse(cancelled.Output).RootElement.GetProperty("state").GetString());
        Assert.Equal(0, JsonDocument.Parse(executed.Output).RootElement.GetArrayLength());
        Assert.True(verified.Code == 0, verified.Output + verified.Error);
    }
}
