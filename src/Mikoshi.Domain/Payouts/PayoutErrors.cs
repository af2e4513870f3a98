namespace Mikoshi.Domain.Payouts;

/// <summary>
/// The errors of bank details and Zengin transfer files: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class PayoutErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>bank_name_too_long</c></summary>
        public const string BankNameTooLong = "bank_name_too_long";

        /// <summary><c>invalid_account_number</c></summary>
        public const string InvalidAccountNumber = "invalid_account_number";

        /// <summary><c>invalid_account_type</c></summary>
        public const string InvalidAccountType = "invalid_account_type";

        /// <summary><c>invalid_bank_code</c></summary>
        public const string InvalidBankCode = "invalid_bank_code";

        /// <summary><c>invalid_bank_name</c></summary>
        public const string InvalidBankName = "invalid_bank_name";

        /// <summary><c>invalid_branch_code</c></summary>
        public const string InvalidBranchCode = "invalid_branch_code";

        /// <summary><c>invalid_customer_code</c></summary>
        public const string InvalidCustomerCode = "invalid_customer_code";

        /// <summary><c>invalid_sender_code</c></summary>
        public const string InvalidSenderCode = "invalid_sender_code";

        /// <summary><c>no_transfers</c></summary>
        public const string NoTransfers = "no_transfers";

        /// <summary><c>too_many_transfers</c></summary>
        public const string TooManyTransfers = "too_many_transfers";

        /// <summary><c>transfer_amount_out_of_range</c></summary>
        public const string TransferAmountOutOfRange = "transfer_amount_out_of_range";

        /// <summary><c>transfer_total_out_of_range</c></summary>
        public const string TransferTotalOutOfRange = "transfer_total_out_of_range";
    }

    /// <summary>{0} takes {1} half-width characters in a transfer file (a voiced kana takes two) and its field holds {2}; use the bank's short form.</summary>
    public static Error BankNameTooLong(BankField field, int length, int width) => new(Codes.BankNameTooLong, ErrorKind.Invalid, field, length, width);

    /// <summary>An account number is 1 to 7 digits.</summary>
    public static Error InvalidAccountNumber { get; } = new(Codes.InvalidAccountNumber, ErrorKind.Invalid);

    /// <summary>Choose the account type: ordinary, current, savings or other (a paying account cannot be savings).</summary>
    public static Error InvalidAccountType { get; } = new(Codes.InvalidAccountType, ErrorKind.Invalid);

    /// <summary>A bank code is exactly 4 digits, such as 0005.</summary>
    public static Error InvalidBankCode { get; } = new(Codes.InvalidBankCode, ErrorKind.Invalid);

    /// <summary>Names must be given in katakana (or capital letters, digits and ( ) - . /) as the bank knows them; kanji and other symbols cannot go in a transfer file.</summary>
    public static Error InvalidBankName { get; } = new(Codes.InvalidBankName, ErrorKind.Invalid);

    /// <summary>A branch code is exactly 3 digits, such as 001.</summary>
    public static Error InvalidBranchCode { get; } = new(Codes.InvalidBranchCode, ErrorKind.Invalid);

    /// <summary>The batch number cannot be written in a transfer file.</summary>
    public static Error InvalidCustomerCode { get; } = new(Codes.InvalidCustomerCode, ErrorKind.Invalid);

    /// <summary>A sender code is exactly the 10 digits the bank gave.</summary>
    public static Error InvalidSenderCode { get; } = new(Codes.InvalidSenderCode, ErrorKind.Invalid);

    /// <summary>A transfer file needs at least one transfer.</summary>
    public static Error NoTransfers { get; } = new(Codes.NoTransfers, ErrorKind.Invalid);

    /// <summary>This batch has too many transfers for one file; pay it in several batches.</summary>
    public static Error TooManyTransfers { get; } = new(Codes.TooManyTransfers, ErrorKind.Invalid);

    /// <summary>A single transfer is ¥1 to ¥9,999,999,999.</summary>
    public static Error TransferAmountOutOfRange { get; } = new(Codes.TransferAmountOutOfRange, ErrorKind.Invalid);

    /// <summary>This batch is too large for one transfer file; pay it in several batches.</summary>
    public static Error TransferTotalOutOfRange { get; } = new(Codes.TransferTotalOutOfRange, ErrorKind.Invalid);

    /// <summary>{0} has '{1}' (U+{2}) at character {3}, which a Zengin file cannot hold: use katakana, hiragana, letters, digits, spaces and ( ) - . / only.</summary>
    public static Error UnwritableBankCharacter(BankField field, string character, string codePoint, int position) => Error.Case(Codes.InvalidBankName, "character", ErrorKind.Invalid, field, character, codePoint, position);
}
