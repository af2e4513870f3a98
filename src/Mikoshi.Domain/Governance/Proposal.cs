using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Governance;

/// <summary>How the executor settled a proposal once its grace period ended (stored as the lower-case name).</summary>
public enum ProposalOutcome
{
    /// <summary>Passed and carried out.</summary>
    Executed,

    /// <summary>Passed, but carrying it out was refused (an overdraft, a parameter now out of range); nothing moved.</summary>
    Failed,

    /// <summary>Closed without passing.</summary>
    Defeated,

    /// <summary>Passed but not executed before its deadline.</summary>
    Expired,

    /// <summary>A signal that passed: nothing to carry out.</summary>
    Passed,
}

/// <summary>
/// A proposal to a community: its text and payload, the rules frozen when it was opened (strategy, quorum, threshold,
/// window, grace), and how it ended. Its state is never stored: it is read at an instant from its times, the final
/// tally and what happened to it (<see cref="StateAt"/>, the rules of <see cref="ProposalLifecycle"/>). The verbs —
/// <see cref="Open"/>, <see cref="CheckVoteAt"/> (the window is open), <see cref="Cancel"/>, and the settlements
/// <see cref="Defeat"/>, <see cref="Execute"/> and <see cref="Fail"/> — are the only ways its record changes.
/// </summary>
public sealed class Proposal
{
    /// <summary>The longest title, in characters.</summary>
    public const int MaxTitleLength = ProposalLifecycle.MaxTitleLength;

    /// <summary>The longest body, in characters.</summary>
    public const int MaxBodyLength = ProposalLifecycle.MaxBodyLength;

    /// <summary>The longest payload, as canonical JSON.</summary>
    public const int MaxPayloadLength = 20_000;

    /// <summary>The longest kind name (fund, parameter, charter, signal).</summary>
    public const int MaxKindLength = 12;

    /// <summary>The longest strategy name (token-weighted, one-member-one-vote, quadratic).</summary>
    public const int MaxStrategyLength = 24;

    /// <summary>The longest outcome name.</summary>
    public const int MaxOutcomeLength = 12;

    /// <summary>The longest failure code (a problem code).</summary>
    public const int MaxFailureCodeLength = 60;

    /// <summary>The longest failure detail.</summary>
    public const int MaxFailureDetailLength = 500;

    private Proposal()
    {
        Kind = string.Empty;
        Title = string.Empty;
        Body = string.Empty;
        PayloadJson = "{}";
        Strategy = string.Empty;
    }

    /// <summary>The community it is put to.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>Its number in the community, from 1.</summary>
    public long Number { get; private set; }

    /// <summary>fund, parameter, charter or signal.</summary>
    public string Kind { get; private set; }

    /// <summary>The title.</summary>
    public string Title { get; private set; }

    /// <summary>The body.</summary>
    public string Body { get; private set; }

    /// <summary>What the proposal would do, as canonical JSON (an empty object for a signal).</summary>
    public string PayloadJson { get; private set; }

    /// <summary>token-weighted, one-member-one-vote or quadratic.</summary>
    public string Strategy { get; private set; }

    /// <summary>The quorum frozen at opening, in basis points.</summary>
    public Bps QuorumBps { get; private set; }

    /// <summary>The approval threshold frozen at opening, in basis points.</summary>
    public Bps ThresholdBps { get; private set; }

    /// <summary>Who proposed it: the one person who may cancel it.</summary>
    public PersonId ProposerId { get; private set; }

    /// <summary>When it was written.</summary>
    public long CreatedAtUnixMs { get; private set; }

    /// <summary>The voting window opens here, and this is the snapshot instant for voting power.</summary>
    public long OpensAtUnixMs { get; private set; }

    /// <summary>The voting window closes here (exclusive).</summary>
    public long ClosesAtUnixMs { get; private set; }

    /// <summary>The grace period ends here (exclusive); equal to <see cref="ClosesAtUnixMs"/> when there is none.</summary>
    public long GraceEndsAtUnixMs { get; private set; }

    /// <summary>When its proposer withdrew it, if they did.</summary>
    public long? CancelledAtUnixMs { get; private set; }

    /// <summary>When the executor settled it.</summary>
    public long? SettledAtUnixMs { get; private set; }

    /// <summary>How it was settled; null until then.</summary>
    public ProposalOutcome? Outcome { get; private set; }

    /// <summary>Why execution failed, as a problem code (insufficient_funds, …).</summary>
    public string? FailureCode { get; private set; }

    /// <summary>The failure in words.</summary>
    public string? FailureDetail { get; private set; }

    /// <summary>The journal entry its execution posted, if it moved money.</summary>
    public long? ExecutionEntryNumber { get; private set; }

    /// <summary>When voting opens.</summary>
    public DateTimeOffset OpensAt => DateTimeOffset.FromUnixTimeMilliseconds(OpensAtUnixMs);

    /// <summary>When voting closes.</summary>
    public DateTimeOffset ClosesAt => DateTimeOffset.FromUnixTimeMilliseconds(ClosesAtUnixMs);

    /// <summary>When grace ends.</summary>
    public DateTimeOffset GraceEndsAt => DateTimeOffset.FromUnixTimeMilliseconds(GraceEndsAtUnixMs);

    /// <summary>Whether its proposer withdrew it.</summary>
    public bool IsCancelled => CancelledAtUnixMs is not null;

    /// <summary>
    /// A title (trimmed, 1 to <see cref="MaxTitleLength"/> characters) and a body (trimmed, at most
    /// <see cref="MaxBodyLength"/>), or <c>invalid_proposal</c>.
    /// </summary>
    /// <param name="title">The title as sent.</param>
    /// <param name="body">The body as sent.</param>
    public static Result<(string Title, string Body)> CheckText(string? title, string? body)
    {
        var checkedTitle = BoundedText.Line(title, MaxTitleLength, GovernanceErrors.InvalidProposal);
        var checkedBody = BoundedText.OptionalBlock(body, MaxBodyLength, GovernanceErrors.InvalidProposal);
        return checkedTitle.IsSuccess && checkedBody.IsSuccess
            ? (checkedTitle.Value.Value, checkedBody.Value.Value)
            : GovernanceErrors.InvalidProposal;
    }

    /// <summary>
    /// Opens a proposal with its rules frozen now: the text checked (<see cref="CheckText"/>), the times checked
    /// (<see cref="ProposalLifecycle.Schedule"/>). Fails with <c>invalid_proposal</c>.
    /// </summary>
    /// <param name="community">The community it is put to.</param>
    /// <param name="number">Its number in the community.</param>
    /// <param name="kind">What it asks.</param>
    /// <param name="title">The title.</param>
    /// <param name="body">The body.</param>
    /// <param name="payloadJson">What it would do, as canonical JSON already checked against the community.</param>
    /// <param name="strategy">The strategy's name.</param>
    /// <param name="rules">The quorum and threshold of its kind, as the community has them now.</param>
    /// <param name="proposer">Who proposes it.</param>
    /// <param name="now">The current instant, from the caller's clock.</param>
    /// <param name="opensAt">When voting opens.</param>
    /// <param name="closesAt">When voting closes.</param>
    /// <param name="grace">How long members may leave after it passes, before it executes.</param>
    public static Result<Proposal> Open(
        CommunityId community,
        long number,
        ProposalKind kind,
        string? title,
        string? body,
        string payloadJson,
        string strategy,
        ProposalRulesFor rules,
        PersonId proposer,
        DateTimeOffset now,
        DateTimeOffset opensAt,
        DateTimeOffset closesAt,
        TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(payloadJson);
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(rules);
        var text = CheckText(title, body);
        if (!text.IsSuccess)
        {
            return text.Error;
        }

        var schedule = ProposalLifecycle.Schedule(now, opensAt, closesAt, grace);
        if (!schedule.IsSuccess)
        {
            return schedule.Error;
        }

        if (payloadJson.Length > MaxPayloadLength)
        {
            return GovernanceErrors.InvalidProposal;
        }

        return new Proposal
        {
            CommunityId = community,
            Number = number,
            Kind = kind.ToString().ToLowerInvariant(),
            Title = text.Value.Title,
            Body = text.Value.Body,
            PayloadJson = payloadJson,
            Strategy = strategy,
            QuorumBps = rules.QuorumBps,
            ThresholdBps = rules.ThresholdBps,
            ProposerId = proposer,
            CreatedAtUnixMs = now.ToUnixTimeMilliseconds(),
            OpensAtUnixMs = schedule.Value.OpensAt.ToUnixTimeMilliseconds(),
            ClosesAtUnixMs = schedule.Value.ClosesAt.ToUnixTimeMilliseconds(),
            GraceEndsAtUnixMs = schedule.Value.GraceEndsAt.ToUnixTimeMilliseconds(),
        };
    }

    /// <summary>
    /// The state at <paramref name="now"/> (<see cref="ProposalLifecycle.StateAt"/>): the final tally is needed once
    /// the window has closed.
    /// </summary>
    /// <param name="now">The instant asked about.</param>
    /// <param name="finalTally">The tally, once the window has closed.</param>
    public ProposalState StateAt(DateTimeOffset now, TallyResult? finalTally) =>
        ProposalLifecycle.StateAt(now, OpensAt, ClosesAt, GraceEndsAt, finalTally, IsCancelled, Outcome == ProposalOutcome.Executed, expiresAt: null);

    /// <summary>Whether the window has closed at <paramref name="now"/>, so that the state needs the final tally.</summary>
    /// <param name="now">The instant asked about.</param>
    public bool HasClosedAt(DateTimeOffset now) => now.ToUnixTimeMilliseconds() >= ClosesAtUnixMs;

    /// <summary>A vote may be cast at <paramref name="now"/>: not cancelled, and inside the window; else <c>outside_voting_window</c>.</summary>
    /// <param name="now">The instant of the vote.</param>
    public Result<Proposal> CheckVoteAt(DateTimeOffset now)
    {
        var at = now.ToUnixTimeMilliseconds();
        return IsCancelled || at < OpensAtUnixMs || at >= ClosesAtUnixMs ? GovernanceErrors.OutsideVotingWindow : this;
    }

    /// <summary>
    /// Its proposer withdraws it, while it is a draft, active or in grace: <c>not_proposer</c> for anyone else,
    /// <c>proposal_not_cancellable</c> once it is queued, settled (whatever the clock says) or already cancelled.
    /// </summary>
    /// <param name="by">Who asks.</param>
    /// <param name="now">The current instant.</param>
    /// <param name="finalTally">The tally, once the window has closed.</param>
    public Result<Proposal> Cancel(PersonId by, DateTimeOffset now, TallyResult? finalTally)
    {
        if (by != ProposerId)
        {
            return GovernanceErrors.NotProposer;
        }

        if (Outcome is not null || StateAt(now, finalTally) is not (ProposalState.Draft or ProposalState.Active or ProposalState.Grace))
        {
            return GovernanceErrors.ProposalNotCancellable;
        }

        CancelledAtUnixMs = now.ToUnixTimeMilliseconds();
        return this;
    }

    /// <summary>Whether the executor has it to settle at <paramref name="now"/>: unsettled, not cancelled, grace over.</summary>
    /// <param name="now">The current instant.</param>
    public bool IsDueAt(DateTimeOffset now) => Outcome is null && !IsCancelled && GraceEndsAtUnixMs <= now.ToUnixTimeMilliseconds();

    /// <summary>Settles it as defeated (the final tally did not pass); <c>already_settled</c> unless it is due.</summary>
    /// <param name="now">The current instant.</param>
    public Result<Proposal> Defeat(DateTimeOffset now) => Settle(now, ProposalOutcome.Defeated, null, null, null);

    /// <summary>Settles it as executed, with the journal entry it posted if any; <c>already_settled</c> unless it is due.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="entry">The journal entry its execution posted.</param>
    public Result<Proposal> Execute(DateTimeOffset now, long? entry) => Settle(now, ProposalOutcome.Executed, null, null, entry);

    /// <summary>Settles it as failed, with the refusal that stopped it; <c>already_settled</c> unless it is due.</summary>
    /// <param name="now">The current instant.</param>
    /// <param name="code">The refusal's problem code.</param>
    /// <param name="detail">The refusal in words (cut to <see cref="MaxFailureDetailLength"/>).</param>
    public Result<Proposal> Fail(DateTimeOffset now, string code, string detail)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(detail);
        return Settle(now, ProposalOutcome.Failed, code, detail.Length > MaxFailureDetailLength ? detail[..MaxFailureDetailLength] : detail, null);
    }

    private Result<Proposal> Settle(DateTimeOffset now, ProposalOutcome outcome, string? code, string? detail, long? entry)
    {
        if (!IsDueAt(now))
        {
            return GovernanceErrors.AlreadySettled;
        }

        (Outcome, SettledAtUnixMs, FailureCode, FailureDetail, ExecutionEntryNumber) = (outcome, now.ToUnixTimeMilliseconds(), code, detail, entry);
        return this;
    }
}
