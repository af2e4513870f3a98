using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A person's server-held secp256k1 key, the secret encrypted with ASP.NET Data Protection.</summary>
public sealed class CustodialKeyRow
{
    public PersonId PersonId { get; init; }

    /// <summary>EIP-55.</summary>
    public string Address { get; init; } = string.Empty;

    /// <summary>The 32-byte secret as hex, protected (never stored in the clear).</summary>
    public string ProtectedSecret { get; init; } = string.Empty;

    public long CreatedAtUnixMs { get; init; }

    public long? LastExportedAtUnixMs { get; set; }
}

/// <summary>An Ethereum address that acts for a person (custodial today; a wallet proven by SIWE in chain mode).</summary>
public sealed class WalletLinkRow
{
    /// <summary>Lower-case 0x-hex, so that lookups ignore the EIP-55 checksum's case.</summary>
    public string Address { get; init; } = string.Empty;

    public PersonId PersonId { get; init; }

    /// <summary>custodial (or siwe, later).</summary>
    public string Kind { get; init; } = string.Empty;

    public long LinkedAtUnixMs { get; init; }

    /// <summary>The EIP-4361 message the wallet signed when it was linked (or first signed in), for anyone to check; null for a custodial key, an outside holder, or a link made before #17.</summary>
    public string? LinkMessage { get; init; }

    /// <summary>The wallet's signature of <see cref="LinkMessage"/>.</summary>
    public string? LinkSignature { get; init; }
}

/// <summary>
/// A Sign-In with Ethereum nonce the server handed out: good once, until it expires. Expired rows are swept
/// when new nonces are issued, so the table holds roughly the last few minutes' worth.
/// </summary>
public sealed class SiweNonceRow
{
    /// <summary>ASCII letters and digits, as EIP-4361 allows.</summary>
    public string Nonce { get; init; } = string.Empty;

    /// <summary><c>sign-in</c>, or <c>link</c> (a wallet to the person who asked for it): a nonce serves only its purpose.</summary>
    public string Purpose { get; init; } = string.Empty;

    /// <summary>Who asked for a <c>link</c> nonce; only they may use it.</summary>
    public PersonId? PersonId { get; init; }

    public long IssuedAtUnixMs { get; init; }

    public long ExpiresAtUnixMs { get; init; }

    /// <summary>When a signed message carrying it was accepted; null while unused.</summary>
    public long? UsedAtUnixMs { get; set; }
}
