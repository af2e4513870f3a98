using Mikoshi.Domain;

namespace Mikoshi.Features.Wallets;

/// <summary>
/// The errors of wallets and Sign-In with Ethereum: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class WalletErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>custodial_wallet</c></summary>
        public const string CustodialWallet = "custodial_wallet";

        /// <summary><c>last_sign_in_method</c></summary>
        public const string LastSignInMethod = "last_sign_in_method";

        /// <summary><c>siwe_nonce_expired</c></summary>
        public const string SiweNonceExpired = "siwe_nonce_expired";

        /// <summary><c>siwe_nonce_unknown</c></summary>
        public const string SiweNonceUnknown = "siwe_nonce_unknown";

        /// <summary><c>siwe_nonce_used</c></summary>
        public const string SiweNonceUsed = "siwe_nonce_used";

        /// <summary><c>siwe_origin_unset</c></summary>
        public const string SiweOriginUnset = "siwe_origin_unset";

        /// <summary><c>wallet_already_linked</c></summary>
        public const string WalletAlreadyLinked = "wallet_already_linked";

        /// <summary><c>wallet_linked_elsewhere</c></summary>
        public const string WalletLinkedElsewhere = "wallet_linked_elsewhere";

        /// <summary><c>wallet_not_linked</c></summary>
        public const string WalletNotLinked = "wallet_not_linked";
    }

    /// <summary>Your custodial key stays linked, so your custodial votes keep counting.</summary>
    public static Error CustodialWallet { get; } = new(Codes.CustodialWallet, ErrorKind.Invalid);

    /// <summary>This wallet is your only way to sign in. Add a passkey or link another wallet first.</summary>
    public static Error LastSignInMethod { get; } = new(Codes.LastSignInMethod, ErrorKind.Conflict);

    /// <summary>You took longer than 10 minutes to sign. Please try again.</summary>
    public static Error SiweNonceExpired { get; } = new(Codes.SiweNonceExpired, ErrorKind.Invalid);

    /// <summary>That message was not issued by this site for this purpose. Please start again.</summary>
    public static Error SiweNonceUnknown { get; } = new(Codes.SiweNonceUnknown, ErrorKind.Invalid);

    /// <summary>That signed message was already used. Each sign-in needs a new signature.</summary>
    public static Error SiweNonceUsed { get; } = new(Codes.SiweNonceUsed, ErrorKind.Conflict);

    /// <summary>This server does not know its public address yet, so wallet sign-in is off. Ask the operator to set Mikoshi:PublicOrigin.</summary>
    public static Error SiweOriginUnset { get; } = new(Codes.SiweOriginUnset, ErrorKind.Conflict);

    /// <summary>That wallet is already linked to you.</summary>
    public static Error WalletAlreadyLinked { get; } = new(Codes.WalletAlreadyLinked, ErrorKind.Conflict);

    /// <summary>That wallet is linked to another person. They must unlink it first.</summary>
    public static Error WalletLinkedElsewhere { get; } = new(Codes.WalletLinkedElsewhere, ErrorKind.Conflict);

    /// <summary>That wallet is not one of yours.</summary>
    public static Error WalletNotLinked { get; } = new(Codes.WalletNotLinked, ErrorKind.NotFound);
}
