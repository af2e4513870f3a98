using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mikoshi.Bench.Ledger;
using Mikoshi.Chain;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Bench.Gas;

/// <summary>Gas at one number of recipients, read from receipts.</summary>
public sealed record GasAt(
    int Recipients,
    long ClaimsDeploy,
    long Publish,
    long ClaimMedian,
    long ClaimMin,
    long ClaimMax,
    int ClaimsMeasured,
    long SplitterDeploy,
    long SplitterFund,
    long ReleaseMedian,
    long ReleaseMin,
    long ReleaseMax);

public sealed record GasResult(string Anvil, string Solc, IReadOnlyList<GasAt> Points);

/// <summary>
/// Gas per revenue distribution and per claim: Mikoshi's claims contract (publish a Merkle root of cumulative
/// entitlements; claim with a proof) against OpenZeppelin 4.9's PaymentSplitter (deployed with the payees and
/// shares; funded by a plain transfer; release per payee), on one anvil node, with the same payees and the same
/// amounts in the same run. Gas is deterministic for a given state, so one run per point is the measurement.
/// </summary>
public static class GasRun
{
    private const string OperatorKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public static async Task<int> RunAsync(string resultFile, string contractsDir, int[] recipients, int claims)
    {
        var binary = Path.Combine(contractsDir, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        var port = FreePort();
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--chain-id", "31337", "--accounts", "1", "--balance", "1000000" })
        {
            start.ArgumentList.Add(arg);
        }

        using var anvil = Process.Start(start)!;
        try
        {
            await WaitAsync(port);
            var version = await VersionAsync(binary);
            using var chain = new ChainClient(new ChainEndpoint($"http://127.0.0.1:{port}", OperatorKey, 31337, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30)));
            var points = new List<GasAt>();
            foreach (var n in recipients)
            {
                points.Add(await MeasureAsync(chain, n, Math.Min(claims, n)));
                Console.Error.WriteLine($"gas: {n} recipients measured");
            }

            var solc = JsonNode.Parse(File.ReadAllText(Path.Combine(contractsDir, "node_modules", "solc", "package.json")))!["version"]!.GetValue<string>();
            File.WriteAllText(resultFile, JsonSerializer.Serialize(new GasResult(version, solc, points), LedgerRun.Json));
            return 0;
        }
        finally
        {
            anvil.Kill(entireProcessTree: true);
            await anvil.WaitForExitAsync();
        }
    }

    private static async Task<GasAt> MeasureAsync(ChainClient chain, int n, int sampled)
    {
        var random = new Random(n);
        var payees = Enumerable.Range(0, n).Select(_ => Random(random)).ToList();
        var shares = Enumerable.Range(0, n).Select(_ => new BigInteger(random.Next(1, 1000))).ToList();
        var totalShares = shares.Aggregate(BigInteger.Zero, (a, b) => a + b);
        // Revenue divisible by the total of shares, so both sides pay exactly the same amounts.
        var revenue = totalShares * BigInteger.Pow(10, 12);
        var amounts = shares.Select(s => revenue * s / totalShares).ToList();
        var sample = Enumerable.Range(0, n).OrderBy(_ => random.Next()).Take(sampled).ToList();

        // Every sampled payee holds 1 wei first: otherwise whichever side paid an address first would also pay the
        // 25,000 gas of creating its account, and the other side would not.
        foreach (var i in sample)
        {
            await chain.PayAsync(payees[i], BigInteger.One);
        }

        // Mikoshi: a claims contract, one root for every payee, claims with proofs.
        var claimsDeploy = await chain.DeployAsync(Contracts.Claims, 0, CancellationToken.None, chain.Operator.ToString());
        var claimsAddress = EthAddress.Parse(claimsDeploy.ContractAddress!.ToLowerInvariant()).Value;
        var tree = ClaimTree.Build(payees.Select((p, i) => new ClaimLeaf(default, p, amounts[i])));
        var publish = await chain.TransactAsync(Contracts.Claims, claimsAddress, "publish", revenue, CancellationToken.None, default(EthAddress).ToString(), BigInteger.One, tree.Root, tree.Total);
        var claimGas = new List<long>();
        foreach (var i in sample)
        {
            var claimed = await chain.TransactAsync(Contracts.Claims, claimsAddress, "claim", 0, CancellationToken.None,
                default(EthAddress).ToString(), BigInteger.One, payees[i].ToString(), amounts[i], tree.ProofOf(payees[i]).ToList());
            claimGas.Add((long)claimed.GasUsed);
        }

        // PaymentSplitter: the payees and shares at construction, revenue by a plain transfer, release per payee.
        var splitter = Contracts.PaymentSplitter with { Abi = WithoutTokenRelease(Contracts.PaymentSplitter.Abi) };
        var splitterDeploy = await chain.DeployAsync(splitter, 0, CancellationToken.None, payees.Select(p => p.ToString()).ToList(), shares);
        var splitterAddress = EthAddress.Parse(splitterDeploy.ContractAddress!.ToLowerInvariant()).Value;
        var fund = await chain.PayAsync(splitterAddress, revenue);
        var releaseGas = new List<long>();
        foreach (var i in sample)
        {
            var released = await chain.TransactAsync(splitter, splitterAddress, "release", 0, CancellationToken.None, payees[i].ToString());
            releaseGas.Add((long)released.GasUsed);
            if (await chain.BalanceAsync(payees[i]) != amounts[i] * 2 + 1)
            {
                throw new InvalidOperationException($"Payee {i} was not paid the same by both sides.");
            }
        }

        claimGas.Sort();
        releaseGas.Sort();
        return new GasAt(n, (long)claimsDeploy.GasUsed, (long)publish.GasUsed, claimGas[claimGas.Count / 2], claimGas[0], claimGas[^1], sampled,
            (long)splitterDeploy.GasUsed, (long)fund.GasUsed, releaseGas[releaseGas.Count / 2], releaseGas[0], releaseGas[^1]);
    }

    // PaymentSplitter overloads release for ERC-20 tokens; the native-coin release(address) is the one compared.
    private static string WithoutTokenRelease(string abi)
    {
        var entries = JsonNode.Parse(abi)!.AsArray();
        foreach (var entry in entries.Where(e => e!["name"]?.GetValue<string>() is "release" or "released" or "releasable" or "totalReleased"
                     && e["inputs"]!.AsArray().Any(i => i!["type"]!.GetValue<string>() == "address" && i["name"]!.GetValue<string>() == "token")).ToList())
        {
            entries.Remove(entry);
        }

        return entries.ToJsonString();
    }

    private static EthAddress Random(Random random)
    {
        var bytes = new byte[20];
        random.NextBytes(bytes);
        return EthAddress.Parse("0x" + Convert.ToHexStringLower(bytes)).Value;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitAsync(int port)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("anvil did not start.");
    }

    private static async Task<string> VersionAsync(string binary)
    {
        var start = new ProcessStartInfo(binary, "--version") { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text.Split('\n')[0].Replace("Version: ", string.Empty, StringComparison.Ordinal).Trim();
    }
}
