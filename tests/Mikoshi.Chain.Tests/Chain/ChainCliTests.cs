using System.Text.Json;
using Mikoshi.Tests.Cli;

namespace Mikoshi.Tests.Chain;

/// <summary>
/// `mikoshi chain …` as an operator runs it: separate processes, the node from --chain-rpc, the key from the
/// environment (the verbs that need no chain run in this process). The only in-process verbs of this lane, so it needs
/// no collection to keep the parser's shared option objects to one command line at a time (the Api lane's `cli`).
/// </summary>
public sealed class ChainCliTests(AnvilFixture fixture) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task ChainVerbs_DeployStatusIndexPublish_FromTheCommandLine()
    {
        var db = $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-chain-cli-{Guid.NewGuid():N}.db")}";
        string[] store = ["--provider", "sqlite", "--db", db];
        string[] rpc = ["--chain-rpc", fixture.Node.RpcUrl];
        Assert.Equal(0, (await CliRunner.RunAsync(["person", "add", "--email", "rin@example.jp", "--password", "long enough password", "--name", "凛", .. store])).Code);
        Assert.Equal(0, (await CliRunner.RunAsync(["community", "create", "--owner", "rin@example.jp", "--slug", "chain-salon", "--name", "鎖の神輿", "--value", "joy", .. store])).Code);

        var deployed = await RunAsync(["chain", "deploy", "--community", "chain-salon", "--by", "rin@example.jp", .. rpc, .. store]);
        Assert.True(deployed.Code == 0, deployed.Error);
        var membership = JsonDocument.Parse(deployed.Output).RootElement.GetProperty("membership").GetString();
        var again = await RunAsync(["chain", "deploy", "--community", "chain-salon", "--by", "rin@example.jp", .. rpc, .. store]);
        Assert.Contains("already_deployed", again.Error, StringComparison.Ordinal);

        var indexed = await RunAsync(["chain", "index", "--community", "chain-salon", .. rpc, .. store]);
        Assert.True(indexed.Code == 0, indexed.Error);
        var status = await RunAsync(["chain", "status", "--community", "chain-salon", .. rpc, .. store]);
        Assert.True(status.Code == 0, status.Error);
        var view = JsonDocument.Parse(status.Output).RootElement;
        Assert.Equal(membership, view.GetProperty("membership").GetString());
        Assert.Equal(view.GetProperty("head").GetInt64(), view.GetProperty("indexedBlock").GetInt64());
        Assert.Equal(0, view.GetProperty("lag").GetInt64());

        var nothing = await RunAsync(["chain", "publish", "--community", "chain-salon", "--by", "rin@example.jp", .. rpc, .. store]);
        Assert.NotEqual(0, nothing.Code);
        Assert.Contains("nothing_to_publish", nothing.Error, StringComparison.Ordinal);

        var cut = await RunAsync(["chain", "status", "--community", "chain-salon", "--chain-rpc", $"http://127.0.0.1:{Anvil.FreePort()}", .. store]);
        Assert.True(cut.Code == 0, cut.Error);
        Assert.Equal("chain_unavailable", JsonDocument.Parse(cut.Output).RootElement.GetProperty("chainProblem").GetString());
        Assert.Equal(0, (await CliRunner.RunAsync(["chain", "--help"])).Code);
    }

    /// <summary>The executable as its own process, with the operator's key and chain settings in its environment.</summary>
    private static Task<(int Code, string Output, string Error)> RunAsync(string[] args) =>
        CliRunner.RunProcessAsync(args, new Dictionary<string, string>
        {
            ["Mikoshi__Chain__OperatorKey"] = Anvil.OperatorKey,
            ["Mikoshi__Chain__Confirmations"] = "0",
            ["Mikoshi__Chain__PollSeconds"] = "3600",
        });
}
