namespace Mikoshi.Domain.Identity;

/// <summary>
/// What a server expects of a Sign-In with Ethereum message: its own origin (the domain must be its authority
/// and the URI must be on it), its chain, and the instant it checks at.
/// </summary>
/// <param name="Origin">The server's origin, <c>scheme://host[:port]</c>, such as <c>https://mikoshi.example</c>.</param>
/// <param name="ChainId">The chain id sessions are bound to.</param>
/// <param name="Now">The instant of the check (the caller's clock).</param>
public sealed record SiweExpectations(Uri Origin, long ChainId, DateTimeOffset Now)
{
    /// <summary>How far ahead of the server's clock a message's issue time may be, for a wallet whose clock runs fast.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The authority the domain must equal: host, with the port unless it is the scheme's default.</summary>
    public string Domain => Origin.IsDefaultPort ? Origin.Host : $"{Origin.Host}:{Origin.Port}";
}

/// <summary>
/// Checks a signed Sign-In with Ethereum message against the server's expectations, as EIP-4361 asks of a relying
/// party: the ABNF, the domain and scheme, the URI, the chain, the time bounds, and the EIP-191 signature. The
/// nonce's freshness needs the server's store, so the caller checks <see cref="SiweMessage.Nonce"/> itself.
/// </summary>
public static class SiweVerification
{
    /// <summary>
    /// The message, when every check passes. Failures, in this order: <c>invalid_siwe_message</c>,
    /// <c>siwe_domain_mismatch</c> (another site asked for the signature), <c>siwe_uri_mismatch</c> (the URI is not
    /// on this server), <c>siwe_chain_mismatch</c>, <c>siwe_expired</c>, <c>siwe_not_yet_valid</c> (not-before, or
    /// issued more than <see cref="SiweExpectations.ClockSkew"/> in the future), <c>invalid_signature</c>, and
    /// <c>signature_mismatch</c> (a valid signature by another key than the message's address).
    /// </summary>
    /// <param name="text">The message exactly as it was signed.</param>
    /// <param name="signatureHex">The <c>personal_sign</c> signature, 65 bytes in hex.</param>
    /// <param name="expected">The server's origin, chain and clock.</param>
    public static Result<SiweMessage> Verify(string? text, string? signatureHex, SiweExpectations expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var parsed = SiweMessage.Parse(text);
        if (!parsed.IsSuccess)
        {
            return parsed;
        }

        var message = parsed.Value;
        if (!string.Equals(message.Domain, expected.Domain, StringComparison.OrdinalIgnoreCase)
            || (message.Scheme is not null && !string.Equals(message.Scheme, expected.Origin.Scheme, StringComparison.OrdinalIgnoreCase)))
        {
            return IdentityErrors.SiweDomainMismatch;
        }

        if (!Uri.TryCreate(message.Uri, UriKind.Absolute, out var uri)
            || !string.Equals(uri.GetLeftPart(UriPartial.Authority), expected.Origin.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            return IdentityErrors.SiweUriMismatch;
        }

        if (message.ChainId != expected.ChainId)
        {
            return IdentityErrors.SiweChainMismatch;
        }

        if (message.ExpirationTime is { } expiry && expiry <= expected.Now)
        {
            return IdentityErrors.SiweExpired;
        }

        if ((message.NotBefore is { } notBefore && notBefore > expected.Now) || message.IssuedAt > expected.Now + SiweExpectations.ClockSkew)
        {
            return IdentityErrors.SiweNotYetValid;
        }

        var signer = PersonalSign.Recover(text!, signatureHex);
        if (!signer.IsSuccess)
        {
            return signer.Error;
        }

        return signer.Value == message.Address
            ? message
            : IdentityErrors.SignatureMismatch;
    }
}
