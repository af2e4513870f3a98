namespace Mikoshi.Domain.Tax;

/// <summary>
/// A period whose withholding is paid to the tax office together: a month (due the 10th of the next month), or
/// under 納期の特例 a half year (January–June due 10 July, July–December due 20 January). Due dates are the
/// statutory days; when one falls on a weekend or holiday the next business day applies, which the operator checks.
/// </summary>
public sealed record WithholdingPeriod
{
    private WithholdingPeriod(string code, DateOnly first, DateOnly last, DateOnly due, bool halfYear)
    {
        Code = code;
        First = first;
        Last = last;
        Due = due;
        IsHalfYear = halfYear;
    }

    /// <summary><c>2026-11</c> for a month, <c>2026-H2</c> for a half year.</summary>
    public string Code { get; }

    /// <summary>The first day of payments it covers.</summary>
    public DateOnly First { get; }

    /// <summary>The last day of payments it covers.</summary>
    public DateOnly Last { get; }

    /// <summary>The statutory due date of the payment to the tax office.</summary>
    public DateOnly Due { get; }

    /// <summary>Whether this is a 納期の特例 half year.</summary>
    public bool IsHalfYear { get; }

    /// <summary>The characters of a period as text: <c>2026-11</c> or <c>2026-H2</c>.</summary>
    public const int TextLength = 7;

    /// <summary>Reads <c>yyyy-MM</c> or <c>yyyy-H1</c>/<c>yyyy-H2</c> (years 2000–9998); anything else is <c>invalid_withholding_period</c>.</summary>
    public static Result<WithholdingPeriod> Parse(string? text)
    {
        var invalid = TaxErrors.InvalidWithholdingPeriod;
        if (text is not { Length: TextLength } || text[4] != '-' || !text.AsSpan(0, 4).ToArray().All(char.IsAsciiDigit))
        {
            return invalid;
        }

        var year = int.Parse(text.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture);
        if (year is < 2000 or > 9998)
        {
            return invalid;
        }

        if (text[5] == 'H' && text[6] is '1' or '2')
        {
            return text[6] == '1'
                ? new WithholdingPeriod(text, new DateOnly(year, 1, 1), new DateOnly(year, 6, 30), new DateOnly(year, 7, 10), true)
                : new WithholdingPeriod(text, new DateOnly(year, 7, 1), new DateOnly(year, 12, 31), new DateOnly(year + 1, 1, 20), true);
        }

        if (!char.IsAsciiDigit(text[5]) || !char.IsAsciiDigit(text[6]))
        {
            return invalid;
        }

        var month = (text[5] - '0') * 10 + (text[6] - '0');
        if (month is < 1 or > 12)
        {
            return invalid;
        }

        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        return new WithholdingPeriod(text, first, next.AddDays(-1), new DateOnly(next.Year, next.Month, 10), false);
    }

    /// <summary>Whether a payment made on <paramref name="day"/> belongs to this period.</summary>
    public bool Covers(DateOnly day) => day >= First && day <= Last;
}
