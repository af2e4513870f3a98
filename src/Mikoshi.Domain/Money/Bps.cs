using System.Globalization;

namespace Mikoshi.Domain;

/// <summary>
/// A share in basis points: whole hundredths of a percent, from 0 to <see cref="WholeValue"/> (10,000, that is 100%).
/// People type and read it as a percent ("12.5", "１２．５％"); it is never read as an amount of money.
/// </summary>
public readonly record struct Bps : IComparable<Bps>
{
    /// <summary>The whole: 10,000 basis points are 100%.</summary>
    public const int WholeValue = 10_000;

    private Bps(int value) => Value = value;

    /// <summary>Nothing: 0%.</summary>
    public static Bps Zero => default;

    /// <summary>Everything: 100%.</summary>
    public static Bps Whole { get; } = new(WholeValue);

    /// <summary>Hundredths of a percent, 0 to <see cref="WholeValue"/>.</summary>
    public int Value { get; }

    /// <summary>A count of basis points, 0 to <see cref="WholeValue"/>; <c>invalid_percent</c> for anything else.</summary>
    public static Result<Bps> From(int value) => From(value, MoneyErrors.InvalidPercent);

    /// <summary>
    /// A count of basis points, 0 to <see cref="WholeValue"/>; <paramref name="outOfRange"/> for anything else, so each
    /// area keeps the error code its callers already know (a revenue policy says <c>invalid_parameter</c>, a proposal's
    /// rules <c>invalid_proposal</c>).
    /// </summary>
    public static Result<Bps> From(int value, Error outOfRange) => value is >= 0 and <= WholeValue ? new Bps(value) : outOfRange;

    /// <summary>A count of basis points at most <paramref name="max"/> (itself at most the whole); <paramref name="outOfRange"/> for anything else.</summary>
    public static Result<Bps> AtMost(int value, Bps max, Error outOfRange) => value >= 0 && value <= max.Value ? new Bps(value) : outOfRange;

    /// <summary>
    /// A count the code itself wrote (a constant, or a column only checked values reach); throws
    /// <see cref="InvariantViolatedException"/> outside 0 to <see cref="WholeValue"/>, which would be a bug, not a caller's mistake.
    /// </summary>
    public static Bps Stored(int value) =>
        value is >= 0 and <= WholeValue ? new Bps(value) : throw new InvariantViolatedException($"{value} basis points is outside 0 to {WholeValue}.");

    /// <summary>
    /// Shares that together make at most the whole; <paramref name="overWhole"/> when they add up to more.
    /// </summary>
    public static Result<Bps> Sum(Error overWhole, params ReadOnlySpan<Bps> shares)
    {
        // At most a few shares of at most 10,000 each: the sum fits an int long before it could overflow.
        var total = 0;
        foreach (var share in shares)
        {
            total += share.Value;
        }

        return total <= WholeValue ? new Bps(total) : overWhole;
    }

    /// <summary>
    /// A typed percent with at most two decimals, half- or full-width, with or without a % sign ("12.5", "１２．５％");
    /// <c>invalid_percent</c> for anything else, or for more than 100%.
    /// </summary>
    public static Result<Bps> Parse(string? percent)
    {
        var text = Typed.Digits(percent).TrimEnd('%');
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? string.Empty : text[(point + 1)..].TrimEnd('0');
        if (whole.Length + fraction.Length == 0 || whole.Length > 3 || fraction.Length > 2
            || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return MoneyErrors.InvalidPercent;
        }

        // Three digits and two decimals at most: the value fits an int before the range check.
        var value = (whole.Length == 0 ? 0 : int.Parse(whole, CultureInfo.InvariantCulture)) * 100
            + (fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(2, '0'), CultureInfo.InvariantCulture));
        return From(value);
    }

    /// <summary>
    /// This share of <paramref name="units"/>, rounded down. Exact: the product of an amount of at most
    /// <see cref="Money.MaxUnits"/>-scale units (far below 2^100) and at most 10,000 stays inside <see cref="Int128"/>, and checked arithmetic would say if it did not.
    /// </summary>
    public Int128 Of(Int128 units) => checked(units * Value) / WholeValue;

    /// <summary>This share of <paramref name="amount"/>, in the same asset, rounded down.</summary>
    public Money Of(Money amount) => Money.Of(amount.Asset, Of(amount.Units));

    /// <summary>The rest of the whole: 100% less this share.</summary>
    public Bps Rest => new(WholeValue - Value);

    /// <summary>Orders shares by size.</summary>
    public int CompareTo(Bps other) => Value.CompareTo(other.Value);

    /// <summary>Whether <paramref name="left"/> is the smaller share.</summary>
    public static bool operator <(Bps left, Bps right) => left.Value < right.Value;

    /// <summary>Whether <paramref name="left"/> is the larger share.</summary>
    public static bool operator >(Bps left, Bps right) => left.Value > right.Value;

    /// <summary>Whether <paramref name="left"/> is at most <paramref name="right"/>.</summary>
    public static bool operator <=(Bps left, Bps right) => left.Value <= right.Value;

    /// <summary>Whether <paramref name="left"/> is at least <paramref name="right"/>.</summary>
    public static bool operator >=(Bps left, Bps right) => left.Value >= right.Value;

    /// <summary>As a percent people read: "12.5%", "100%".</summary>
    public override string ToString() =>
        (Value % 100 == 0
            ? (Value / 100).ToString(CultureInfo.InvariantCulture)
            : (Value / 100m).ToString("0.##", CultureInfo.InvariantCulture)) + "%";
}

/// <summary>Numbers people type: full-width digits and marks read as ASCII, thousands separators and spaces dropped.</summary>
public static class Typed
{
    /// <summary>The typed text with full-width digits, point and percent sign made ASCII, and separators and spaces dropped.</summary>
    public static string Digits(string? typed)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in (typed ?? string.Empty).Trim())
        {
            var ch = c switch
            {
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                '．' => '.',
                '％' => '%',
                _ => c,
            };
            if (ch is not (',' or '，' or ' ' or '\u3000'))
            {
                text.Append(ch);
            }
        }

        return text.ToString();
    }

    /// <summary>A whole number of at most 18 digits (a weight), or null when the text is not one.</summary>
    public static long? WholeNumber(string? typed)
    {
        var text = Digits(typed);
        return text.Length is > 0 and <= 18 && text.All(char.IsAsciiDigit) ? long.Parse(text, CultureInfo.InvariantCulture) : null;
    }
}
