using System.Globalization;
using System.Text;
using Mikoshi.Domain;

namespace Mikoshi.Components;

/// <summary>
/// Amounts as people read and type them: major units ("1,500.25"), converted to and from the
/// integer minor units the ledger keeps with string arithmetic only, never floating point.
/// </summary>
public static class Amounts
{
    /// <summary>
    /// Reads what a person typed in major units ("1500", "1,500.5", "０.１", "¥100,000", "１５，４００円", "0.5 ETH") as a
    /// string of minor units for <paramref name="asset"/>: full-width digits are read as digits, thousands separators and
    /// spaces are ignored, and the asset's own marks (¥/￥ before or 円 after a yen amount, the asset's code after any) are
    /// dropped; another asset's mark is <c>amount_in_other_asset</c>; a sign, an exponent or more decimals than the asset
    /// has give an <c>invalid_amount</c> error. Range checks stay with <see cref="Money.Parse"/>. Every amount input
    /// of the UI reads through this one parser (issue #20).
    /// </summary>
    public static Result<string> MajorToMinor(string? typed, Asset asset)
    {
        var text = new StringBuilder();
        foreach (var c in (typed ?? string.Empty).Trim())
        {
            var ch = c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c == '．' ? '.' : c;
            if (ch is ',' or '，' or ' ' or '\u3000' or '_')
            {
                continue;
            }

            text.Append(ch);
        }

        var value = WithoutCurrency(text.ToString(), asset);
        if (value is null)
        {
            return MoneyErrors.AmountInOtherAsset;
        }

        var point = value.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? value : value[..point];
        var fraction = point < 0 ? string.Empty : value[(point + 1)..];
        if (whole.Length + fraction.Length == 0 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return MoneyErrors.InvalidAmount;
        }

        var kept = fraction.TrimEnd('0');
        if (kept.Length > asset.Decimals)
        {
            return MoneyErrors.TooManyDecimals;
        }

        var units = (whole + kept.PadRight(asset.Decimals, '0')).TrimStart('0');
        return units.Length == 0 ? "0" : units;
    }

    /// <summary>
    /// <paramref name="value"/> without the marks of <paramref name="asset"/> (¥ or ￥ in front, 円 behind, its code at either
    /// end, any case); null when it carries another currency's mark instead, so "¥100" typed for ETH is named as such.
    /// </summary>
    private static string? WithoutCurrency(string value, Asset asset)
    {
        var yen = asset.Code == "JPY";
        var code = asset.Code;
        if (value.EndsWith(code, StringComparison.OrdinalIgnoreCase))
        {
            value = value[..^code.Length];
        }
        else if (value.StartsWith(code, StringComparison.OrdinalIgnoreCase))
        {
            value = value[code.Length..];
        }

        var hadYen = false;
        if (value.Length > 0 && value[0] is '¥' or '￥')
        {
            value = value[1..];
            hadYen = true;
        }

        if (value.EndsWith('円'))
        {
            value = value[..^1];
            hadYen = true;
        }

        return hadYen && !yen || value.Any(c => c is '¥' or '￥' or '円' or '$' or '＄' or '€' or 'Ξ') ? null : value;
    }

    /// <summary>Significant digits kept when a crypto amount below one is shortened for reading (0.0123 ETH).</summary>
    private const int Significant = 4;

    /// <summary>Decimals kept when a crypto amount of one or more is shortened for reading (1.2345 ETH).</summary>
    private const int CryptoDecimals = 4;

    /// <summary>
    /// The one way every page shows an amount (issue #20): yen as Japanese people read it (<c>¥15,400</c>, <c>-¥1,750</c>),
    /// dollars as <c>$12.50</c>, ETH and USDC with a few significant digits (<c>0.0123 ETH</c>, <c>1.2345 USDC</c>) and
    /// <c>≈</c> in front when digits were left off; <see cref="Exact"/> gives every digit for a title or a detail page.
    /// Cut on the string, never through floating point.
    /// </summary>
    public static string Display(string asset, string units)
    {
        if (Asset.FromKnownCode(asset) is not { IsSuccess: true } known
            || !Int128.TryParse(units, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return $"{units} {asset}";
        }

        var major = Money.Of(known.Value, value).ToMajorString();
        var sign = major.StartsWith('-') ? "-" : string.Empty;
        var magnitude = major.TrimStart('-');
        switch (known.Value.Code)
        {
            case "JPY":
                return $"{sign}¥{magnitude}";
            case "USD":
                var point = magnitude.IndexOf('.', StringComparison.Ordinal);
                return point < 0 ? $"{sign}${magnitude}" : $"{sign}${magnitude.PadRight(point + 3, '0')}";
            default:
                var shortened = Shorten(magnitude);
                return $"{(shortened == magnitude ? string.Empty : "≈")}{sign}{shortened} {known.Value.Code}";
        }
    }

    /// <summary>An amount with every digit and its code ("0.012345678901234567 ETH"), for a title attribute or a detail page.</summary>
    public static string Exact(string asset, string units) => $"{Major(asset, units)} {asset}";

    /// <summary>
    /// A yen amount as a sentence reads it (<c>15,400円</c>); other assets as <see cref="Display"/> shows them.
    /// </summary>
    public static string InSentence(string asset, string units) =>
        asset == "JPY" ? $"{Major(asset, units)}円" : Display(asset, units);

    /// <summary>
    /// <paramref name="magnitude"/> ("1,234.56789", "0.000123456") cut to <see cref="CryptoDecimals"/> decimals at one or
    /// more, or to <see cref="Significant"/> significant digits below one; trailing zeros dropped.
    /// </summary>
    private static string Shorten(string magnitude)
    {
        var point = magnitude.IndexOf('.', StringComparison.Ordinal);
        if (point < 0)
        {
            return magnitude;
        }

        var whole = magnitude[..point];
        var fraction = magnitude[(point + 1)..];
        int keep;
        if (whole != "0")
        {
            keep = CryptoDecimals;
        }
        else
        {
            var zeros = fraction.Length - fraction.TrimStart('0').Length;
            keep = zeros + Significant;
        }

        var kept = fraction.Length <= keep ? fraction : fraction[..keep].TrimEnd('0');
        return kept.Length == 0 ? whole : $"{whole}.{kept}";
    }

    /// <summary>Minor units as major units for display, exactly (see <see cref="Money.ToMajorString"/>).</summary>
    public static string Major(string asset, string units) =>
        Asset.FromKnownCode(asset) is { IsSuccess: true } known
            && Int128.TryParse(units, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? Money.Of(known.Value, value).ToMajorString()
            : units;
}
