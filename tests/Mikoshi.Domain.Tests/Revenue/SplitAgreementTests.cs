using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Domain.Tests.Revenue;

public class SplitAgreementTests
{
    private static SplitParty Weight(long weight) => new(new PersonId(Guid.NewGuid()), weight, Bps.Zero);

    private static SplitParty Fixed(int bps) => new(new PersonId(Guid.NewGuid()), 0, Bps.Stored(bps));

    [Fact]
    public void FixedSharesComeFirst_ThenWeightsSplitTheRest()
    {
        // An outside illustrator takes 10%; the two members split ¥9,000 2:1.
        var agreement = SplitTerms.Of([Weight(2), Fixed(1_000), Weight(1)]).Value;

        Assert.Equal([(Int128)6_000, 1_000, 3_000], agreement.Split(10_000));
    }

    [Fact]
    public void FixedSharesAlone_MustMakeTheWhole()
    {
        Assert.Equal("invalid_split", SplitTerms.Of([Fixed(5_000)]).Error?.Code);
        Assert.Equal([(Int128)51, 50], SplitTerms.Of([Fixed(5_000), Fixed(5_000)]).Value.Split(101));
    }

    [Theory]
    [InlineData(-1L, 1L)]
    [InlineData(0L, 0L)]
    public void NegativeOrAllZeroWeights_AreRefused(long first, long second) =>
        Assert.Equal("invalid_split", SplitTerms.Of([Weight(first), Weight(second)]).Error?.Code);

    [Fact]
    public void APersonNamedTwice_BothAWeightAndAShare_OrTooMuchFixed_IsRefused()
    {
        var person = new PersonId(Guid.NewGuid());
        Assert.Equal("invalid_split", SplitTerms.Of([new SplitParty(person, 1, Bps.Zero), new SplitParty(person, 2, Bps.Zero)]).Error?.Code);
        Assert.Equal("invalid_split", SplitTerms.Of([new SplitParty(person, 1, Bps.Stored(100))]).Error?.Code);
        Assert.Equal("invalid_split", SplitTerms.Of([Fixed(6_000), Fixed(6_000), Weight(1)]).Error?.Code);
        Assert.Equal("invalid_split", SplitTerms.Of([]).Error?.Code);
        Assert.Equal("invalid_split", SplitTerms.Of([Weight(long.MaxValue), Weight(1)]).Error?.Code);
    }

    [Fact]
    public void Split_AlwaysSumsToTheAmount_AndFollowsTheShares()
    {
        var parties = Gen.Select(Gen.Long[0, 1_000_000], Gen.Int[0, 3], Gen.Int[1, 2_000])
            .Select((weight, kind, bps) => kind == 0 ? Fixed(bps) : Weight(weight))
            .Array[1, 12];
        Gen.Select(parties, Gen.Long[0, long.MaxValue]).Sample((list, amount) =>
        {
            var agreement = SplitTerms.Of(list);
            if (!agreement.IsSuccess)
            {
                return;
            }

            var parts = agreement.Value.Split(amount);
            Assert.Equal((Int128)amount, parts.Aggregate(Int128.Zero, (a, b) => a + b));
            for (var i = 0; i < list.Length; i++)
            {
                Assert.True(parts[i] >= Int128.Zero);
                if (list[i].IsFixed)
                {
                    // A fixed share is within one unit of its exact share.
                    var exact = (Int128)amount * list[i].FixedBps.Value;
                    Assert.True(parts[i] * 10_000 > exact - 10_000 && parts[i] * 10_000 < exact + 10_000);
                }
            }
        }, iter: 2000);
    }

    [Fact]
    public void Cap_PaysUpToWhatWasPaidIn_AndTheRestToTheTreasury()
    {
        Assert.Equal(((Int128)300, (Int128)700), DistributionCap.Apply(1_000, 10_000, 9_700));
        Assert.Equal((Int128.Zero, (Int128)50), DistributionCap.Apply(50, 100, 200));
        Assert.Equal(((Int128)50, Int128.Zero), DistributionCap.Apply(50, 100, 0));
    }
}
