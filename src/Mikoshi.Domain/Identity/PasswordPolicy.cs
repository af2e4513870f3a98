using System.Reflection;

namespace Mikoshi.Domain.Identity;

/// <summary>
/// What a password must be: 12 to 256 characters, not one character repeated, not the email address or its
/// local part, and not on the bundled list of passwords people pick most often (<c>CommonPasswords.txt</c>,
/// written by <c>scripts/common-passwords.mjs</c>). Checked before any hashing, so an absurd password costs nothing.
/// </summary>
public static class PasswordPolicy
{
    /// <summary>The fewest characters a password may have.</summary>
    public const int MinLength = 12;

    /// <summary>The most characters a password may have; longer ones are refused before they are hashed.</summary>
    public const int MaxLength = 256;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>True when <paramref name="password"/> is longer than any password may be (checked before hashing at sign-in too).</summary>
    /// <param name="password">The password as typed.</param>
    public static bool IsTooLong(string? password) => password is { Length: > MaxLength };

    /// <summary>Why <paramref name="password"/> may not be chosen by the person with <paramref name="email"/>, or <c>null</c>.</summary>
    /// <param name="password">The new password as typed.</param>
    /// <param name="email">The person's email address, which the password may not be.</param>
    public static Error? Check(string? password, string? email)
    {
        if (password is null || password.Length < MinLength)
        {
            return IdentityErrors.WeakPassword;
        }

        if (IsTooLong(password))
        {
            return IdentityErrors.PasswordTooLong;
        }

        if (password.All(c => c == password[0]))
        {
            return IdentityErrors.WeakPassword;
        }

        var typed = password.Trim();
        if (email is { Length: > 0 } && (typed.Equals(email.Trim(), StringComparison.OrdinalIgnoreCase)
            || typed.Equals(email.Split('@')[0], StringComparison.OrdinalIgnoreCase)))
        {
            return IdentityErrors.WeakPassword;
        }

        return Common.Value.Contains(typed.ToLowerInvariant())
            ? IdentityErrors.WeakPassword
            : null;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Mikoshi.Domain.Identity.CommonPasswords.txt")
            ?? throw new InvariantViolatedException("The common-password list is not embedded in Mikoshi.Domain.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
