using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Domain.Tests.Revenue;

public class WaterfallTests
{
    private static readonly RevenuePolicy Policy = RevenuePolicy.Of(B(1_000), B(2_000), B(500), false).Value;

    [Fact]
    public void Waterfall_RecoupsFirst_ThenSharesByPolicy_ThenContributorsByWeight()
    {
        // ¥100,000 with ¥30,000 of grant outstanding recouped at 50%: ¥30,000 back (cap), ¥70,000 split.
        var result = Waterfall.Run(100_000, 30_000, B(5_000), Policy, Weighted(2, 1), anyHolders: true).Value;

        Assert.Equal(30_000, result.Recouped);
        Assert.Equal(7_000, result.Treasury);
        Assert.Equal(14_000, result.Holders);
        Assert.Equal(3_500, result.Reserve);
        Assert.Equal([(Int128)30_333, 15_167], result.Contributors);
        Assert.Equal((Int128)100_000, result.Total);
    }

    [Fact]
    public void Waterfall_WithNoHolders_OrRoutedToTheTreasury_GivesTheHolderShareToTheTreasury()
    {
        var none = Waterfall.Run(10_000, 0, Bps.Zero, Policy, Weighted(1), anyHolders: false).Value;
        var routed = Waterfall.Run(10_000, 0, Bps.Zero, RevenuePolicy.Of(B(1_000), B(2_000), B(500), true).Value, Weighted(1), anyHolders: true).Value;

        Assert.Equal(3_000, none.Treasury);
        Assert.Equal(Int128.Zero, none.Holders);
        Assert.Equal(none, routed with { Contributors = none.Contributors });
    }

    [Fact]
    public void Waterfall_AlwaysAccountsForEveryUnit()
    {
        Gen.Select(Gen.Long[1, long.MaxValue], Gen.Long[0, long.MaxValue], Gen.Int[0, 10_000], Gen.Long[0, 1_000].Array[1, 20].Where(w => w.Any(x => x > 0)))
            .Sample((revenue, grant, rate, weights) =>
            {
                var result = Waterfall.Run(revenue, grant, B(rate), Policy, Weighted(weights), anyHolders: true).Value;
                Assert.Equal((Int128)revenue, result.Total);
                Assert.True(result.Recouped <= grant);
                Assert.All(result.Contributors, part => Assert.True(part >= Int128.Zero));
            }, iter: 2000);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(-1, 0, 0)]
    [InlineData(100, -1, 0)]
    public void Waterfall_RefusesBadInput(long revenue, long grant, int rate) =>
        Assert.Equal("invalid_amount", Waterfall.Run(revenue, grant, B(rate), Policy, Weighted(1), true).Error?.Code);

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void RecoupRate_OutsideTheWhole_IsNoBps_SoNeverReachesTheWaterfall(int rate) =>
        Assert.Equal("invalid_percent", Bps.From(rate).Error?.Code);

    /// <summary>An agreement of team members with these weights, in order.</summary>
    public static SplitTerms Weighted(params long[] weights) =>
        SplitTerms.Of(weights.Select(w => new SplitParty(new PersonId(Guid.NewGuid()), w, Bps.Zero)).ToList()).Value;

    [Fact]
    public void Policy_AboveTheWhole_IsRefused() =>
        Assert.Equal("invalid_parameter", RevenuePolicy.Of(B(5_000), B(5_000), B(1), false).Error?.Code);

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void PolicyShare_OutsideTheWhole_IsRefusedAsAnInvalidParameter(int bps) =>
        Assert.Equal("invalid_parameter", RevenuePolicy.Share(bps).Error?.Code);

    private static Bps B(int bps) => Bps.From(bps).Value;
}
