using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Domain.Tests.Governance;

public class ProposalTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CommunityId Community = new(Guid.Parse("6f1c1a52-52f4-4b7e-9d0c-0a4d1f9e2b11"));
    private static readonly PersonId Proposer = new(Guid.Parse("0d6b5f38-3c1e-4a57-8a43-6a2a8c0d4e21"));
    private static readonly PersonId Someone = new(Guid.Parse("a2b9f1de-77c4-4a63-9d0e-5b1f3c7e8a90"));
    private static readonly TallyResult Passed = new(60, 40, 0, 100, true, true);
    private static readonly TallyResult Lost = new(40, 60, 0, 100, true, false);

    private static Result<Proposal> OpenAt(DateTimeOffset opensAt, string title = "夏祭りの予算", string body = "Why.", TimeSpan? window = null, TimeSpan? grace = null, string payload = "{}") =>
        Proposal.Open(Community, 1, ProposalKind.Signal, title, body, payload, "token-weighted", ProposalRulesFor.Default(ProposalKind.Signal),
            Proposer, Now, opensAt, opensAt + (window ?? TimeSpan.FromDays(7)), grace ?? TimeSpan.FromDays(3));

    private static Proposal Opened() => OpenAt(Now).Value;

    [Fact]
    public void Open_FreezesItsRulesAndTimes_AndTrimsItsText()
    {
        var proposal = OpenAt(Now.AddHours(1), title: "  Title  ", body: " Body ").Value;

        Assert.Equal(("Title", "Body"), (proposal.Title, proposal.Body));
        Assert.Equal("signal", proposal.Kind);
        Assert.Equal((ProposalRulesFor.DefaultQuorumBps, ProposalRulesFor.MajorityBps), (proposal.QuorumBps, proposal.ThresholdBps));
        Assert.Equal(Now.AddHours(1), proposal.OpensAt);
        Assert.Equal(Now.AddHours(1).AddDays(7), proposal.ClosesAt);
        Assert.Equal(Now.AddHours(1).AddDays(10), proposal.GraceEndsAt);
        Assert.Equal(ProposalState.Draft, proposal.StateAt(Now, null));
        Assert.Null(proposal.Outcome);
    }

    public static TheoryData<string, string, double, double, double, int> Refused => new()
    {
        { string.Empty, "body", 0, 7, 3, 0 },
        { "   ", "body", 0, 7, 3, 0 },
        { new string('t', Proposal.MaxTitleLength + 1), "body", 0, 7, 3, 0 },
        { "title", new string('b', Proposal.MaxBodyLength + 1), 0, 7, 3, 0 },
        { "title", "body", -1, 7, 3, 0 },
        { "title", "body", 366 * 24, 7, 3, 0 },
        { "title", "body", 0, 0.0001, 3, 0 },
        { "title", "body", 0, 366, 3, 0 },
        { "title", "body", 0, 7, -1, 0 },
        { "title", "body", 0, 7, 366, 0 },
        { "title", "body", 0, 7, 3, Proposal.MaxPayloadLength + 1 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Open_RefusesABadTitleBodyScheduleOrPayload_AsInvalidProposal(string title, string body, double opensInHours, double windowDays, double graceDays, int payloadLength)
    {
        var payload = payloadLength == 0 ? "{}" : "\"" + new string('p', payloadLength - 2) + "\"";
        var opened = OpenAt(Now.AddHours(opensInHours), title, body, TimeSpan.FromDays(windowDays), TimeSpan.FromDays(graceDays), payload);

        Assert.False(opened.IsSuccess);
        Assert.Equal(GovernanceErrors.Codes.InvalidProposal, opened.Error?.Code);
    }

    [Fact]
    public void CheckVoteAt_AdmitsOnlyTheOpenWindow_OfAProposalNotCancelled()
    {
        var proposal = Opened();

        Assert.True(proposal.CheckVoteAt(Now).IsSuccess);
        Assert.True(proposal.CheckVoteAt(proposal.ClosesAt.AddMilliseconds(-1)).IsSuccess);
        Assert.Equal(GovernanceErrors.Codes.OutsideVotingWindow, proposal.CheckVoteAt(proposal.ClosesAt).Error?.Code);
        Assert.Equal(GovernanceErrors.Codes.OutsideVotingWindow, OpenAt(Now.AddHours(1)).Value.CheckVoteAt(Now).Error?.Code);

        Assert.True(proposal.Cancel(Proposer, Now, null).IsSuccess);
        Assert.Equal(GovernanceErrors.Codes.OutsideVotingWindow, proposal.CheckVoteAt(Now).Error?.Code);
    }

    [Fact]
    public void Cancel_ByAnyoneButTheProposer_IsNotProposer_AndChangesNothing()
    {
        var proposal = Opened();

        Assert.Equal(GovernanceErrors.Codes.NotProposer, proposal.Cancel(Someone, Now, null).Error?.Code);
        Assert.False(proposal.IsCancelled);
        Assert.Equal(ProposalState.Active, proposal.StateAt(Now, null));
    }

    [Fact]
    public void Cancel_InDraftActiveOrGrace_Cancels_AndNotOnceQueuedDefeatedOrCancelled()
    {
        Assert.Equal(ProposalState.Cancelled, Cancelled(OpenAt(Now.AddHours(1)).Value, Now, null));
        Assert.Equal(ProposalState.Cancelled, Cancelled(Opened(), Now, null));
        var inGrace = Opened();
        Assert.Equal(ProposalState.Cancelled, Cancelled(inGrace, inGrace.ClosesAt, Passed));

        var queued = Opened();
        Assert.Equal(GovernanceErrors.Codes.ProposalNotCancellable, queued.Cancel(Proposer, queued.GraceEndsAt, Passed).Error?.Code);
        var defeated = Opened();
        Assert.Equal(GovernanceErrors.Codes.ProposalNotCancellable, defeated.Cancel(Proposer, defeated.ClosesAt, Lost).Error?.Code);
        var twice = Opened();
        Assert.True(twice.Cancel(Proposer, Now, null).IsSuccess);
        Assert.Equal(GovernanceErrors.Codes.ProposalNotCancellable, twice.Cancel(Proposer, Now, null).Error?.Code);
        Assert.False(queued.IsCancelled || defeated.IsCancelled);
    }

    private static ProposalState Cancelled(Proposal proposal, DateTimeOffset at, TallyResult? tally)
    {
        Assert.True(proposal.Cancel(Proposer, at, tally).IsSuccess);
        return proposal.StateAt(at, tally);
    }

    [Fact]
    public void Settling_BeforeGraceEnds_OrTwice_OrOnceCancelled_IsAlreadySettled()
    {
        var early = Opened();
        Assert.Equal(GovernanceErrors.Codes.AlreadySettled, early.Execute(early.GraceEndsAt.AddMilliseconds(-1), 7).Error?.Code);
        Assert.Null(early.Outcome);

        var proposal = Opened();
        Assert.True(proposal.Execute(proposal.GraceEndsAt, 7).IsSuccess);
        Assert.Equal((ProposalOutcome.Executed, 7L), (proposal.Outcome, proposal.ExecutionEntryNumber));
        Assert.Equal(ProposalState.Executed, proposal.StateAt(proposal.GraceEndsAt, Passed));
        Assert.Equal(GovernanceErrors.Codes.AlreadySettled, proposal.Defeat(proposal.GraceEndsAt).Error?.Code);
        Assert.Equal(GovernanceErrors.Codes.AlreadySettled, proposal.Fail(proposal.GraceEndsAt, "insufficient_funds", "No money.").Error?.Code);
        Assert.Equal(ProposalOutcome.Executed, proposal.Outcome);

        var withdrawn = Opened();
        Assert.True(withdrawn.Cancel(Proposer, Now, null).IsSuccess);
        Assert.Equal(GovernanceErrors.Codes.AlreadySettled, withdrawn.Defeat(withdrawn.GraceEndsAt).Error?.Code);
    }

    [Fact]
    public void Fail_KeepsTheRefusal_AndDefeat_KeepsNoEntry()
    {
        var failed = Opened();
        Assert.True(failed.Fail(failed.GraceEndsAt, "insufficient_funds", new string('x', Proposal.MaxFailureDetailLength + 10)).IsSuccess);
        Assert.Equal((ProposalOutcome.Failed, "insufficient_funds"), (failed.Outcome, failed.FailureCode));
        Assert.Equal(Proposal.MaxFailureDetailLength, failed.FailureDetail!.Length);
        Assert.Equal(failed.GraceEndsAt.ToUnixTimeMilliseconds(), failed.SettledAtUnixMs);

        var defeated = Opened();
        Assert.True(defeated.Defeat(defeated.GraceEndsAt.AddDays(1)).IsSuccess);
        Assert.Equal(ProposalOutcome.Defeated, defeated.Outcome);
        Assert.Null(defeated.ExecutionEntryNumber);
        Assert.Null(defeated.FailureCode);
    }

    /// <summary>
    /// Whatever order verbs arrive in, a proposal settles at most once, is never both cancelled and settled, and a
    /// vote is admitted exactly inside its window while it is not cancelled.
    /// </summary>
    [Fact]
    public void AnySequenceOfVerbs_SettlesAtMostOnce_AndNeverBothCancelledAndSettled()
    {
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 12 * 24]).Array[0, 12].Sample(steps =>
        {
            var proposal = Opened();
            var settlements = 0;
            foreach (var (verb, hours) in steps)
            {
                var at = Now.AddHours(hours);
                var tally = proposal.HasClosedAt(at) ? Passed : null;
                var outcome = verb switch
                {
                    0 => proposal.Cancel(Proposer, at, tally),
                    1 => proposal.Cancel(Someone, at, tally),
                    2 => proposal.Defeat(at),
                    3 => proposal.Execute(at, 1),
                    4 => proposal.Fail(at, "insufficient_funds", "No."),
                    _ => proposal.CheckVoteAt(at),
                };
                settlements += verb is 2 or 3 or 4 && outcome.IsSuccess ? 1 : 0;
                var inWindow = !proposal.IsCancelled && at >= proposal.OpensAt && at < proposal.ClosesAt;
                if (verb == 5 && outcome.IsSuccess != inWindow)
                {
                    return false;
                }
            }

            return settlements <= 1 && !(proposal.IsCancelled && proposal.Outcome is not null) && (proposal.Outcome is null) == (proposal.SettledAtUnixMs is null);
        });
    }
}
