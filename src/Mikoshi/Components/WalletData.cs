using System.Text.Json;

namespace Mikoshi.Components;

/// <summary>What the sign-in and account pages need for wallets (Sign-In with Ethereum).</summary>
public static class WalletData
{
    private static readonly string[] SiweCodes =
    [
        "invalid_siwe_message", "siwe_domain_mismatch", "siwe_uri_mismatch", "siwe_chain_mismatch", "siwe_expired", "siwe_not_yet_valid",
        "siwe_nonce_unknown", "siwe_nonce_used", "siwe_nonce_expired", "invalid_signature", "signature_mismatch", "invalid_address",
        "wallet_already_linked", "wallet_linked_elsewhere", "siwe_origin_unset", "rate_limited", "conflict",
    ];

    /// <summary>The sentences wallets.js shows for the API's problem codes, in the reader's language.</summary>
    public static string ErrorsJson(ErrorText errors) => JsonSerializer.Serialize(SiweCodes.ToDictionary(code => code, errors.For));
}
