using System.Buffers;
using NBitcoin.Secp256k1;

namespace Mikoshi.Domain.Governance;

/// <summary>
/// Who signed a digest: secp256k1 public key recovery as Ethereum wallets sign (<c>personal_sign</c>,
/// <c>eth_signTypedData_v4</c>), through the managed NBitcoin.Secp256k1.
/// </summary>
public static class Signatures
{
    /// <summary>The number of bytes in a signature: r (32) ‖ s (32) ‖ v (1).</summary>
    public const int Length = 65;

    /// <summary>The number of bytes in a compact signature (EIP-2098): r (32) ‖ yParity·2^255 + s (32).</summary>
    public const int CompactLength = 64;

    /// <summary>
    /// The address whose key signed <paramref name="digest32"/>. The signature is 65 bytes r‖s‖v in hex, with or
    /// without <c>0x</c>; v is 27 or 28 (or 0 or 1, as some hardware wallets write it). A 64-byte compact signature
    /// (EIP-2098, r ‖ vs, the recovery bit in the top bit of vs) is the same signature written shorter, and is read as such. Refused with
    /// <c>invalid_signature</c>: bad hex or length, v out of range, r or s zero or not below the group order n,
    /// s above n/2 (EIP-2: every signature has a twin with s' = n − s, and accepting both would let anyone
    /// change a vote's bytes without the key), and a signature from which no key can be recovered.
    /// A signature over another digest usually recovers <em>some</em> address: compare it with the one expected.
    /// </summary>
    /// <param name="digest32">The 32-byte digest that was signed.</param>
    /// <param name="signatureHex">The signature as a wallet returns it.</param>
    /// <exception cref="ArgumentException">The digest is not 32 bytes (the caller computes it, so this is a bug).</exception>
    public static Result<EthAddress> Recover(ReadOnlySpan<byte> digest32, string? signatureHex)
    {
        if (digest32.Length != 32)
        {
            throw new ArgumentException("A digest is 32 bytes.", nameof(digest32));
        }

        var hex = signatureHex.AsSpan();
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[2..];
        }

        Span<byte> signature = stackalloc byte[Length];
        if (hex.Length == 2 * CompactLength)
        {
            // EIP-2098: s never uses its top bit (EIP-2 keeps it below n/2), so the recovery bit rides there.
            if (Convert.FromHexString(hex, signature[..CompactLength], out _, out var compactWritten) != OperationStatus.Done || compactWritten != CompactLength)
            {
                return Invalid("A compact signature is 64 bytes r‖vs written as 128 hexadecimal digits, with or without 0x.");
            }

            signature[64] = (byte)(27 + (signature[32] >> 7));
            signature[32] &= 0x7f;
        }
        else if (hex.Length != 2 * Length || Convert.FromHexString(hex, signature, out _, out var written) != OperationStatus.Done || written != Length)
        {
            return Invalid("A signature is 65 bytes r‖s‖v written as 130 hexadecimal digits (or 64 bytes r‖vs, EIP-2098, as 128), with or without 0x.");
        }

        var recoveryId = signature[64] switch
        {
            27 or 0 => 0,
            28 or 1 => 1,
            _ => -1,
        };
        if (recoveryId < 0)
        {
            return Invalid("A signature's last byte v is 27 or 28 (or 0 or 1).");
        }

        var r = new Scalar(signature[..32], out var rOverflow);
        var s = new Scalar(signature[32..64], out var sOverflow);
        if (rOverflow != 0 || sOverflow != 0 || r.IsZero || s.IsZero)
        {
            return Invalid("A signature's r and s are each above zero and below the secp256k1 group order.");
        }

        if (s.IsHigh)
        {
            return Invalid("A signature's s must be at most half the group order (EIP-2); wallets always sign that way.");
        }

        if (!SecpRecoverableECDSASignature.TryCreateFromCompact(signature[..64], recoveryId, out var recoverable)
            || !ECPubKey.TryRecover(Context.Instance, recoverable, digest32, out var publicKey))
        {
            return Invalid("No public key can be recovered from this signature.");
        }

        Span<byte> uncompressed = stackalloc byte[65];
        publicKey.WriteToSpan(compressed: false, uncompressed, out _);
        return EthAddress.FromPublicKey(uncompressed);

        static Error Invalid(string detail) => GovernanceErrors.InvalidSignature;
    }
}
