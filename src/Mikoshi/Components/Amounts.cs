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
    /// Reads what a person typed in major units ("1500", "1,500.5", "０.１") as a string of minor
    /// units for <paramref name="asset"/>: full-width digits are read as digits, thousands
    /// separators and spaces are ignored; a sign, an exponent or more decimals than the asset has
    /// give an <c>invalid_amount</c> error. Range checks stay with <see cref="Money.Parse"/>.
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

        var value = text.ToString();
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

    /// <summary>Minor units as major units for display, exactly (see <see cref="Money.ToMajorString"/>).</summary>
    public static string Major(string asset, string units) =>
        Asset.FromKnownCode(asset) is { IsSuccess: true } known
            && Int128.TryParse(units, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? Money.Of(known.Value, value).ToMajorString()
            : units;
}
