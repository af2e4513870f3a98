using Mikoshi.Domain.Governance;

namespace Mikoshi.Domain.Tests.Governance;

public class ProposalLifecycleTests
{
    private static readonly DateTimeOffset Opens = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = Opens.AddDays(7);
    private static readonly DateTimeOffset GraceEnds = Closes.AddDays(3);
    private static readonly DateTimeOffset Expires = GraceEnds.AddDays(30);

    private static readonly TallyResult Passed = new(60, 40, 0, 100, true, true);
    private static readonly TallyResult Failed = new(40, 60, 0, 100, true, false);

    private static ProposalState At(DateTimeOffset now, TallyResult? tally = null, bool cancelled = false, bool executed = false, DateTimeOffset? expires = null) =>
        ProposalLifecycle.StateAt(now, Opens, Closes, GraceEnds, tally, cancelled, executed, expires);

    [Fact]
    public void StateAt_WalksDraftActiveGraceQueued()
    {
        Assert.Equal(ProposalState.Draft, At(Opens.AddTicks(-1)));
        Assert.Equal(ProposalState.Active, At(Opens));
        Assert.Equal(ProposalState.Active, At(Closes.AddTicks(-1)));
        Assert.Equal(ProposalState.Grace, At(Closes, Passed));
        Assert.Equal(ProposalState.Grace, At(GraceEnds.AddTicks(-1), Passed));
        Assert.Equal(ProposalState.Queued, At(GraceEnds, Passed));
        Assert.Equal(ProposalState.Queued, At(Expires.AddTicks(-1), Passed, expires: Expires));
        Assert.Equal(ProposalState.Expired, At(Expires, Passed, expires: Expires));
        Assert.Equal(ProposalState.Queued, At(Expires.AddYears(5), Passed));
        Assert.Equal(ProposalState.Executed, At(GraceEnds, Passed, executed: true));
        Assert.Equal(ProposalState.Executed, At(Expires.AddDays(1), Passed, executed: true, expires: Expires));
    }

    [Fact]
    public void StateAt_AfterClosing_WithoutPassing_IsDefeated()
    {
        Assert.Equal(ProposalState.Defeated, At(Closes, Failed));
        Assert.Equal(ProposalState.Defeated, At(GraceEnds.AddDays(100), Failed, expires: Expires));
        Assert.Equal(ProposalState.Defeated, At(Closes, new TallyResult(90, 10, 0, 1_000, false, false)));
    }

    [Fact]
    public void StateAt_Cancelled_WinsOverAllButExecuted()
    {
        Assert.Equal(ProposalState.Cancelled, At(Opens.AddDays(-1), cancelled: true));
        Assert.Equal(ProposalState.Cancelled, At(Opens, cancelled: true));
        Assert.Equal(ProposalState.Cancelled, At(Closes, Passed, cancelled: true));
    }

    [Fact]
    public void StateAt_IgnoresTheTallyBeforeClosing_AndNeedsItAfter()
    {
        Assert.Equal(ProposalState.Active, At(Opens, Failed));
        Assert.Throws<ArgumentException>(() => At(Closes));
    }

    [Fact]
    public void Schedule_AcceptsAMinuteToAYear_AndComputesTheEndOfGrace()
    {
        var now = Opens;
        var schedule = ProposalLifecycle.Schedule(now, Opens, Opens.AddMinutes(1), TimeSpan.Zero).Value;
        Assert.Equal(new ProposalSchedule(Opens, Opens.AddMinutes(1), Opens.AddMinutes(1)), schedule);
        Assert.Equal(Closes.AddDays(3), ProposalLifecycle.Schedule(now, Opens, Closes, TimeSpan.FromDays(3)).Value.GraceEndsAt);
        Assert.True(ProposalLifecycle.Schedule(now, Opens.AddDays(365), Opens.AddDays(730), TimeSpan.FromDays(365)).IsSuccess);
    }

    [Theory]
    [InlineData(-1, 60, 0)] // opens in the past
    [InlineData(366 * 24 * 60, 60, 0)] // opens more than a year ahead
    [InlineData(0, 59, 0)] // window under a minute (in seconds)
    [InlineData(0, 0, 0)]
    [InlineData(0, -60, 0)]
    [InlineData(0, 366 * 24 * 3600, 0)] // window over a year
    [InlineData(0, 60, -1)] // negative grace
    [InlineData(0, 60, 366 * 24 * 3600)] // grace over a year
    public void Schedule_OutsideTheLimits_FailsInvalidProposal(int opensInMinutes, int windowSeconds, int graceSeconds)
    {
        var opens = Opens.AddMinutes(opensInMinutes);
        var result = ProposalLifecycle.Schedule(Opens, opens, opens.AddSeconds(windowSeconds), TimeSpan.FromSeconds(graceSeconds));
        Assert.Equal("invalid_proposal", result.Error?.Code);
    }

    [Fact]
    public void Default_CharterNeedsTwoThirds_OthersAMajority_AllAFifthQuorum()
    {
        Assert.Equal(new ProposalRulesFor(ProposalKind.Charter, B(2_000), B(6_667)), ProposalRulesFor.Default(ProposalKind.Charter));
        foreach (var kind in new[] { ProposalKind.Fund, ProposalKind.Parameter, ProposalKind.Signal })
        {
            Assert.Equal(new ProposalRulesFor(kind, B(2_000), B(5_000)), ProposalRulesFor.Default(kind));
        }
    }

    [Theory]
    [InlineData(-1, 5_000)]
    [InlineData(10_001, 5_000)]
    [InlineData(2_000, 4_999)]
    [InlineData(2_000, 10_000)]
    public void Of_OutsideTheRanges_FailsInvalidProposal(int quorum, int threshold)
    {
        Assert.Equal("invalid_proposal", Of(ProposalKind.Fund, quorum, threshold).Error?.Code);
    }

    [Fact]
    public void Of_WithinTheRanges_IsAccepted()
    {
        Assert.Equal(new ProposalRulesFor(ProposalKind.Parameter, B(0), B(9_999)), Of(ProposalKind.Parameter, 0, 9_999).Value);
        Assert.Equal("invalid_proposal", Of((ProposalKind)42, 2_000, 5_000).Error?.Code);
    }

    [Fact]
    public void Of_AThresholdOutsideFiveThousandTo9999_FailsInvalidProposalEvenAsAValidBps()
    {
        // A Bps of 4,999 or 10,000 is a share; as a threshold it is refused by the rules, not by the type.
        Assert.Equal("invalid_proposal", ProposalRulesFor.Of(ProposalKind.Fund, B(2_000), B(4_999)).Error?.Code);
        Assert.Equal("invalid_proposal", ProposalRulesFor.Of(ProposalKind.Fund, B(2_000), Bps.Whole).Error?.Code);
    }

    private static Bps B(int bps) => Bps.From(bps).Value;

    // Counts typed as whole numbers, checked as a request's are: each by its factory, then together.
    private static Result<ProposalRulesFor> Of(ProposalKind kind, int quorum, int threshold) =>
        ProposalRulesFor.Quorum(quorum).Then(q => ProposalRulesFor.Threshold(threshold).Then(t => ProposalRulesFor.Of(kind, q, t)));
}
