using Mikoshi.Domain.Governance;

namespace Mikoshi.Chain;

/// <summary>
/// EIP-1271: a contract wallet (a Safe, say) has no key of its own, so it says whether a signature is its own
/// through <c>isValidSignature(bytes32 hash, bytes signature)</c>, answering the magic value 0x1626ba7e when it is.
/// </summary>
public static class ContractSignatures
{
    /// <summary>The selector of <c>isValidSignature(bytes32,bytes)</c>, which is also the value a contract answers to say yes.</summary>
    public const string MagicValue = "1626ba7e";

    /// <summary>
    /// True when <paramref name="wallet"/> is a contract that accepts <paramref name="signature"/> for
    /// <paramref name="digest32"/> at the newest block. An account without code, a revert, or any other answer is
    /// a no. <see cref="ChainUnavailableException"/> when the node cannot be asked.
    /// </summary>
    /// <param name="chain">The chain client.</param>
    /// <param name="wallet">The contract wallet's address.</param>
    /// <param name="digest32">The digest signed (for a vote, the EIP-712 digest).</param>
    /// <param name="signature">The signature bytes as the wallet's owners gave them.</param>
    public static async Task<bool> IsValidAsync(ChainClient chain, EthAddress wallet, ReadOnlyMemory<byte> digest32, ReadOnlyMemory<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (digest32.Length != 32)
        {
            throw new ArgumentException("A digest is 32 bytes.", nameof(digest32));
        }

        // ABI: selector ‖ hash ‖ offset of the bytes (0x40) ‖ their length ‖ the bytes padded to 32.
        var padded = (signature.Length + 31) / 32 * 32;
        var data = new byte[4 + 32 + 32 + 32 + padded];
        Convert.FromHexString(MagicValue).CopyTo(data, 0);
        digest32.Span.CopyTo(data.AsSpan(4));
        data[4 + 32 + 31] = 0x40;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(4 + 64 + 28), signature.Length);
        signature.Span.CopyTo(data.AsSpan(4 + 96));

        string answer;
        try
        {
            answer = await chain.RequestAsync<string>("eth_call", new { to = wallet.ToString(), data = "0x" + Convert.ToHexStringLower(data) }, "latest");
        }
        catch (ChainRefusedException)
        {
            return false;
        }

        // The answer is a bytes4 left-aligned in one 32-byte word; an account without code answers "0x".
        var hex = answer.AsSpan(answer.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? 2 : 0);
        return hex.Length == 64 && hex[..8].Equals(MagicValue, StringComparison.OrdinalIgnoreCase) && hex[8..].TrimStart('0').IsEmpty;
    }
}
