using System.Numerics;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Revenue;

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
    public void Of_Units_RoundsDownExactlyAsTheOldIntegerFormula()
    {
        // Before the type, the waterfall recouped `revenue * recoupRateBps / 10_000` in Int128 and the funding
        // `Bps.From(rateColumn).Value.Of(revenue)`: the type must give the same unit for every amount and rate.
        Gen.Select(Gen.Int[0, Bps.WholeValue], Gen.Frequency((3, Gen.Int128[Int128.Zero, 1_000_000]), (1, Gen.Int128[Int128.Zero, Money.MaxUnits]))).Sample((value, revenue) =>
        {
            var old = revenue * value / RevenuePolicy.Whole;
            Assert.Equal(old, Bps.From(value).Value.Of(revenue));
        }, iter: 2000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9_999)]
    [InlineData(10_000)]
    public void From_WithAnAreasError_AcceptsTheWhole(int value) =>
        Assert.Equal(value, Bps.From(value, GovernanceErrors.InvalidProposal).Value.Value);

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    [InlineData(int.MaxValue)]
    public void From_WithAnAreasError_RefusesWithThatAreasCode(int value) =>
        Assert.Equal(GovernanceErrors.Codes.InvalidProposal, Bps.From(value, GovernanceErrors.InvalidProposal).Error?.Code);

    /// <summary>
    /// Each rule's factory accepts exactly the counts today's checks accepted, and refuses the rest with the code
    /// the rule returned before: royalty 0–5,000 and redemption 0–10,000 (<c>invalid_parameter</c>), a revenue share
    /// 0–10,000 (<c>invalid_parameter</c>), a quorum 0–10,000 and a threshold 5,000–9,999 (<c>invalid_proposal</c>).
    /// </summary>
    [Fact]
    public void RuleFactories_AcceptExactlyTheOldRanges_WithTheOldCodes()
    {
        Gen.Frequency((3, Gen.Int[-20_000, 20_000]), (1, Gen.Int[int.MinValue, int.MaxValue])).Sample(value =>
        {
            Check(MembershipPolicy.Royalty(value), value is >= 0 and <= 5_000, MembershipErrors.Codes.InvalidParameter);
            Check(MembershipPolicy.RedemptionRate(value), value is >= 0 and <= 10_000, MembershipErrors.Codes.InvalidParameter);
            Check(RevenuePolicy.Share(value), value is >= 0 and <= 10_000, MembershipErrors.Codes.InvalidParameter);
            Check(ProposalRulesFor.Quorum(value), value is >= 0 and <= 10_000, GovernanceErrors.Codes.InvalidProposal);
            Check(ProposalRulesFor.Threshold(value), value is >= 5_000 and < 10_000, GovernanceErrors.Codes.InvalidProposal);
        }, iter: 2000);

        static void Check(Result<Bps> made, bool accepted, string code)
        {
            Assert.Equal(accepted, made.IsSuccess);
            Assert.Equal(accepted ? null : code, made.Error?.Code);
        }
    }

    [Fact]
    public void Sum_IsTheWholeAtMost_ElseTheGivenError()
    {
        Gen.Select(Gen.Int[0, Bps.WholeValue], Gen.Int[0, Bps.WholeValue], Gen.Int[0, Bps.WholeValue]).Sample((a, b, c) =>
        {
            var sum = Bps.Sum(MembershipErrors.InvalidParameter, Bps.From(a).Value, Bps.From(b).Value, Bps.From(c).Value);
            Assert.Equal(a + b + c <= Bps.WholeValue, sum.IsSuccess);
            Assert.Equal(sum.IsSuccess ? a + b + c : 0, sum.IsSuccess ? sum.Value.Value : 0);
            Assert.Equal(sum.IsSuccess ? null : MembershipErrors.Codes.InvalidParameter, sum.Error?.Code);
        }, iter: 1000);
    }

    [Fact]
    public void ContributorsShare_IsTheWholeLessThePolicysShares()
    {
        var policy = RevenuePolicy.Of(Bps.From(2_000).Value, Bps.From(1_000).Value, Bps.From(250).Value, false).Value;
        Assert.Equal(10_000 - 2_000 - 1_000 - 250, policy.ContributorsBps.Value);
        Assert.Equal(Bps.Zero, RevenuePolicy.Of(Bps.From(5_000).Value, Bps.From(5_000).Value, Bps.Zero, false).Value.ContributorsBps);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10_001)]
    public void Stored_OutsideTheWhole_IsABug(int value) =>
        Assert.Throws<InvariantViolatedException>(() => Bps.Stored(value));

    [Fact]
    public void Rest_IsTheWholeLessTheShare_AndComparisonsFollowTheCount()
    {
        Assert.Equal(Bps.From(8_750).Value, Bps.From(1_250).Value.Rest);
        Assert.Equal(Bps.Zero, Bps.Whole.Rest);
        Assert.True(Bps.From(1).Value > Bps.Zero && Bps.Zero < Bps.Whole && Bps.Whole >= Bps.Whole);
        Assert.Equal(Bps.From(4_000).Value, Bps.AtMost(4_000, Bps.From(5_000).Value, MembershipErrors.InvalidParameter).Value);
        Assert.Equal(MembershipErrors.Codes.InvalidParameter, Bps.AtMost(5_001, Bps.From(5_000).Value, MembershipErrors.InvalidParameter).Error?.Code);
    }

    [Fact]
    public void ToString_ReadsAsAPercent()
    {
        Assert.Equal("12.5%", Bps.From(1250).Value.ToString());
        Assert.Equal("100%", Bps.Whole.ToString());
        Assert.Equal("0.01%", Bps.From(1).Value.ToString());
    }
}
