using System.Numerics;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Projects;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Domain.Tests.Revenue;

public class ProjectFundingTests
{
    private static ProjectFunding Open() => ProjectFunding.Open(CommunityId.New(), ProjectNumber.Of(1).Value, Asset.Jpy);

    private static Money Yen(long units) => Money.Of(Asset.Jpy, units);

    private static Bps Rate(int bps) => Bps.From(bps).Value;

    [Fact]
    public void Recoup_TakesTheRateOfTheRevenue_CappedAtWhatIsOutstanding()
    {
        var funding = Open();
        Assert.True(funding.Grant(Yen(30_000), Rate(5_000)).IsSuccess);

        Assert.Equal(Yen(30_000), funding.Recoup(Yen(100_000)).Value);   // half would be 50,000: capped at the grant
        Assert.Equal(Yen(0), funding.Recoup(Yen(100_000)).Value);        // nothing left to recover
        Assert.Equal((Int128)30_000, funding.Granted);
        Assert.Equal(Int128.Zero, funding.Outstanding);
        Assert.Equal((Int128)30_000, funding.Recouped);
    }

    [Fact]
    public void Grant_WithoutARate_IsGrantedButNothingIsToBeRecovered()
    {
        var funding = Open();
        Assert.True(funding.Grant(Yen(10_000), Bps.Zero).IsSuccess);

        Assert.Equal(Yen(0), funding.Recoup(Yen(50_000)).Value);
        Assert.Equal((Int128)10_000, funding.Granted);
        Assert.Equal(Int128.Zero, funding.Outstanding);
    }

    [Fact]
    public void Grant_AndRecoup_RefuseAnotherAssetOrAnAmountThatIsNotPositive()
    {
        var funding = Open();
        Assert.Equal(MoneyErrors.Codes.InvalidAmount, funding.Grant(Money.Of(Asset.Eth, 5), Rate(100)).Error?.Code);
        Assert.Equal(MoneyErrors.Codes.InvalidAmount, funding.Grant(Yen(0), Rate(100)).Error?.Code);
        Assert.True(funding.Grant(Yen(100), Rate(100)).IsSuccess);
        Assert.Equal(MoneyErrors.Codes.InvalidAmount, funding.Recoup(Money.Of(Asset.Eth, 5)).Error?.Code);
        Assert.Equal(MoneyErrors.Codes.InvalidAmount, funding.Recoup(Yen(0)).Error?.Code);
        Assert.Equal((Int128)100, funding.Outstanding);
    }

    private sealed record Step(bool IsGrant, long Amount, int RateBps);

    // Small grants against large revenue reach the cap often; zero rates leave grants unrecovered.
    private static readonly Gen<Step> Steps = Gen.Frequency(
        (2, Gen.Select(Gen.Long[1, 1_000_000], Gen.Frequency((1, Gen.Const(0)), (3, Gen.Int[1, Bps.WholeValue])), (amount, rate) => new Step(true, amount, rate))),
        (3, Gen.Long[1, 1_000_000_000_000].Select(revenue => new Step(false, revenue, 0))));

    /// <summary>
    /// Any sequence of grants and revenue: each recoupment is exactly the rate's share of the revenue or what was still
    /// outstanding, whichever is less (checked with BigInteger); after every step nothing was recouped beyond what was
    /// granted, and outstanding plus recouped is exactly what was granted to be recovered.
    /// </summary>
    [Fact]
    public void Recoup_NeverRecoversMoreThanGranted_AndTheSumsStayExact()
    {
        Steps.Array[1, 60].Sample(steps =>
        {
            var funding = Open();
            BigInteger granted = 0, toRecover = 0, recouped = 0, outstanding = 0;
            var rate = 0;
            foreach (var step in steps)
            {
                if (step.IsGrant)
                {
                    Assert.True(funding.Grant(Yen(step.Amount), Rate(step.RateBps)).IsSuccess);
                    granted += step.Amount;
                    if (step.RateBps > 0)
                    {
                        toRecover += step.Amount;
                        outstanding += step.Amount;
                        rate = step.RateBps;
                    }
                }
                else
                {
                    var expected = BigInteger.Min(outstanding, new BigInteger(step.Amount) * rate / Bps.WholeValue);
                    Assert.Equal((Int128)expected, funding.Recoup(Yen(step.Amount)).Value.Units);
                    outstanding -= expected;
                    recouped += expected;
                }

                Assert.Equal((Int128)granted, funding.Granted);
                Assert.Equal((Int128)recouped, funding.Recouped);
                Assert.Equal((Int128)outstanding, funding.Outstanding);
                Assert.True(funding.Outstanding >= Int128.Zero);
                Assert.True(funding.Recouped <= funding.Granted);
                Assert.Equal((Int128)toRecover, funding.Outstanding + funding.Recouped);
            }
        }, iter: 500);
    }
}
