using Mikoshi.Domain;

namespace Mikoshi.Data;

/// <summary>
/// The errors of the writer: concurrent writes and idempotency keys: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class WriteErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>conflict</c></summary>
        public const string Conflict = "conflict";

        /// <summary><c>idempotency_key_reused</c></summary>
        public const string IdempotencyKeyReused = "idempotency_key_reused";
    }

    /// <summary>Someone else changed this at the same moment. Please try again.</summary>
    public static Error Conflict { get; } = new(Codes.Conflict, ErrorKind.Conflict);

    /// <summary>This form was already sent with different contents. Reload the page and try again.</summary>
    public static Error IdempotencyKeyReused { get; } = new(Codes.IdempotencyKeyReused, ErrorKind.Conflict);
}
