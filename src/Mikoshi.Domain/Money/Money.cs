using System.Globalization;
using System.Text;

namespace Mikoshi.Domain;

/// <summary>
/// An exact amount of one asset, as a signed integer of its minor units (yen, cents, wei).
/// Arithmetic is checked and never mixes assets. Amounts entered by people are limited to
/// <see cref="MaxUnits"/> (10^30 minor units, a trillion ether in wei), which keeps every sum
/// the ledger forms far inside <see cref="Int128"/>.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    private Money(Asset asset, Int128 units)
    {
        Asset = asset;
        Units = units;
    }

    /// <summary>The largest amount a person may enter: 10^30 minor units.</summary>
    public static Int128 MaxUnits { get; } = Int128.Parse("1000000000000000000000000000000", CultureInfo.InvariantCulture);

    // 10^30 has 31 digits; anything longer is out of range without parsing it.
    private const int MaxDigits = 31;

    /// <summary>The asset.</summary>
    public Asset Asset { get; }

    /// <summary>The amount in minor units; negative on the debit side of a posting.</summary>
    public Int128 Units { get; }

    /// <summary>True when the amount is zero.</summary>
    public bool IsZero => Units == Int128.Zero;

    /// <summary>True when the amount is below zero.</summary>
    public bool IsNegative => Units < Int128.Zero;

    /// <summary>Nothing of <paramref name="asset"/>.</summary>
    public static Money Zero(Asset asset) => new(asset, Int128.Zero);

    /// <summary>An amount of minor units, any sign. Use <see cref="Parse"/> for what people enter.</summary>
    public static Money Of(Asset asset, Int128 units) => new(asset, units);

    /// <summary>
    /// Reads a positive amount of minor units written as decimal digits (<c>"1500"</c>): no sign,
    /// no fraction, no exponent, no spaces, at most <see cref="MaxUnits"/>.
    /// </summary>
    public static Result<Money> Parse(Asset asset, string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.All(char.IsAsciiDigit))
        {
            return MoneyErrors.InvalidAmount;
        }

        // Judge the size by its digits before parsing: 39 or more digits would overflow Int128.Parse.
        var significant = text.TrimStart('0');
        if (significant.Length == 0)
        {
            return MoneyErrors.InvalidAmount;
        }

        if (significant.Length > MaxDigits)
        {
            return OutOfRange();
        }

        var units = Int128.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture);
        return units > MaxUnits ? OutOfRange() : new Money(asset, units);

        static Error OutOfRange() => MoneyErrors.AmountOutOfRange;
    }

    /// <summary>Adds two amounts of the same asset.</summary>
    public static Money operator +(Money left, Money right)
    {
        SameAsset(left, right);
        return new Money(left.Asset, checked(left.Units + right.Units));
    }

    /// <summary>Subtracts two amounts of the same asset.</summary>
    public static Money operator -(Money left, Money right)
    {
        SameAsset(left, right);
        return new Money(left.Asset, checked(left.Units - right.Units));
    }

    /// <summary>The same amount with the other sign.</summary>
    public static Money operator -(Money money) => new(money.Asset, checked(-money.Units));

    /// <summary>Compares amounts of the same asset.</summary>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares amounts of the same asset.</summary>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares amounts of the same asset.</summary>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares amounts of the same asset.</summary>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <inheritdoc />
    public int CompareTo(Money other)
    {
        SameAsset(this, other);
        return Units.CompareTo(other.Units);
    }

    /// <summary>The minor units as invariant decimal digits, as the API writes amounts.</summary>
    public string UnitsText => Units.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The amount in major units with every decimal kept and trailing zeros dropped
    /// (<c>1.5</c> ETH, <c>1,500</c> JPY), grouped by thousands; exact, no floating point.
    /// </summary>
    public string ToMajorString() => Major(grouped: true);

    /// <summary>
    /// The amount in major units as a spreadsheet reads a number: no grouping (<c>1500</c> JPY,
    /// <c>-1.5</c> ETH); exact, no floating point.
    /// </summary>
    public string ToPlainString() => Major(grouped: false);

    private string Major(bool grouped)
    {
        var digits = Int128.Abs(Units).ToString(CultureInfo.InvariantCulture).PadLeft(Asset.Decimals + 1, '0');
        var whole = digits[..^Asset.Decimals];
        var fraction = digits[^Asset.Decimals..].TrimEnd('0');
        var text = new StringBuilder();
        for (var i = 0; i < whole.Length; i++)
        {
            if (grouped && i > 0 && (whole.Length - i) % 3 == 0)
            {
                text.Append(',');
            }

            text.Append(whole[i]);
        }

        var sign = IsNegative ? "-" : string.Empty;
        return fraction.Length == 0 ? $"{sign}{text}" : $"{sign}{text}.{fraction}";
    }

    /// <inheritdoc />
    public override string ToString() => $"{ToMajorString()} {Asset.Code}";

    private static void SameAsset(Money left, Money right)
    {
        if (left.Asset != right.Asset)
        {
            throw new AssetMismatchException(left.Asset, right.Asset);
        }
    }
}

/// <summary>Amounts of two different assets were combined: always a bug.</summary>
public sealed class AssetMismatchException(Asset left, Asset right)
    : Exception($"Cannot combine {left.Code} with {right.Code}.");
