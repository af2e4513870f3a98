namespace Mikoshi.Domain.Tax;

/// <summary>
/// The errors of tax profiles, withholding and statements: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class TaxErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>half_yearly_not_approved</c></summary>
        public const string HalfYearlyNotApproved = "half_yearly_not_approved";

        /// <summary><c>invalid_invoice_number</c></summary>
        public const string InvalidInvoiceNumber = "invalid_invoice_number";

        /// <summary><c>invalid_tax_profile</c></summary>
        public const string InvalidTaxProfile = "invalid_tax_profile";

        /// <summary><c>invalid_tax_status</c></summary>
        public const string InvalidTaxStatus = "invalid_tax_status";

        /// <summary><c>invalid_withholding_period</c></summary>
        public const string InvalidWithholdingPeriod = "invalid_withholding_period";

        /// <summary><c>invalid_year</c></summary>
        public const string InvalidYear = "invalid_year";

        /// <summary><c>nothing_due</c></summary>
        public const string NothingDue = "nothing_due";

        /// <summary><c>tax_status_required</c></summary>
        public const string TaxStatusRequired = "tax_status_required";

        /// <summary><c>unknown_withholding_kind</c></summary>
        public const string UnknownWithholdingKind = "unknown_withholding_kind";
    }

    /// <summary>This community pays withholding monthly; an admin turns on the half-yearly special rule (納期の特例) once the tax office approved it.</summary>
    public static Error HalfYearlyNotApproved { get; } = new(Codes.HalfYearlyNotApproved, ErrorKind.Conflict);

    /// <summary>An invoice registration number is T followed by 13 digits whose check digit is right (for example T7123456789012). Nothing was changed.</summary>
    public static Error InvalidInvoiceNumber { get; } = new(Codes.InvalidInvoiceNumber, ErrorKind.Invalid);

    /// <summary>A legal name is at most {0} characters and an address at most {1}, without control characters.</summary>
    public static Error InvalidTaxProfile(int maxLegalNameLength, int maxAddressLength) => new(Codes.InvalidTaxProfile, ErrorKind.Invalid, maxLegalNameLength, maxAddressLength);

    /// <summary>Choose individual or company.</summary>
    public static Error InvalidTaxStatus { get; } = new(Codes.InvalidTaxStatus, ErrorKind.Invalid);

    /// <summary>A withholding period is a month (2026-11) or a half year (2026-H1, 2026-H2).</summary>
    public static Error InvalidWithholdingPeriod { get; } = new(Codes.InvalidWithholdingPeriod, ErrorKind.Invalid);

    /// <summary>Choose a year between 2000 and 9998.</summary>
    public static Error InvalidYear { get; } = new(Codes.InvalidYear, ErrorKind.Invalid);

    /// <summary>Nothing withheld in this period is waiting to be paid to the tax office.</summary>
    public static Error NothingDue { get; } = new(Codes.NothingDue, ErrorKind.Conflict);

    /// <summary>Someone in this batch has not said whether they are an individual or a company, and this community requires it before paying. Nothing was changed.</summary>
    public static Error TaxStatusRequired { get; } = new(Codes.TaxStatusRequired, ErrorKind.Conflict);

    /// <summary>That payout kind is not in the list; choose one of the kinds shown. Nothing was changed.</summary>
    public static Error UnknownWithholdingKind { get; } = new(Codes.UnknownWithholdingKind, ErrorKind.Invalid);
}
