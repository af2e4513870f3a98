using Mikoshi.Domain;

namespace Mikoshi.Features.Books;

/// <summary>
/// The errors of the books export: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class BookErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>invalid_book_account_name</c></summary>
        public const string InvalidBookAccountName = "invalid_book_account_name";

        /// <summary><c>invalid_export_period</c></summary>
        public const string InvalidExportPeriod = "invalid_export_period";

        /// <summary><c>unknown_book_account</c></summary>
        public const string UnknownBookAccount = "unknown_book_account";
    }

    /// <summary>An account name is 1 to {0} characters, spelt as your accounting software spells it.</summary>
    public static Error InvalidBookAccountName { get; } = new(Codes.InvalidBookAccountName, ErrorKind.Invalid, Domain.Ledger.BookRules.MaxAccountNameLength);

    /// <summary>An export period starts on or before it ends.</summary>
    public static Error InvalidExportPeriod { get; } = new(Codes.InvalidExportPeriod, ErrorKind.Invalid);

    /// <summary>That account is not part of the export.</summary>
    public static Error UnknownBookAccount { get; } = new(Codes.UnknownBookAccount, ErrorKind.Invalid);
}
