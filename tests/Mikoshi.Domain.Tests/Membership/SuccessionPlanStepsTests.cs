using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Domain.Tests.Membership;

/// <summary>A succession plan's steps as verbs: name, revise, confirm, veto, inherit — each refusal with its error.</summary>
public class SuccessionPlanStepsTests
{
    private static readonly CommunityId Community = CommunityId.New();
    private static readonly DateTimeOffset LastActive = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PersonId Holder = PersonId.New();
    private static readonly PersonId Heir = PersonId.New();
    private static readonly PersonId First = PersonId.New();
    private static readonly PersonId Second = PersonId.New();

    private static SuccessionPlan Plan(int threshold = 2) =>
        SuccessionPlan.Name(Community, Holder, [new Successor(Heir, 1)], false, [First, Second], threshold, 30, 7).Value;

    [Fact]
    public void Confirm_RefusesAStranger_ASecondConfirmation_AndAHolderStillActive_AndOpensTheWindowOnceAtTheThreshold()
    {
        var plan = Plan();
        var now = LastActive.AddDays(31);

        Assert.Equal(MembershipErrors.Codes.NotAGuardian, plan.Confirm(Heir, now, LastActive, []).Error?.Code);
        Assert.Equal(MembershipErrors.Codes.HolderActive, plan.Confirm(First, LastActive.AddDays(29), LastActive, []).Error?.Code);
        Assert.Equal(MembershipErrors.Codes.AlreadyConfirmed, plan.Confirm(First, now, LastActive, [First]).Error?.Code);

        var first = plan.Confirm(First, now, LastActive, []).Value;
        Assert.Equal((Community, Holder, First), (first.CommunityId, first.HolderId, first.GuardianId));
        Assert.Null(plan.ThresholdReachedAt);

        Assert.True(plan.Confirm(Second, now.AddDays(1), LastActive, [First]).IsSuccess);
        Assert.Equal(now.AddDays(1), plan.ThresholdReachedAt);
        Assert.Equal(now.AddDays(8), plan.VetoEndsAt);
    }

    [Fact]
    public void Veto_And_Revise_CloseTheWindow_AndReviseRefusesBadTermsKeepingThePlan()
    {
        var plan = Plan(threshold: 1);
        plan.Confirm(First, LastActive.AddDays(31), LastActive, []);
        Assert.NotNull(plan.ThresholdReachedAt);
        plan.Veto();
        Assert.Null(plan.VetoEndsAt);

        plan.Confirm(First, LastActive.AddDays(31), LastActive, []);
        Assert.Equal(MembershipErrors.Codes.InvalidSuccessor, plan.Revise([new Successor(Holder, 1)], false, [First], 1, 30, 7).Error?.Code);
        Assert.Equal(MembershipErrors.Codes.InvalidThreshold, plan.Revise([new Successor(Heir, 1)], false, [First], 2, 30, 7).Error?.Code);
        Assert.Equal(MembershipErrors.Codes.InvalidPeriod, plan.Revise([new Successor(Heir, 1)], false, [First], 1, 29, 7).Error?.Code);
        Assert.Equal(MembershipErrors.Codes.InvalidGuardian, plan.Revise([new Successor(Heir, 1)], false, [Holder], 1, 30, 7).Error?.Code);
        Assert.Equal(new[] { First, Second }, plan.Guardians);
        Assert.NotNull(plan.ThresholdReachedAt);

        Assert.True(plan.Revise([new Successor(First, 1), new Successor(Heir, 3)], true, [Second], 1, 60, 14).IsSuccess);
        Assert.Equal((true, 60, 14, 1), (plan.ByShares, plan.InactivityDays, plan.VetoDays, plan.Threshold));
        Assert.Null(plan.ThresholdReachedAt);
        Assert.True(plan.Involves(First) && plan.Involves(Holder) && !plan.Involves(PersonId.New()));
    }

    [Fact]
    public void Inherit_RefusesAHolderWithNoToken_AndUsesUpTheConfirmations()
    {
        var plan = Plan(threshold: 1);
        var reached = LastActive.AddDays(31);
        plan.Confirm(First, reached, LastActive, []);

        Assert.Equal(MembershipErrors.Codes.VetoWindowOpen, plan.MayClaim(Heir, reached.AddDays(6), 1).Error?.Code);
        Assert.True(plan.MayClaim(Heir, reached.AddDays(7), 1).IsSuccess);
        Assert.Equal(MembershipErrors.Codes.NothingToInherit, plan.Inherit([]).Error?.Code);
        Assert.NotNull(plan.ThresholdReachedAt);

        var moves = plan.Inherit([TokenId.Stored(4), TokenId.Stored(9)]).Value;
        Assert.Equal(new[] { (TokenId.Stored(4), Heir), (TokenId.Stored(9), Heir) }, moves);
        Assert.Null(plan.ThresholdReachedAt);
        Assert.Equal(MembershipErrors.Codes.NotConfirmed, plan.MayClaim(Heir, reached.AddDays(8), 1).Error?.Code);
    }

    /// <summary>By shares, every token goes to exactly one successor, each within one token of their exact share.</summary>
    [Fact]
    public void Inherit_ByShares_GivesEachTokenOnce_InProportion()
    {
        Gen.Select(Gen.Long[1, SuccessionPlan.MaxShare].Array[1, SuccessionPlan.MaxNamed], Gen.Int[1, 300]).Sample((shares, count) =>
        {
            var successors = shares.Select(s => new Successor(PersonId.New(), s)).ToList();
            var plan = SuccessionPlan.Name(Community, Holder, successors, true, [], 0, 30, 7).Value;
            var tokens = Enumerable.Range(1, count).Select(i => TokenId.Stored(i)).ToList();

            var moves = plan.Inherit(tokens).Value;

            Assert.Equal(tokens, moves.Select(m => m.Token).OrderBy(t => t.Value));
            var total = shares.Sum();
            foreach (var successor in successors)
            {
                var got = moves.Count(m => m.To == successor.Person);
                var exact = (decimal)count * successor.Share / total;
                Assert.True(Math.Abs(got - exact) < 1, $"{got} tokens against an exact {exact}");
            }
        });
    }
}
