using System.Reflection;
using System.Text.Json;

namespace Mikoshi.Chain;

/// <summary>A compiled contract: its ABI (JSON) and creation bytecode (0x-hex), as solc-js built it.</summary>
public sealed record ContractArtifact(string Name, string Abi, string Bytecode);

/// <summary>
/// The contracts compiled from <c>contracts/</c> during this project's build and embedded in it, so
/// what is deployed is exactly what the sources in the repository say.
/// </summary>
public static class Contracts
{
    private static readonly Lazy<ContractArtifact> membership = new(() => Load("MikoshiMembership"));
    private static readonly Lazy<ContractArtifact> claims = new(() => Load("MikoshiClaims"));
    private static readonly Lazy<ContractArtifact> paymentSplitter = new(() => Load("PaymentSplitter"));
    private static readonly Lazy<ContractArtifact> testSafe = new(() => Load("MikoshiTestSafe"));

    /// <summary>The membership token: ERC-721, ERC-2981 royalty to the treasury, votes without self-delegation.</summary>
    public static ContractArtifact Membership => membership.Value;

    /// <summary>The holders' claims: one Merkle root of cumulative entitlements per asset and epoch.</summary>
    public static ContractArtifact Claims => claims.Value;

    /// <summary>OpenZeppelin 4.9's PaymentSplitter, the baseline the gas bench compares with.</summary>
    public static ContractArtifact PaymentSplitter => paymentSplitter.Value;

    /// <summary>A Safe-style contract wallet (owners, threshold, EIP-1271), which tests deploy to vote as a contract wallet.</summary>
    public static ContractArtifact TestSafe => testSafe.Value;

    private static ContractArtifact Load(string name)
    {
        using var stream = typeof(Contracts).Assembly.GetManifestResourceStream($"Mikoshi.Chain.Contracts.{name}.json")
            ?? throw new InvalidOperationException($"Contract {name} was not embedded; build src/Mikoshi.Chain with node available.");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        return new ContractArtifact(name, root.GetProperty("abi").GetRawText(), root.GetProperty("bytecode").GetString()!);
    }

    internal static Assembly Assembly => typeof(Contracts).Assembly;
}
