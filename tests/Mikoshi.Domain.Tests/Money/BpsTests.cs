using System.Numerics;

namespace Mikoshi.Domain.Tests;

public class BpsTests
{
    [Theory]
    [InlineData("12.5", 1250)]
    [InlineData("１２．５％", 1250)]
    [InlineData("0", 0)]
    [InlineData("100", 10_000)]
    [InlineData("100.00%", 10_000)]
    [InlineData(".5", 50)]
    [InlineData("33.33", 3333)]
    public void Parse_ReadsAPercentWithAtMostTwoDecimals(string typed, int bps) =>
        Assert.Equal(bps, Bps.Parse(typed).Value.Value);

    [Theory]
    [InlineData("100.01")]
    [InlineData("1.234")]
    [InlineData("-1")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1000")]
    [InlineData(null)]
    public void Parse_RefusesAnythingElse_AsInvalidPercent(string? typed) =>
        Assert.Equal(MoneyErrors.Codes.InvalidPercent, Bps.Parse(typed).Error?.Code);

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    [InlineData(int.MinValue)]
    public void From_RefusesACountOutsideTheWhole(int value) =>
        Assert.Equal(MoneyErrors.Codes.InvalidPercent, Bps.From(value).Error?.Code);

    [Fact]
    public void Of_IsTheFloorOfTheExactShare_AndNeverMoreThanTheAmount()
    {
        Gen.Select(Gen.Int[0, Bps.WholeValue], Gen.Int128[Int128.Zero, Money.MaxUnits]).Sample((value, units) =>
        {
            var share = Bps.From(value).Value.Of(Money.Of(Asset.Jpy, units));
            Assert.Equal(Asset.Jpy, share.Asset);
            Assert.Equal((Int128)((BigInteger)units * value / Bps.WholeValue), share.Units);
            Assert.True(share.Units <= units);
        }, iter: 1000);
    }

    [Fact]
    public void ToString_ReadsAsAPercent()
    {
        Assert.Equal("12.5%", Bps.From(1250).Value.ToString());
        Assert.Equal("100%", Bps.Whole.ToString());
        Assert.Equal("0.01%", Bps.From(1).Value.ToString());
    }
}
