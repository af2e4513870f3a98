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
            return Error.Of("amount_in_other_asset", $"This amount is in {asset.Code}; type it without another currency's sign.");
        }

        var point = value.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? value : value[..point];
        var fraction = point < 0 ? string.Empty : value[(point + 1)..];
        if (whole.Length + fraction.Length == 0 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
        {
            return Error.Of("invalid_amount", "An amount is a number such as 1500 or 12.5.");
        }

        var kept = fraction.TrimEnd('0');
        if (kept.Length > asset.Decimals)
        {
            return Error.Of("too_many_decimals", $"{asset.Code} has {asset.Decimals} decimals.");
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

    /// <summary>Minor units as major units for display, exactly (see <see cref="Money.ToMajorString"/>).</summary>
    public static string Major(string asset, string units) =>
        Asset.FromKnownCode(asset) is { IsSuccess: true } known
            && Int128.TryParse(units, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? Money.Of(known.Value, value).ToMajorString()
            : units;
}
