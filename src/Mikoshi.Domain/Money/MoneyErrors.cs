namespace Mikoshi.Domain;

/// <summary>
/// The errors of amounts, assets and allocation: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class MoneyErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>amount_in_other_asset</c></summary>
        public const string AmountInOtherAsset = "amount_in_other_asset";

        /// <summary><c>amount_out_of_range</c></summary>
        public const string AmountOutOfRange = "amount_out_of_range";

        /// <summary><c>invalid_amount</c></summary>
        public const string InvalidAmount = "invalid_amount";

        /// <summary><c>invalid_asset</c></summary>
        public const string InvalidAsset = "invalid_asset";

        /// <summary><c>invalid_percent</c></summary>
        public const string InvalidPercent = "invalid_percent";

        /// <summary><c>invalid_weights</c></summary>
        public const string InvalidWeights = "invalid_weights";

        /// <summary><c>too_many_decimals</c></summary>
        public const string TooManyDecimals = "too_many_decimals";

        /// <summary><c>unknown_asset</c></summary>
        public const string UnknownAsset = "unknown_asset";
    }

    /// <summary>This amount is in another asset than the one chosen: type it without that currency's sign.</summary>
    public static Error AmountInOtherAsset { get; } = new(Codes.AmountInOtherAsset, ErrorKind.Invalid);

    /// <summary>That amount is too large to record.</summary>
    public static Error AmountOutOfRange { get; } = new(Codes.AmountOutOfRange, ErrorKind.Invalid);

    /// <summary>Enter an amount above zero, such as 1500, ¥1,500 or 12.5.</summary>
    public static Error InvalidAmount { get; } = new(Codes.InvalidAmount, ErrorKind.Invalid);

    /// <summary>An asset code is 2 to 12 upper-case letters or digits, with 0 to 18 decimals.</summary>
    public static Error InvalidAsset { get; } = new(Codes.InvalidAsset, ErrorKind.Invalid);

    /// <summary>A percent is a number from 0 to 100 with at most two decimals, such as 12.5.</summary>
    public static Error InvalidPercent { get; } = new(Codes.InvalidPercent, ErrorKind.Invalid);

    /// <summary>Weights are zero or more, at least one is above zero, and they add up to at most 9.2 × 10^18.</summary>
    public static Error InvalidWeights { get; } = new(Codes.InvalidWeights, ErrorKind.Invalid);

    /// <summary>That asset does not have that many decimal places.</summary>
    public static Error TooManyDecimals { get; } = new(Codes.TooManyDecimals, ErrorKind.Invalid);

    /// <summary>This community does not accept that asset.</summary>
    public static Error UnknownAsset { get; } = new(Codes.UnknownAsset, ErrorKind.Invalid);
}
