using Mikoshi.Domain.Tax;

namespace Mikoshi.Domain.Tests.Tax;

public class WithholdingTests
{
    private static readonly WithholdingKind Design = WithholdingKind.Of("design").Value;

    // Every expected value worked by hand: up to ¥1,000,000, yen × 0.1021 with the fraction dropped; above it,
    // (yen − 1,000,000) × 0.2042 with the fraction dropped, plus ¥102,100.
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]                          // 0.1021
    [InlineData(9, 0)]                          // 0.9189
    [InlineData(10, 1)]                         // 1.021
    [InlineData(100, 10)]                       // 10.21
    [InlineData(10_000, 1_021)]
    [InlineData(33_333, 3_403)]                 // 3,403.2993
    [InlineData(55_555, 5_672)]                 // 5,672.1655
    [InlineData(999_999, 102_099)]              // 102,099.8979
    [InlineData(1_000_000, 102_100)]            // exactly the threshold
    [InlineData(1_000_001, 102_100)]            // 102,100 + 0.2042
    [InlineData(1_000_004, 102_100)]            // 102,100 + 0.8168
    [InlineData(1_000_005, 102_101)]            // 102,100 + 1.021
    [InlineData(1_000_010, 102_102)]            // 102,100 + 2.042
    [InlineData(1_500_000, 204_200)]            // 102,100 + 102,100
    [InlineData(2_000_000, 306_300)]            // 102,100 + 204,200
    [InlineData(3_333_333, 578_566)]            // 102,100 + 476,466.5986
    [InlineData(10_000_000, 1_939_900)]         // 102,100 + 1,837,800
    [InlineData(123_456_789, 25_107_776)]       // 102,100 + 25,005,676.3138
    public void TaxOn_IsTenPointTwoOnePercentUpToAMillion_AndTwentyPointFourTwoAboveIt_FractionDropped(long yen, long tax) =>
        Assert.Equal((Int128)tax, Withholding.TaxOn(yen));

    [Fact]
    public void TaxOn_FarAboveAMillion_IsExactToTheYen()
    {
        // ¥10^15: 102,100 + (10^15 − 10^6) × 0.2042 = 102,100 + 204,199,999,795,800 (0.2042 × 10^6 = 204,200 exactly).
        Assert.Equal(Int128.Parse("204200000000000", System.Globalization.CultureInfo.InvariantCulture) - 204_200 + 102_100,
            Withholding.TaxOn(Int128.Parse("1000000000000000", System.Globalization.CultureInfo.InvariantCulture)));
        // The largest payment Mikoshi keeps, 10^30 yen, still computes without overflow.
        Assert.True(Withholding.TaxOn(Money.MaxUnits) > Int128.Zero);
    }

    [Fact]
    public void TaxOn_NeverFallsAsThePaymentGrows_AndIsContinuousAtTheThreshold()
    {
        var previous = Withholding.TaxOn(989_999);
        for (long yen = 990_000; yen <= 1_010_000; yen++)
        {
            var tax = Withholding.TaxOn(yen);
            Assert.True(tax >= previous, $"tax fell at ¥{yen}");
            Assert.True(tax - previous <= 1, $"tax jumped at ¥{yen}");
            previous = tax;
        }
    }

    [Fact]
    public void On_AnIndividualPaidForDesign_NetPlusWithheldIsGross()
    {
        var split = Withholding.On(Money.Of(Asset.Jpy, 1_200_000), Design, TaxStatus.Individual);
        Assert.Equal(Money.Of(Asset.Jpy, 142_940), split.Withheld);   // 102,100 + 200,000 × 0.2042
        Assert.Equal(Money.Of(Asset.Jpy, 1_057_060), split.Net);
        Assert.Equal(split.Gross.Units, split.Net.Units + split.Withheld.Units);
    }

    [Fact]
    public void On_ACompany_AKindWithoutWithholding_OrNotYen_WithholdsNothing()
    {
        var yen = Money.Of(Asset.Jpy, 500_000);
        Assert.True(Withholding.On(yen, Design, TaxStatus.Company).Withheld.IsZero);
        Assert.True(Withholding.On(yen, WithholdingKind.None, TaxStatus.Individual).Withheld.IsZero);
        Assert.True(Withholding.On(Money.Of(Asset.FromKnownCode("USD").Value, 500_000), Design, TaxStatus.Individual).Withheld.IsZero);
        // No status on file: withheld, since a payer who fails to withhold owes the tax.
        Assert.Equal(Money.Of(Asset.Jpy, 51_050), Withholding.On(yen, Design, null).Withheld);
    }

    [Theory]
    [InlineData("fee")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Design")]
    public void Kind_UnknownToTheCatalogue_IsRefused(string? code) =>
        Assert.Equal("unknown_withholding_kind", WithholdingKind.Of(code).Error?.Code);

    [Theory]
    [InlineData("2026-11", "2026-11-01", "2026-11-30", "2026-12-10")]
    [InlineData("2026-12", "2026-12-01", "2026-12-31", "2027-01-10")]
    [InlineData("2028-02", "2028-02-01", "2028-02-29", "2028-03-10")]
    [InlineData("2026-H1", "2026-01-01", "2026-06-30", "2026-07-10")]
    [InlineData("2026-H2", "2026-07-01", "2026-12-31", "2027-01-20")]
    public void Period_CoversItsDays_AndIsDueOnTheStatutoryDay(string code, string first, string last, string due)
    {
        var period = WithholdingPeriod.Parse(code).Value;
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), period.First);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), period.Last);
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), period.Due);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-H3")]
    [InlineData("2026-1")]
    [InlineData("26-11")]
    [InlineData(null)]
    public void Period_Malformed_IsRefused(string? code) => Assert.Equal("invalid_withholding_period", WithholdingPeriod.Parse(code).Error?.Code);
}
