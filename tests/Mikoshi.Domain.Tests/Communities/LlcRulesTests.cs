using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Domain.Tests;

public class LlcRulesTests
{
    private static Community Llc(bool on, bool inheritance)
    {
        var community = Community.Found("llc-dao", "合同会社型DAO", "", [], "JPY", [], PersonId.New(), DateTimeOffset.UnixEpoch).Value;
        community.ChangeLlcDao(on, inheritance);
        return community;
    }

    [Theory]
    [InlineData(false, false, LlcMove.Gift, false, null)]
    [InlineData(false, false, LlcMove.Succession, false, null)]
    [InlineData(true, false, LlcMove.Gift, false, "llc_transfer_not_approved")]
    [InlineData(true, false, LlcMove.Purchase, false, "llc_purchase_not_approved")]
    [InlineData(true, false, LlcMove.Mint, false, "llc_member_not_approved")]
    [InlineData(true, false, LlcMove.Succession, true, "llc_succession_not_in_articles")]
    [InlineData(true, true, LlcMove.Succession, false, "llc_successor_not_approved")]
    [InlineData(true, true, LlcMove.Succession, true, null)]
    [InlineData(true, false, LlcMove.Gift, true, null)]
    [InlineData(true, false, LlcMove.Purchase, true, null)]
    [InlineData(true, false, LlcMove.Mint, true, null)]
    public void MayReceive_InTheMode_OnlyRegisteredPeople_AndSuccessionOnlyUnderTheArticles(bool on, bool inheritance, LlcMove move, bool registered, string? refusal)
    {
        var result = LlcRules.MayReceive(Llc(on, inheritance), move, registered);

        Assert.Equal(refusal, result.Error?.Code);
    }

    [Theory]
    [InlineData(9_500, 10_000, 0, null)]
    [InlineData(10_000, 10_000, 0, null)]
    [InlineData(10_001, 10_000, 0, "llc_gain_over_cap")]
    [InlineData(5_000, 10_000, 5_001, "llc_gain_over_cap")]
    [InlineData(1, 0, 0, "llc_gain_over_cap")]
    public void MaySell_ProceedsBeyondWhatIsLeftOfThePaidIn_AreRefused(long proceeds, long paidIn, long received, string? refusal)
    {
        Assert.Equal(refusal, LlcRules.MaySell(Llc(true, false), proceeds, paidIn, received).Error?.Code);
        Assert.True(LlcRules.MaySell(Llc(false, false), proceeds, paidIn, received).IsSuccess);
    }

    [Fact]
    public void TurningTheModeOn_TurnsTheCapOn_AndKeepsItOn()
    {
        var community = Llc(true, false);

        Assert.True(community.CapHolderDistributions);
        var off = RevenuePolicy.Of(community.RevenueTreasuryBps, community.RevenueHolderBps, community.RevenueReserveBps, false, capAtPaidIn: false).Value;
        Assert.Equal("llc_cap_required", community.ChangeRevenuePolicy(off).Error?.Code);
        Assert.True(community.CapHolderDistributions);
        community.ChangeLlcDao(false, false);
        Assert.True(community.ChangeRevenuePolicy(off).IsSuccess);
        Assert.False(community.CapHolderDistributions);
    }
}
