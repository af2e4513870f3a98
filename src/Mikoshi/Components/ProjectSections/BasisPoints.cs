using System.Globalization;
using Mikoshi.Domain;

namespace Mikoshi.Components.ProjectSections;

/// <summary>
/// A share as the ledger keeps it: whole hundredths of a percent, 0 to 10,000 (100%). People type and read it
/// as a percent ("12.5", "１２．５％"); it is never read as an amount of money.
/// </summary>
public readonly record struct BasisPoints
{
    public const int Whole = 10_000;

    private BasisPoints(int value) => Value = value;

    /// <summary>Hundredths of a percent, 0 to <see cref="Whole"/>.</summary>
    public int Value { get; }

    /// <summary>
    /// A typed percent with at most two decimals, half- or full-width, with or without a % sign, as basis points;
    /// <c>invalid_percent</c> for anything else, or for more than 100%.
    /// </summary>
    public static Result<BasisPoints> FromPercent(string? typed)
    {
        var text = Typed.Digits(typed).TrimEnd('%');
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
        return value <= Whole
            ? new BasisPoints(value)
            : MoneyErrors.InvalidPercent;
    }
}

/// <summary>Numbers people type: full-width digits and marks read as ASCII, thousands separators and spaces dropped.</summary>
public static class Typed
{
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
