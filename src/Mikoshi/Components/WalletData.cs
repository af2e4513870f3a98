using System.Text.Json;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Identity;
using Mikoshi.Features.Wallets;

namespace Mikoshi.Components;

/// <summary>What the sign-in and account pages need for wallets (Sign-In with Ethereum).</summary>
public static class WalletData
{
    private static readonly Error[] SiweErrors =
    [
        IdentityErrors.InvalidSiweMessage, IdentityErrors.SiweDomainMismatch, IdentityErrors.SiweUriMismatch, IdentityErrors.SiweChainMismatch,
        IdentityErrors.SiweExpired, IdentityErrors.SiweNotYetValid, WalletErrors.SiweNonceUnknown, WalletErrors.SiweNonceUsed,
        WalletErrors.SiweNonceExpired, GovernanceErrors.InvalidSignature, IdentityErrors.SignatureMismatch, GovernanceErrors.InvalidAddress,
        WalletErrors.WalletAlreadyLinked, WalletErrors.WalletLinkedElsewhere, WalletErrors.SiweOriginUnset, ApiErrors.RateLimited, WriteErrors.Conflict,
    ];

    /// <summary>The sentences wallets.js shows for the API's problem codes, in the reader's language.</summary>
    public static string ErrorsJson(ErrorText errors) => JsonSerializer.Serialize(SiweErrors.ToDictionary(error => error.Code, errors.For));
}
