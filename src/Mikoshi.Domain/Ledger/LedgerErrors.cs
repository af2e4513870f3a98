namespace Mikoshi.Domain.Ledger;

/// <summary>
/// The errors of the journal, accounts and deposits: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class LedgerErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>insufficient_funds</c></summary>
        public const string InsufficientFunds = "insufficient_funds";

        /// <summary><c>invalid_account</c></summary>
        public const string InvalidAccount = "invalid_account";

        /// <summary><c>invalid_memo</c></summary>
        public const string InvalidMemo = "invalid_memo";

        /// <summary><c>invalid_reference</c></summary>
        public const string InvalidReference = "invalid_reference";

        /// <summary><c>same_account</c></summary>
        public const string SameAccount = "same_account";

        /// <summary><c>unbalanced_entry</c></summary>
        public const string UnbalancedEntry = "unbalanced_entry";
    }

    /// <summary>Your account here does not hold enough for that ({0} holds {1} and cannot give {2}).</summary>
    public static Error InsufficientFunds(object account, object held, object needed) => new(Codes.InsufficientFunds, ErrorKind.Invalid, account, held, needed);

    /// <summary>'{0}' is not an account.</summary>
    public static Error InvalidAccount(string text) => new(Codes.InvalidAccount, ErrorKind.Invalid, text);

    /// <summary>A memo is at most {0} characters.</summary>
    public static Error InvalidMemo(int maxLength) => new(Codes.InvalidMemo, ErrorKind.Invalid, maxLength);

    /// <summary>Enter the bank's or payer's reference (1 to {0} characters).</summary>
    public static Error InvalidReference(int maxReferenceLength) => new(Codes.InvalidReference, ErrorKind.Invalid, maxReferenceLength);

    /// <summary>Money cannot move from an account to itself.</summary>
    public static Error SameAccount { get; } = new(Codes.SameAccount, ErrorKind.Invalid);

    /// <summary>A journal entry moves money between at least two accounts, names each account once per asset, has no zero posting, and its postings of every asset sum to zero.</summary>
    public static Error UnbalancedEntry { get; } = new(Codes.UnbalancedEntry, ErrorKind.Invalid);
}
