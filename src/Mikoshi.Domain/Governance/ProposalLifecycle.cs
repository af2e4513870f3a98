namespace Mikoshi.Domain.Governance;

/// <summary>What a proposal asks the community to do.</summary>
public enum ProposalKind
{
    /// <summary>Fund a project from the treasury.</summary>
    Fund,

    /// <summary>Change a community parameter (shares, prices, royalty, redemption rate, quorum, periods).</summary>
    Parameter,

    /// <summary>Amend the charter; needs a supermajority.</summary>
    Charter,

    /// <summary>Text only: the community states a view; nothing executes.</summary>
    Signal,
}

/// <summary>
/// Where a proposal stands: draft → active → grace → queued → executed, or defeated, expired or cancelled.
/// </summary>
public enum ProposalState
{
    /// <summary>Written but not yet open for votes.</summary>
    Draft,

    /// <summary>The voting window is open.</summary>
    Active,

    /// <summary>Passed; anyone who did not vote for it may still leave with their share before it executes.</summary>
    Grace,

    /// <summary>Passed and past grace, waiting to be executed.</summary>
    Queued,

    /// <summary>Carried out.</summary>
    Executed,

    /// <summary>Closed without passing (no quorum, or not enough in favour).</summary>
    Defeated,

    /// <summary>Passed but not executed before its deadline.</summary>
    Expired,

    /// <summary>Withdrawn by its proposer.</summary>
    Cancelled,
}

/// <summary>
/// The quorum and approval threshold of a kind of proposal, in basis points (10,000 = 100%).
/// Defaults (<see cref="Default"/>): quorum 2,000 (20% of the power at the snapshot must take part, abstentions
/// included) for every kind; threshold 6,667 for charter amendments (a two-thirds supermajority of for + against)
/// and 5,000 (a simple majority) for the others. The threshold is exceeded strictly: see <see cref="Tally.Count"/>.
/// </summary>
/// <param name="Kind">The kind of proposal.</param>
/// <param name="QuorumBps">The quorum, 0 to 10,000.</param>
/// <param name="ThresholdBps">The approval threshold, 5,000 to 9,999.</param>
public sealed record ProposalRulesFor(ProposalKind Kind, Bps QuorumBps, Bps ThresholdBps)
{
    /// <summary>The default quorum of every kind: 2,000 bps.</summary>
    public static Bps DefaultQuorumBps { get; } = Bps.Stored(2_000);

    /// <summary>The default threshold of charter amendments: 6,667 bps, two thirds.</summary>
    public static Bps SupermajorityBps { get; } = Bps.Stored(6_667);

    /// <summary>The default threshold of the other kinds: 5,000 bps, a simple majority.</summary>
    public static Bps MajorityBps { get; } = Bps.Stored(5_000);

    /// <summary>The highest threshold: 9,999 bps (at 10,000 nothing could pass).</summary>
    public static Bps HighestThresholdBps { get; } = Bps.Stored(Bps.WholeValue - 1);

    /// <summary>A quorum typed as a count of basis points: 0 to 10,000; <c>invalid_proposal</c> otherwise.</summary>
    /// <param name="bps">The typed count.</param>
    public static Result<Bps> Quorum(int bps) => Bps.From(bps, GovernanceErrors.InvalidProposal);

    /// <summary>
    /// A threshold typed as a count of basis points: 5,000 (below it a minority could pass a proposal) to 9,999
    /// (at 10,000 nothing could pass); <c>invalid_proposal</c> otherwise.
    /// </summary>
    /// <param name="bps">The typed count.</param>
    public static Result<Bps> Threshold(int bps) =>
        bps >= MajorityBps.Value ? Bps.AtMost(bps, HighestThresholdBps, GovernanceErrors.InvalidProposal) : GovernanceErrors.InvalidProposal;

    /// <summary>The rules a community starts with for <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind of proposal.</param>
    public static ProposalRulesFor Default(ProposalKind kind) =>
        new(kind, DefaultQuorumBps, kind == ProposalKind.Charter ? SupermajorityBps : MajorityBps);

    /// <summary>
    /// Rules a community chose, checked: quorum 0 to 10,000 bps; threshold from 5,000 (below it a minority could
    /// pass a proposal) to 9,999 (at 10,000 nothing could pass). Fails with <c>invalid_proposal</c>.
    /// </summary>
    /// <param name="kind">The kind of proposal.</param>
    /// <param name="quorumBps">The quorum.</param>
    /// <param name="thresholdBps">The approval threshold.</param>
    public static Result<ProposalRulesFor> Of(ProposalKind kind, Bps quorumBps, Bps thresholdBps)
    {
        if (!Enum.IsDefined(kind))
        {
            return GovernanceErrors.InvalidProposal;
        }

        return Threshold(thresholdBps.Value).Map(threshold => new ProposalRulesFor(kind, quorumBps, threshold));
    }
}

/// <summary>When a proposal opens, closes, and leaves its grace period.</summary>
/// <param name="OpensAt">The start of the voting window (inclusive).</param>
/// <param name="ClosesAt">The end of the voting window (exclusive).</param>
/// <param name="GraceEndsAt">The end of the grace period (exclusive); equal to <paramref name="ClosesAt"/> when there is none.</param>
public sealed record ProposalSchedule(DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateTimeOffset GraceEndsAt);

/// <summary>A proposal's state at an instant, and the rules for its times.</summary>
public static class ProposalLifecycle
{
    /// <summary>The longest title of a proposal, in characters.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest body of a proposal, in characters.</summary>
    public const int MaxBodyLength = 20_000;

    /// <summary>The shortest voting window: one minute.</summary>
    public static readonly TimeSpan MinWindow = TimeSpan.FromMinutes(1);

    /// <summary>The longest voting window, the longest grace period, and the furthest ahead a proposal may open: 365 days.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(365);

    /// <summary>
    /// Checks a new proposal's times: it opens no earlier than <paramref name="now"/> and at most 365 days ahead;
    /// its window lasts from one minute to 365 days; its grace period from zero to 365 days.
    /// Fails with <c>invalid_proposal</c>.
    /// </summary>
    /// <param name="now">The current instant, from the caller's clock.</param>
    /// <param name="opensAt">When voting opens.</param>
    /// <param name="closesAt">When voting closes.</param>
    /// <param name="grace">How long members may exit after it passes, before it executes.</param>
    public static Result<ProposalSchedule> Schedule(DateTimeOffset now, DateTimeOffset opensAt, DateTimeOffset closesAt, TimeSpan grace)
    {
        if (opensAt < now)
        {
            return GovernanceErrors.InvalidProposal;
        }

        if (opensAt - now > MaxSpan)
        {
            return GovernanceErrors.InvalidProposal;
        }

        var window = closesAt - opensAt;
        if (window < MinWindow || window > MaxSpan)
        {
            return GovernanceErrors.InvalidProposal;
        }

        if (grace < TimeSpan.Zero || grace > MaxSpan)
        {
            return GovernanceErrors.InvalidProposal;
        }

        return new ProposalSchedule(opensAt, closesAt, closesAt + grace);
    }

    /// <summary>
    /// The state at <paramref name="now"/>. Executed wins over everything, then cancelled. Otherwise: draft before
    /// <paramref name="opensAt"/>; active from it until <paramref name="closesAt"/>; then defeated unless the final
    /// tally passed; grace until <paramref name="graceEndsAt"/>; then queued until executed, or expired from
    /// <paramref name="expiresAt"/> on if it has a deadline.
    /// </summary>
    /// <param name="now">The instant asked about.</param>
    /// <param name="opensAt">The start of the window (inclusive).</param>
    /// <param name="closesAt">The end of the window (exclusive).</param>
    /// <param name="graceEndsAt">The end of grace (exclusive).</param>
    /// <param name="finalTally">The tally once the window has closed; ignored before.</param>
    /// <param name="cancelled">True when the proposer withdrew it.</param>
    /// <param name="executed">True when it has been carried out.</param>
    /// <param name="expiresAt">The deadline for execution, if any.</param>
    /// <exception cref="ArgumentException">The window has closed but no final tally was given.</exception>
    public static ProposalState StateAt(
        DateTimeOffset now,
        DateTimeOffset opensAt,
        DateTimeOffset closesAt,
        DateTimeOffset graceEndsAt,
        TallyResult? finalTally,
        bool cancelled,
        bool executed,
        DateTimeOffset? expiresAt)
    {
        if (executed)
        {
            return ProposalState.Executed;
        }

        if (cancelled)
        {
            return ProposalState.Cancelled;
        }

        if (now < opensAt)
        {
            return ProposalState.Draft;
        }

        if (now < closesAt)
        {
            return ProposalState.Active;
        }

        if (finalTally is null)
        {
            throw new ArgumentException("A proposal whose window has closed needs its final tally.", nameof(finalTally));
        }

        if (!finalTally.Passed)
        {
            return ProposalState.Defeated;
        }

        if (now < graceEndsAt)
        {
            return ProposalState.Grace;
        }

        return expiresAt is { } deadline && now >= deadline ? ProposalState.Expired : ProposalState.Queued;
    }
}
