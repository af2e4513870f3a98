using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Domain.Tests.Membership;

/// <summary>A succession plan's stages and who may run it when: the rules the pages and the use case share.</summary>
public class SuccessionPlanTests
{
    private static readonly DateTimeOffset LastActive = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Holder = new(new Guid(1, 0, 0, new byte[8]));
    private static readonly PersonId Heir = new(new Guid(2, 0, 0, new byte[8]));
    private static readonly PersonId Guardian = new(new Guid(3, 0, 0, new byte[8]));
    private static readonly PersonId Stranger = new(new Guid(4, 0, 0, new byte[8]));

    private static SuccessionPlan Plan() => SuccessionPlan.Of(Holder, [new Successor(Heir, 1)], false, [Guardian], 1, 30, 7).Value!;

    [Fact]
    public void Stage_MovesFromHolderActive_ThroughConfirmingAndTheVetoWindow_ToReady()
    {
        var plan = Plan();
        var reached = LastActive.AddDays(31);

        Assert.Equal(SuccessionStage.HolderActive, plan.StageAt(LastActive.AddDays(29), LastActive, null));
        Assert.Equal(SuccessionStage.Confirming, plan.StageAt(LastActive.AddDays(30), LastActive, null));
        Assert.Equal(SuccessionStage.VetoWindow, plan.StageAt(reached.AddDays(6), LastActive, reached));
        Assert.Equal(SuccessionStage.Ready, plan.StageAt(reached.AddDays(7), LastActive, reached));
    }

    [Fact]
    public void MayClaim_RefusesAStranger_AnUnconfirmedPlan_AndAnOpenVetoWindow()
    {
        var plan = Plan();
        var reached = LastActive.AddDays(31);

        Assert.Equal(MembershipErrors.Codes.NotAGuardian, plan.MayClaim(Stranger, reached.AddDays(8), reached, 1).Error?.Code);
        Assert.Equal(MembershipErrors.Codes.NotConfirmed, plan.MayClaim(Heir, reached.AddDays(8), null, 1).Error?.Code);
        Assert.Equal(MembershipErrors.Codes.NotConfirmed, plan.MayClaim(Heir, reached.AddDays(8), reached, 0).Error?.Code);
        Assert.Equal(MembershipErrors.Codes.VetoWindowOpen, plan.MayClaim(Guardian, reached.AddDays(6), reached, 1).Error?.Code);
        Assert.True(plan.MayClaim(Heir, reached.AddDays(7), reached, 1).IsSuccess);
        Assert.True(plan.MayClaim(Guardian, reached.AddDays(7), reached, 1).IsSuccess);
    }

    /// <summary>For any inactivity and veto period and any instant, the stage is the one the dates say, in order.</summary>
    [Fact]
    public void Stage_IsMonotoneInTime()
    {
        Gen.Select(Gen.Int[30, 400], Gen.Int[1, 365], Gen.Int[0, 800], Gen.Int[0, 800]).Sample((inactivity, veto, reachedDay, day) =>
        {
            var plan = SuccessionPlan.Of(Holder, [new Successor(Heir, 1)], false, [Guardian], 1, inactivity, veto).Value!;
            var reached = reachedDay >= inactivity ? LastActive.AddDays(reachedDay) : (DateTimeOffset?)null;
            var now = LastActive.AddDays(day);
            var later = now.AddDays(1);

            Assert.True(plan.StageAt(now, LastActive, reached) <= plan.StageAt(later, LastActive, reached));
            Assert.Equal(reached is null && day < inactivity, plan.StageAt(now, LastActive, reached) == SuccessionStage.HolderActive);
        });
    }
}
