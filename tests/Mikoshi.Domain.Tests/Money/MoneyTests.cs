using System.Globalization;

namespace Mikoshi.Domain.Tests;

public class MoneyTests
{
    private static readonly Int128 TenTo27 = Int128.Parse("1" + new string('0', 27), CultureInfo.InvariantCulture);
    private static readonly Int128 TenTo30 = Int128.Parse("1" + new string('0', 30), CultureInfo.InvariantCulture);

    public static TheoryData<string, string> ValidAmounts => new()
    {
        { "1", "1" },
        { "7", "7" },
        { "1500", "1500" },
        { "1" + new string('0', 26) + "1", "1" + new string('0', 26) + "1" }, // 10^27 + 1: beyond decimal and long
        { "9" + new string('9', 29), "9" + new string('9', 29) },               // 10^30 - 1
        { "1" + new string('0', 30), "1" + new string('0', 30) },               // exactly 10^30, the maximum
    };

    [Theory]
    [MemberData(nameof(ValidAmounts))]
    public void Parse_AcceptsPositiveDecimalDigitsUpToTenToThirty(string text, string expectedUnits)
    {
        var parsed = Money.Parse(Asset.Eth, text);

        Assert.True(parsed.IsSuccess, parsed.Error?.Code);
        Assert.Equal(Asset.Eth, parsed.Value.Asset);
        Assert.Equal(Int128.Parse(expectedUnits, CultureInfo.InvariantCulture), parsed.Value.Units);
        Assert.Equal(expectedUnits, parsed.Value.UnitsText);
    }

    public static TheoryData<string?, string> InvalidAmounts => new()
    {
        { null, "invalid_amount" },
        { "", "invalid_amount" },
        { "-1", "invalid_amount" },
        { "+1", "invalid_amount" },
        { "1.5", "invalid_amount" },
        { "1.0", "invalid_amount" },
        { "1e3", "invalid_amount" },
        { "0x10", "invalid_amount" },
        { " 1", "invalid_amount" },
        { "1 ", "invalid_amount" },
        { "1 000", "invalid_amount" },
        { "1,000", "invalid_amount" },
        { "0", "invalid_amount" },
        { "00", "invalid_amount" },
        { new string('0', 60), "invalid_amount" },
        { "１２", "invalid_amount" },      // full-width digits
        { "١٢", "invalid_amount" },        // Arabic-Indic digits
        { "1２", "invalid_amount" },
        { "1" + new string('0', 29) + "1", "amount_out_of_range" },   // 10^30 + 1
        { "2" + new string('0', 30), "amount_out_of_range" },
        { new string('9', 31), "amount_out_of_range" },
        { new string('9', 32), "amount_out_of_range" },
        { new string('9', 38), "amount_out_of_range" },
        { new string('9', 39), "amount_out_of_range" },               // above Int128.MaxValue
        { new string('9', 40), "amount_out_of_range" },
        { "1" + new string('0', 59), "amount_out_of_range" },         // 60 digits
        { new string('9', 60), "amount_out_of_range" },
        { new string('7', 10_000), "amount_out_of_range" },
    };

    [Theory]
    [MemberData(nameof(InvalidAmounts))]
    public void Parse_RefusesAnythingButAPositiveAmountWithItsCode(string? text, string expectedCode)
    {
        var parsed = Money.Parse(Asset.Jpy, text);

        Assert.False(parsed.IsSuccess);
        Assert.Equal(expectedCode, parsed.Error.Code);
    }

    [Fact]
    public void Parse_ForEveryAmountUpToTheMaximum_RoundTripsThroughUnitsText()
    {
        Gen.Int128[Int128.One, TenTo30].Sample(units =>
        {
            var text = units.ToString(CultureInfo.InvariantCulture);
            var parsed = Money.Parse(Asset.Usdc, text);
            Assert.True(parsed.IsSuccess, parsed.Error?.Code);
            Assert.Equal(units, parsed.Value.Units);
            Assert.Equal(text, parsed.Value.UnitsText);
        });
    }

    public static TheoryData<string, string, string> MajorStrings => new()
    {
        { "JPY", "0", "0" },
        { "JPY", "1", "1" },
        { "JPY", "999", "999" },
        { "JPY", "1000", "1,000" },
        { "JPY", "1500", "1,500" },
        { "JPY", "1234567", "1,234,567" },
        { "JPY", "-1", "-1" },
        { "JPY", "-1500", "-1,500" },
        { "JPY", "-123456", "-123,456" },
        { "USD", "150", "1.5" },
        { "USD", "1", "0.01" },
        { "USDC", "1", "0.000001" },
        { "USDC", "1000000", "1" },
        { "USDC", "1500000", "1.5" },
        { "USDC", "1234567890123", "1,234,567.890123" },
        { "USDC", "-1", "-0.000001" },
        { "USDC", "-2500000", "-2.5" },
        { "ETH", "1", "0.000000000000000001" },
        { "ETH", "500000000000000000", "0.5" },
        { "ETH", "1000000000000000000", "1" },
        { "ETH", "1500000000000000000", "1.5" },
        { "ETH", "1" + new string('0', 26) + "1", "1,000,000,000.000000000000000001" },
        { "ETH", "1" + new string('0', 30), "1,000,000,000,000" },
        { "ETH", "-500000000000000000", "-0.5" },
        { "ETH", "-1234000000000000000000", "-1,234" },
    };

    [Theory]
    [MemberData(nameof(MajorStrings))]
    public void ToMajorString_KeepsEveryDecimalAndGroupsThousands(string assetCode, string units, string expected)
    {
        var money = Money.Of(Asset.FromKnownCode(assetCode).Value, Int128.Parse(units, CultureInfo.InvariantCulture));

        Assert.Equal(expected, money.ToMajorString());
        Assert.Equal($"{expected} {assetCode}", money.ToString());
        Assert.Equal(expected.Replace(",", string.Empty, StringComparison.Ordinal), money.ToPlainString());
    }

    [Fact]
    public void ToMajorString_IsExactForEveryAmountAndDecimals()
    {
        // Reference: strip the grouping commas and the point, and the digits must be the units again.
        var gen = Gen.Select(Gen.Int128[-TenTo30, TenTo30], Gen.Int[0, 18]);
        gen.Sample((units, decimals) =>
        {
            var text = Money.Of(Asset.Of("TEST", decimals).Value, units).ToMajorString();
            var point = text.IndexOf('.', StringComparison.Ordinal);
            var fractionDigits = point < 0 ? 0 : text.Length - point - 1;
            Assert.InRange(fractionDigits, 0, decimals);
            Assert.False(point >= 0 && text.EndsWith('0'), $"trailing zero in {text}");
            Assert.Matches(@"^-?[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?$", text);
            var digits = text.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal)
                + new string('0', decimals - fractionDigits);
            Assert.Equal(units, Int128.Parse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        });
    }

    [Fact]
    public void Arithmetic_OnOneAsset_IsExact()
    {
        var a = Money.Of(Asset.Eth, TenTo27 + 1);
        var b = Money.Of(Asset.Eth, 2);

        Assert.Equal(TenTo27 + 3, (a + b).Units);
        Assert.Equal(TenTo27 - 1, (a - b).Units);
        Assert.Equal(-(TenTo27 + 1), (-a).Units);
        Assert.True(b < a);
        Assert.True(a >= Money.Of(Asset.Eth, TenTo27 + 1));
        Assert.False(a <= b);
        Assert.Equal(0, Money.Zero(Asset.Eth).CompareTo(a - a));
    }

    public static TheoryData<string> Combinations => new() { "+", "-", "<", ">", "<=", ">=", "CompareTo" };

    [Theory]
    [MemberData(nameof(Combinations))]
    public void MixingAssets_Throws(string operation)
    {
        var yen = Money.Of(Asset.Jpy, 100);
        var dollars = Money.Of(Asset.Usd, 100);

        Action combine = operation switch
        {
            "+" => () => _ = yen + dollars,
            "-" => () => _ = yen - dollars,
            "<" => () => _ = yen < dollars,
            ">" => () => _ = yen > dollars,
            "<=" => () => _ = yen <= dollars,
            ">=" => () => _ = yen >= dollars,
            _ => () => _ = yen.CompareTo(dollars),
        };

        Assert.Throws<AssetMismatchException>(combine);
    }

    [Fact]
    public void Arithmetic_BeyondInt128_ThrowsInsteadOfWrapping()
    {
        var max = Money.Of(Asset.Jpy, Int128.MaxValue);
        var min = Money.Of(Asset.Jpy, Int128.MinValue);
        var one = Money.Of(Asset.Jpy, 1);

        Assert.Throws<OverflowException>(() => max + one);
        Assert.Throws<OverflowException>(() => min - one);
        Assert.Throws<OverflowException>(() => -min);
    }
}
