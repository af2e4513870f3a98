namespace Mikoshi.Domain.Payments;

/// <summary>
/// The errors of payments, bank statements and dues: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class PaymentErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>already_subscribed</c></summary>
        public const string AlreadySubscribed = "already_subscribed";

        /// <summary><c>bank_line_not_found</c></summary>
        public const string BankLineNotFound = "bank_line_not_found";

        /// <summary><c>bank_line_settled</c></summary>
        public const string BankLineSettled = "bank_line_settled";

        /// <summary><c>csv_mapping_not_set</c></summary>
        public const string CsvMappingNotSet = "csv_mapping_not_set";

        /// <summary><c>currency_unsupported</c></summary>
        public const string CurrencyUnsupported = "currency_unsupported";

        /// <summary><c>dues_not_set</c></summary>
        public const string DuesNotSet = "dues_not_set";

        /// <summary><c>invalid_bank_account</c></summary>
        public const string InvalidBankAccount = "invalid_bank_account";

        /// <summary><c>invalid_content</c></summary>
        public const string InvalidContent = "invalid_content";

        /// <summary><c>invalid_csv_mapping</c></summary>
        public const string InvalidCsvMapping = "invalid_csv_mapping";

        /// <summary><c>invalid_dues</c></summary>
        public const string InvalidDues = "invalid_dues";

        /// <summary><c>invalid_format</c></summary>
        public const string InvalidFormat = "invalid_format";

        /// <summary><c>invalid_line_state</c></summary>
        public const string InvalidLineState = "invalid_line_state";

        /// <summary><c>invalid_payment_state</c></summary>
        public const string InvalidPaymentState = "invalid_payment_state";

        /// <summary><c>invalid_payment_link</c></summary>
        public const string InvalidPaymentLink = "invalid_payment_link";

        /// <summary><c>invalid_payment_method</c></summary>
        public const string InvalidPaymentMethod = "invalid_payment_method";

        /// <summary><c>invalid_purpose</c></summary>
        public const string InvalidPurpose = "invalid_purpose";

        /// <summary><c>payment_link_taken</c></summary>
        public const string PaymentLinkTaken = "payment_link_taken";

        /// <summary><c>payment_not_found</c></summary>
        public const string PaymentNotFound = "payment_not_found";

        /// <summary><c>reversal_uncovered</c></summary>
        public const string ReversalUncovered = "reversal_uncovered";
    }

    /// <summary>You already pay monthly dues here.</summary>
    public static Error AlreadySubscribed { get; } = new(Codes.AlreadySubscribed, ErrorKind.Conflict);

    /// <summary>There is no bank line #{0}.</summary>
    public static Error BankLineNotFound(long number) => new(Codes.BankLineNotFound, ErrorKind.NotFound, number);

    /// <summary>Bank line #{0} is already {1}.</summary>
    public static Error BankLineSettled(long number, object state) => new(Codes.BankLineSettled, ErrorKind.Conflict, number, state);

    /// <summary>Save the CSV column mapping in the payment settings first.</summary>
    public static Error CsvMappingNotSet { get; } = new(Codes.CsvMappingNotSet, ErrorKind.Invalid);

    /// <summary>Card payments and bank statements are taken in yen; this community keeps its books in another currency.</summary>
    public static Error CurrencyUnsupported { get; } = new(Codes.CurrencyUnsupported, ErrorKind.Invalid);

    /// <summary>This community has no monthly dues.</summary>
    public static Error DuesNotSet { get; } = new(Codes.DuesNotSet, ErrorKind.Invalid);

    /// <summary>The bank account details are at most {0} characters on one line.</summary>
    public static Error InvalidBankAccount(int maxLength) => new(Codes.InvalidBankAccount, ErrorKind.Invalid, maxLength);

    /// <summary>Choose the statement file to import (this was not a readable file).</summary>
    public static Error InvalidContent { get; } = new(Codes.InvalidContent, ErrorKind.Malformed);

    /// <summary>Give the date, amount and payer columns (and optionally the id column) as numbers 1 to {0}, and the encoding as utf-8 or shift_jis.</summary>
    public static Error InvalidCsvMapping(int maxColumn) => new(Codes.InvalidCsvMapping, ErrorKind.Invalid, maxColumn);

    /// <summary>Monthly dues are a Stripe price id with its amount, 1 to 99,999,999 yen; or neither.</summary>
    public static Error InvalidDues { get; } = new(Codes.InvalidDues, ErrorKind.Invalid);

    /// <summary>A statement is zengin or csv.</summary>
    public static Error InvalidFormat { get; } = new(Codes.InvalidFormat, ErrorKind.Invalid);

    /// <summary>A bank line's state is unmatched, credited, assigned or ignored.</summary>
    public static Error InvalidLineState { get; } = new(Codes.InvalidLineState, ErrorKind.Invalid);

    /// <summary>Payment #{0} is {1}: that cannot be done to it now.</summary>
    public static Error InvalidPaymentState(long number, object state) => new(Codes.InvalidPaymentState, ErrorKind.Conflict, number, state);

    /// <summary>A Stripe payment link id looks like plink_…</summary>
    public static Error InvalidPaymentLink { get; } = new(Codes.InvalidPaymentLink, ErrorKind.Invalid);

    /// <summary>Pay by card or konbini; monthly dues are paid by card.</summary>
    public static Error InvalidPaymentMethod { get; } = new(Codes.InvalidPaymentMethod, ErrorKind.Invalid);

    /// <summary>Pay to join, to top up your account, or for monthly dues.</summary>
    public static Error InvalidPurpose { get; } = new(Codes.InvalidPurpose, ErrorKind.Invalid);

    /// <summary>This payment link already sells a project's work.</summary>
    public static Error PaymentLinkTaken { get; } = new(Codes.PaymentLinkTaken, ErrorKind.Conflict);

    /// <summary>There is no payment #{0} of yours here.</summary>
    public static Error PaymentNotFound(long number) => new(Codes.PaymentNotFound, ErrorKind.NotFound, number);

    /// <summary>The accounts this payment went to hold {0}, less than {1}.</summary>
    public static Error ReversalUncovered(object held, object owed) => new(Codes.ReversalUncovered, ErrorKind.Invalid, held, owed);
}
