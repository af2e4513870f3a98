using System.Security.Cryptography;
using NBitcoin.Secp256k1;

namespace Mikoshi.Domain.Governance;

/// <summary>
/// A secp256k1 key the server keeps for a member without a wallet, so that their votes are signed exactly as a
/// wallet's would be and anyone can verify them the same way. Storing the secret (encrypted) is the caller's job;
/// this type never writes it anywhere.
/// </summary>
public sealed class CustodialKey
{
    private readonly byte[] secret;
    private readonly ECPrivKey key;

    private CustodialKey(byte[] secret, ECPrivKey key)
    {
        this.secret = secret;
        this.key = key;
        Span<byte> uncompressed = stackalloc byte[65];
        key.CreatePubKey().WriteToSpan(compressed: false, uncompressed, out _);
        Address = EthAddress.FromPublicKey(uncompressed);
    }

    /// <summary>The address this key signs as.</summary>
    public EthAddress Address { get; }

    /// <summary>A new key from the operating system's cryptographic random number generator.</summary>
    public static CustodialKey Generate()
    {
        // A random 32 bytes is a valid secret unless it is zero or at least n: a chance near 2^-128 to try again.
        while (true)
        {
            var secret = RandomNumberGenerator.GetBytes(32);
            if (ECPrivKey.TryCreate(secret, out var key))
            {
                return new CustodialKey(secret, key);
            }
        }
    }

    /// <summary>
    /// A key from its 32-byte secret (big-endian), as <see cref="Secret"/> gave it. Fails with
    /// <c>invalid_custodial_key</c> when the secret is not 32 bytes, is zero, or is not below the group order.
    /// </summary>
    /// <param name="secret32">The secret.</param>
    public static Result<CustodialKey> FromSecret(ReadOnlySpan<byte> secret32)
    {
        if (secret32.Length != 32 || !ECPrivKey.TryCreate(secret32, out var key))
        {
            return GovernanceErrors.InvalidCustodialKey;
        }

        return new CustodialKey(secret32.ToArray(), key);
    }

    /// <summary>A copy of the 32-byte secret, to encrypt at rest or hand to its owner on export.</summary>
    public byte[] Secret() => (byte[])secret.Clone();

    /// <summary>
    /// Signs a 32-byte digest as a wallet would: <c>0x</c> + 130 hex digits r‖s‖v, s at most n/2 (EIP-2), v 27 or 28.
    /// The nonce is derived from the key and the digest (RFC 6979), so the same digest always gives the same signature.
    /// </summary>
    /// <param name="digest32">The digest, such as <see cref="VoteTypedData.Digest"/>.</param>
    /// <exception cref="ArgumentException">The digest is not 32 bytes.</exception>
    public string Sign(ReadOnlySpan<byte> digest32)
    {
        if (digest32.Length != 32)
        {
            throw new ArgumentException("A digest is 32 bytes.", nameof(digest32));
        }

        if (!key.TrySignRecoverable(digest32, out var recoverable) || recoverable is null)
        {
            throw new InvariantViolatedException("secp256k1 could not sign with a valid key.");
        }

        Span<byte> signature = stackalloc byte[Signatures.Length];
        recoverable.WriteToSpanCompact(signature[..64], out var recoveryId);
        signature[64] = (byte)(27 + recoveryId);
        return "0x" + Convert.ToHexStringLower(signature);
    }
}
