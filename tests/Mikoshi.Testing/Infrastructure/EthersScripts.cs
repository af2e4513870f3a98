using System.Diagnostics;
using System.Text.Json;

namespace Mikoshi.Tests.Infrastructure;

/// <summary>
/// The scripts under tests/js: clients written with ethers v6 that share no code with the server. Each prints one
/// JSON document; a script that fails fails the test with what it wrote to standard error.
/// </summary>
public static class EthersScripts
{
    public static string Directory { get; } = Path.Combine(Repository.Root, "tests", "js");

    public static async Task<JsonElement> RunAsync(string script, params string[] arguments)
    {
        Assert.True(System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "ethers")), "Run `npm ci --prefix tests/js` first (test.sh does).");
        var node = new ProcessStartInfo("node") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        node.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            node.ArgumentList.Add(argument);
        }

        using var process = Process.Start(node)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, await error);
        return JsonDocument.Parse(await output).RootElement;
    }
}
