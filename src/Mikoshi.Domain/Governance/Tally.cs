namespace Mikoshi.Domain.Governance;

/// <summary>How a holder's tokens at the snapshot become voting power.</summary>
public enum VotingStrategy
{
    /// <summary>One token, one vote: power equals tokens.</summary>
    TokenWeighted,

    /// <summary>One member, one vote: power 1 for anyone holding at least one token, else 0.</summary>
    OneMemberOneVote,

    /// <summary>Quadratic: power is the whole square root of tokens (floor √tokens), so large holders count for less.</summary>
    Quadratic,
}

/// <summary>The choices on a ballot, as they are written in votes and signed.</summary>
public static class VoteChoices
{
    /// <summary>In favour.</summary>
    public const string For = "for";

    /// <summary>Against.</summary>
    public const string Against = "against";

    /// <summary>Counts towards quorum but neither for nor against.</summary>
    public const string Abstain = "abstain";

    /// <summary>The three choices.</summary>
    public static IReadOnlyList<string> All { get; } = [For, Against, Abstain];

    /// <summary>True when <paramref name="choice"/> is one of <see cref="All"/> (exact, lower case: it is signed as written).</summary>
    /// <param name="choice">A choice as written in a vote.</param>
    public static bool IsValid(string? choice) => choice is For or Against or Abstain;
}

/// <summary>Voting power from tokens held at a proposal's snapshot.</summary>
public static class VotingPower
{
    /// <summary>The power of someone holding <paramref name="tokensAtSnapshot"/> tokens under <paramref name="s"/>.</summary>
    /// <param name="s">The proposal's strategy.</param>
    /// <param name="tokensAtSnapshot">Tokens held at the snapshot instant; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">Tokens are negative, or the strategy is unknown.</exception>
    public static long Of(VotingStrategy s, long tokensAtSnapshot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokensAtSnapshot);
        return s switch
        {
            VotingStrategy.TokenWeighted => tokensAtSnapshot,
            VotingStrategy.OneMemberOneVote => tokensAtSnapshot > 0 ? 1 : 0,
            VotingStrategy.Quadratic => FloorSqrt(tokensAtSnapshot),
            _ => throw new ArgumentOutOfRangeException(nameof(s), s, "Unknown voting strategy."),
        };
    }

    /// <summary>
    /// The largest r with r² ≤ n, by the digit-by-digit method in base 4: exact for every long, no floating point
    /// (a double cannot hold every long, so Math.Sqrt may be off by one near the top).
    /// </summary>
    private static long FloorSqrt(long n)
    {
        var remainder = (ulong)n;
        var root = 0UL;
        var bit = 1UL << 62;
        while (bit > remainder)
        {
            bit >>= 2;
        }

        while (bit != 0)
        {
            if (remainder >= root + bit)
            {
                remainder -= root + bit;
                root = (root >> 1) + bit;
            }
            else
            {
                root >>= 1;
            }

            bit >>= 2;
        }

        return (long)root;
    }
}

/// <summary>A voter's latest vote on a proposal, with the power it carries (their own plus delegated).</summary>
/// <param name="Voter">The person who voted.</param>
/// <param name="Choice">One of <see cref="VoteChoices"/>.</param>
/// <param name="Power">The power cast; zero or more.</param>
public sealed record Ballot(Guid Voter, string Choice, long Power);

/// <summary>The outcome of counting a proposal's ballots.</summary>
/// <param name="For">Power cast for.</param>
/// <param name="Against">Power cast against.</param>
/// <param name="Abstain">Power cast to abstain.</param>
/// <param name="TotalPower">All the power there was at the snapshot, cast or not.</param>
/// <param name="QuorumReached">True when enough of the total power took part (abstentions count).</param>
/// <param name="Passed">True when quorum was reached and the share for, among for and against, is strictly above the threshold.</param>
public sealed record TallyResult(long For, long Against, long Abstain, long TotalPower, bool QuorumReached, bool Passed);

/// <summary>Counting votes, exactly, in integers.</summary>
public static class Tally
{
    /// <summary>
    /// Counts each voter's latest ballot. Quorum is reached when (for + against + abstain) × 10,000 ≥ quorumBps × total;
    /// the proposal passes when quorum is reached and for × 10,000 &gt; thresholdBps × (for + against): strictly more
    /// than the threshold, so a tie at a 5,000 bps threshold fails. Products are formed in <see cref="Int128"/>, so
    /// nothing is rounded.
    /// </summary>
    /// <param name="latestBallots">One ballot per voter, the last one each cast.</param>
    /// <param name="totalPowerAtSnapshot">All the power that could have been cast; zero or more.</param>
    /// <param name="quorumBps">The quorum, 0 to 10,000 basis points of the total power.</param>
    /// <param name="thresholdBps">The approval threshold, 0 to 10,000 basis points of for + against.</param>
    /// <exception cref="ArgumentException">
    /// A voter appears twice, a choice is not one of <see cref="VoteChoices"/>, or a power or the total is negative:
    /// the caller should have refused these before counting.
    /// </exception>
    public static TallyResult Count(IEnumerable<Ballot> latestBallots, long totalPowerAtSnapshot, Bps quorumBps, Bps thresholdBps)
    {
        ArgumentNullException.ThrowIfNull(latestBallots);
        ArgumentOutOfRangeException.ThrowIfNegative(totalPowerAtSnapshot);

        long inFavour = 0, against = 0, abstain = 0;
        var voters = latestBallots.TryGetNonEnumeratedCount(out var count) ? new HashSet<Guid>(count) : [];
        foreach (var ballot in latestBallots)
        {
            if (ballot.Power < 0)
            {
                throw new ArgumentException($"Voter {ballot.Voter} has negative power.", nameof(latestBallots));
            }

            // Counting a voter twice would be a silent error in the one number a community trusts most.
            if (!voters.Add(ballot.Voter))
            {
                throw new ArgumentException($"Voter {ballot.Voter} has more than one ballot; pass only the latest.", nameof(latestBallots));
            }

            switch (ballot.Choice)
            {
                case VoteChoices.For:
                    inFavour = checked(inFavour + ballot.Power);
                    break;
                case VoteChoices.Against:
                    against = checked(against + ballot.Power);
                    break;
                case VoteChoices.Abstain:
                    abstain = checked(abstain + ballot.Power);
                    break;
                default:
                    throw new ArgumentException($"'{ballot.Choice}' is not a choice on the ballot.", nameof(latestBallots));
            }
        }

        var cast = (Int128)inFavour + against + abstain;
        var quorumReached = cast * Bps.WholeValue >= (Int128)quorumBps.Value * totalPowerAtSnapshot;
        var passed = quorumReached && (Int128)inFavour * Bps.WholeValue > (Int128)thresholdBps.Value * ((Int128)inFavour + against);
        return new TallyResult(inFavour, against, abstain, totalPowerAtSnapshot, quorumReached, passed);
    }
}
