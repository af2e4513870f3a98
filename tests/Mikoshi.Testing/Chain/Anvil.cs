using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Mikoshi.Chain;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Chain;

/// <summary>
/// A real anvil node from contracts/node_modules (the native binary, not npx, whose wrapper would
/// outlive a kill) on 127.0.0.1 and a free port; killed on dispose.
/// </summary>
public sealed class Anvil : IDisposable
{
    /// <summary>anvil's first well-known development account (funded with 10,000 ether): the operator in tests.</summary>
    public const string OperatorKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    /// <summary>anvil's second development account: someone outside Mikoshi.</summary>
    public const string OutsiderKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    public const long ChainId = 31337;

    private readonly Process process;

    public Anvil()
    {
        var binary = Path.Combine(Repository.Root, "contracts", "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException("Run `npm ci --prefix contracts` first (test.sh and the build of src/Mikoshi.Chain do).");
        }

        Port = FreePort();
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--host", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--chain-id", "31337" })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        WaitUntilListening();
    }

    public int Port { get; }

    public string RpcUrl => $"http://127.0.0.1:{Port}";

    public ChainEndpoint Endpoint(TimeSpan? receiptTimeout = null, string key = OperatorKey) =>
        new(RpcUrl, key, ChainId, receiptTimeout ?? TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));

    public ChainClient Client(TimeSpan? receiptTimeout = null, string key = OperatorKey) => new(Endpoint(receiptTimeout, key));

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void WaitUntilListening()
    {
        // anvil is ready in well under a second; this bounds the wait instead of trusting that.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"anvil exited with {process.ExitCode}.");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException("anvil did not start listening.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One anvil node per test class.</summary>
public sealed class AnvilFixture : IDisposable
{
    public Anvil Node { get; } = new();

    public void Dispose() => Node.Dispose();
}
