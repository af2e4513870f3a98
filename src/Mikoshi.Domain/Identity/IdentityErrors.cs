namespace Mikoshi.Domain.Identity;

/// <summary>
/// The errors of people, passwords, display names and signed messages: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class IdentityErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>invalid_display_name</c></summary>
        public const string InvalidDisplayName = "invalid_display_name";

        /// <summary><c>invalid_siwe_message</c></summary>
        public const string InvalidSiweMessage = "invalid_siwe_message";

        /// <summary><c>password_too_long</c></summary>
        public const string PasswordTooLong = "password_too_long";

        /// <summary><c>person_not_found</c></summary>
        public const string PersonNotFound = "person_not_found";

        /// <summary><c>signature_mismatch</c></summary>
        public const string SignatureMismatch = "signature_mismatch";

        /// <summary><c>siwe_chain_mismatch</c></summary>
        public const string SiweChainMismatch = "siwe_chain_mismatch";

        /// <summary><c>siwe_domain_mismatch</c></summary>
        public const string SiweDomainMismatch = "siwe_domain_mismatch";

        /// <summary><c>siwe_expired</c></summary>
        public const string SiweExpired = "siwe_expired";

        /// <summary><c>siwe_not_yet_valid</c></summary>
        public const string SiweNotYetValid = "siwe_not_yet_valid";

        /// <summary><c>siwe_uri_mismatch</c></summary>
        public const string SiweUriMismatch = "siwe_uri_mismatch";

        /// <summary><c>weak_password</c></summary>
        public const string WeakPassword = "weak_password";
    }

    /// <summary>The display name must be at most {0} characters.</summary>
    public static Error InvalidDisplayName { get; } = new(Codes.InvalidDisplayName, ErrorKind.Invalid, DisplayNameRules.MaxLength);

    /// <summary>The sign-in message is not in the Sign-In with Ethereum format.</summary>
    public static Error InvalidSiweMessage { get; } = new(Codes.InvalidSiweMessage, ErrorKind.Malformed);

    /// <summary>A password has at most {0} characters.</summary>
    public static Error PasswordTooLong { get; } = new(Codes.PasswordTooLong, ErrorKind.Invalid, PasswordPolicy.MaxLength);

    /// <summary>There is no person with that id.</summary>
    public static Error PersonNotFound { get; } = new(Codes.PersonNotFound, ErrorKind.NotFound);

    /// <summary>The signature was not made by this voter for this vote.</summary>
    public static Error SignatureMismatch { get; } = new(Codes.SignatureMismatch, ErrorKind.Invalid);

    /// <summary>Your wallet signed for another chain than this community uses.</summary>
    public static Error SiweChainMismatch { get; } = new(Codes.SiweChainMismatch, ErrorKind.Invalid);

    /// <summary>That message was made for another site. Sign only messages that name this site.</summary>
    public static Error SiweDomainMismatch { get; } = new(Codes.SiweDomainMismatch, ErrorKind.Invalid);

    /// <summary>That sign-in message has expired. Please try again.</summary>
    public static Error SiweExpired { get; } = new(Codes.SiweExpired, ErrorKind.Invalid);

    /// <summary>That sign-in message is not valid yet. Check your device's clock.</summary>
    public static Error SiweNotYetValid { get; } = new(Codes.SiweNotYetValid, ErrorKind.Invalid);

    /// <summary>That message points to another site.</summary>
    public static Error SiweUriMismatch { get; } = new(Codes.SiweUriMismatch, ErrorKind.Invalid);

    /// <summary>Choose a password of at least {0} characters that is not a common one, not one character repeated, and not your email address.</summary>
    public static Error WeakPassword { get; } = new(Codes.WeakPassword, ErrorKind.Invalid, PasswordPolicy.MinLength);
}
