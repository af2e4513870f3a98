using Mikoshi.Domain;

namespace Mikoshi.Features.Secrets;

/// <summary>
/// The errors of stored secrets: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class SecretErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>secret_unreadable</c></summary>
        public const string SecretUnreadable = "secret_unreadable";
    }

    /// <summary>This secret was sealed with a key this server does not have. Ask the operator to restore the server's key file.</summary>
    public static Error SecretUnreadable { get; } = new(Codes.SecretUnreadable, ErrorKind.Conflict);
}
