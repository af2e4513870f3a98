using Mikoshi.Domain;

namespace Mikoshi.Features.Auth;

/// <summary>
/// The errors of registration, sign-in, passwords and passkeys: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class AuthErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>email_taken</c></summary>
        public const string EmailTaken = "email_taken";

        /// <summary><c>invalid_confirmation_token</c></summary>
        public const string InvalidConfirmationToken = "invalid_confirmation_token";

        /// <summary><c>invalid_credentials</c></summary>
        public const string InvalidCredentials = "invalid_credentials";

        /// <summary><c>invalid_email</c></summary>
        public const string InvalidEmail = "invalid_email";

        /// <summary><c>invalid_registration</c></summary>
        public const string InvalidRegistration = "invalid_registration";

        /// <summary><c>invalid_reset_token</c></summary>
        public const string InvalidResetToken = "invalid_reset_token";

        /// <summary><c>passkey_failed</c></summary>
        public const string PasskeyFailed = "passkey_failed";

        /// <summary><c>wrong_current_password</c></summary>
        public const string WrongCurrentPassword = "wrong_current_password";
    }

    /// <summary>That email address is already registered. Sign in instead?</summary>
    public static Error EmailTaken { get; } = new(Codes.EmailTaken, ErrorKind.Conflict);

    /// <summary>This confirmation link is not valid or has expired.</summary>
    public static Error InvalidConfirmationToken { get; } = new(Codes.InvalidConfirmationToken, ErrorKind.Invalid);

    /// <summary>That email and password do not match.</summary>
    public static Error InvalidCredentials { get; } = new(Codes.InvalidCredentials, ErrorKind.Unauthenticated);

    /// <summary>That does not look like an email address.</summary>
    public static Error InvalidEmail { get; } = new(Codes.InvalidEmail, ErrorKind.Invalid);

    /// <summary>We could not register you with those details.</summary>
    public static Error InvalidRegistration { get; } = new(Codes.InvalidRegistration, ErrorKind.Invalid);

    /// <summary>This reset link is not valid: it was used already, has expired, or was not made for this address. Ask for a new one.</summary>
    public static Error InvalidResetToken { get; } = new(Codes.InvalidResetToken, ErrorKind.Invalid);

    /// <summary>That passkey could not be used. Try again, or sign in with your password.</summary>
    public static Error PasskeyFailed { get; } = new(Codes.PasskeyFailed, ErrorKind.Invalid);

    /// <summary>Your current password is not right.</summary>
    public static Error WrongCurrentPassword { get; } = new(Codes.WrongCurrentPassword, ErrorKind.Invalid);
}
