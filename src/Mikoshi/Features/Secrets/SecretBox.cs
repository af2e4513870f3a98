using System.Security.Cryptography;
using System.Text;
using Mikoshi.Domain;

namespace Mikoshi.Features.Secrets;

/// <summary>
/// Seals a short secret for a column (a bank account number) with a subkey of the <see cref="KeyEncryptionKey"/>:
/// <c>kek1:</c> + base64(nonce ‖ tag ‖ ciphertext), bound to its purpose. Rows written before sealing existed
/// hold the plain value; start-up seals them (<see cref="SecretsAtRest"/>), and until then they read as they are.
/// </summary>
public sealed class SecretBox(KeyEncryptionKey kek)
{
    public const string Prefix = "kek1:";

    /// <summary>The purpose of a person's bank account number.</summary>
    public const string BankAccountNumber = "Mikoshi.Revenue.BankAccount.Number.v1";

    /// <summary>The purpose of a payee's address for the 支払調書 (issue #21).</summary>
    public const string PayeeAddress = "Mikoshi.Tax.Payee.Address.v1";

    public static bool IsSealed(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Seal(string plaintext, string purpose) =>
        Prefix + Convert.ToBase64String(Aead.Seal(kek.Derive(purpose), Encoding.UTF8.GetBytes(plaintext), purpose));

    /// <summary>The plain value, or <c>secret_unreadable</c> when it was sealed under another key-encryption key.</summary>
    public Result<string> Open(string stored, string purpose)
    {
        if (!IsSealed(stored))
        {
            return stored;
        }

        try
        {
            return Encoding.UTF8.GetString(Aead.Open(kek.Derive(purpose), Convert.FromBase64String(stored[Prefix.Length..]), purpose));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return Unreadable();
        }
    }

    public static Error Unreadable() =>
        SecretErrors.SecretUnreadable;
}
