using System.Numerics;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Domain.Tests.Governance;

public class TallyTests
{
    private static readonly Gen<string> Choices = Gen.OneOf(VoteChoices.For, VoteChoices.Against, VoteChoices.Abstain);

    private static readonly Gen<long> Powers = Gen.Frequency((3, Gen.Long[0, 10]), (3, Gen.Long[0, 1_000_000]), (1, Gen.Long[0, long.MaxValue / 1_000]));

    private static readonly Gen<Ballot[]> Ballots = Gen.Select(Choices, Powers)
        .Select((choice, power) => new Ballot(Guid.NewGuid(), choice, power))
        .Array[0, 300];

    // The rules come as whole counts of basis points, as the theories write them.
    private static TallyResult Count(IEnumerable<Ballot> ballots, long total, int quorumBps, int thresholdBps) =>
        Tally.Count(ballots, total, Bps.From(quorumBps).Value, Bps.From(thresholdBps).Value);

    [Fact]
    public void Count_EqualsANaiveSum_AndTheRulesInBigIntegers()
    {
        Gen.Select(Ballots, Gen.Long[0, 1_000], Gen.Int[0, 10_000], Gen.Int[0, 10_000]).Sample((ballots, extra, quorum, threshold) =>
        {
            BigInteger Sum(string choice) => ballots.Where(b => b.Choice == choice).Aggregate(BigInteger.Zero, (sum, b) => sum + b.Power);
            var (inFavour, against, abstain) = (Sum(VoteChoices.For), Sum(VoteChoices.Against), Sum(VoteChoices.Abstain));
            var total = (long)(inFavour + against + abstain) + extra;

            var result = Count(ballots, total, quorum, threshold);

            Assert.Equal(inFavour, result.For);
            Assert.Equal(against, result.Against);
            Assert.Equal(abstain, result.Abstain);
            Assert.Equal(total, result.TotalPower);
            var quorumReached = (inFavour + against + abstain) * 10_000 >= (BigInteger)quorum * total;
            Assert.Equal(quorumReached, result.QuorumReached);
            Assert.Equal(quorumReached && inFavour * 10_000 > threshold * (inFavour + against), result.Passed);
        }, iter: 500);
    }

    [Theory]
    // for, against, abstain, total, quorum, threshold → quorum reached, passed
    [InlineData(50, 50, 0, 100, 2_000, 5_000, true, false)] // a tie fails
    [InlineData(51, 49, 0, 100, 2_000, 5_000, true, true)]
    [InlineData(2, 1, 0, 3, 2_000, 6_667, true, false)] // exactly two thirds is 6,666.67 bps: not above 6,667
    [InlineData(6_668, 3_332, 0, 10_000, 2_000, 6_667, true, true)]
    [InlineData(6_667, 3_333, 0, 10_000, 2_000, 6_667, true, false)]
    [InlineData(10, 0, 9, 100, 2_000, 5_000, false, false)] // 19% took part
    [InlineData(10, 0, 10, 100, 2_000, 5_000, true, true)] // exactly 20%: abstentions count for quorum
    [InlineData(0, 0, 20, 100, 2_000, 5_000, true, false)] // only abstentions: nothing in favour
    [InlineData(0, 0, 0, 0, 2_000, 5_000, true, false)] // nobody had power
    [InlineData(1, 0, 0, 1_000_000, 0, 5_000, true, true)] // no quorum asked
    public void Count_AtTheEdges(long inFavour, long against, long abstain, long total, int quorum, int threshold, bool quorumReached, bool passed)
    {
        Ballot[] ballots =
        [
            new(Guid.NewGuid(), VoteChoices.For, inFavour),
            new(Guid.NewGuid(), VoteChoices.Against, against),
            new(Guid.NewGuid(), VoteChoices.Abstain, abstain),
        ];
        var result = Count(ballots, total, quorum, threshold);
        Assert.Equal(new TallyResult(inFavour, against, abstain, total, quorumReached, passed), result);
    }

    [Fact]
    public void Count_WithPowersNearTheTopOfLong_IsExact()
    {
        // for × 10,000 would overflow a long; Int128 keeps it exact.
        const long big = long.MaxValue / 4;
        var result = Count(
            [new(Guid.NewGuid(), VoteChoices.For, big + 1), new(Guid.NewGuid(), VoteChoices.Against, big)],
            long.MaxValue,
            5_000,
            5_000);
        Assert.False(result.QuorumReached); // (2 big + 1) is a hair under half of long.MaxValue
        var passing = Count(
            [new(Guid.NewGuid(), VoteChoices.For, big + 1), new(Guid.NewGuid(), VoteChoices.Against, big)],
            (2 * big) + 1,
            5_000,
            5_000);
        Assert.True(passing.Passed);
    }

    [Fact]
    public void Count_RefusesWhatTheCallerShouldHaveRefused()
    {
        var voter = Guid.NewGuid();
        Assert.Throws<ArgumentException>(() => Count([new(voter, VoteChoices.For, 1), new(voter, VoteChoices.Against, 1)], 2, 0, 5_000));
        Assert.Throws<ArgumentException>(() => Count([new(voter, "yes", 1)], 2, 0, 5_000));
        Assert.Throws<ArgumentException>(() => Count([new(voter, "For", 1)], 2, 0, 5_000));
        Assert.Throws<ArgumentException>(() => Count([new(voter, VoteChoices.For, -1)], 2, 0, 5_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => Count([], -1, 0, 5_000));
        // A quorum or threshold outside 0 to 10,000 cannot reach the count: it is not a Bps.
        Assert.False(Bps.From(10_001).IsSuccess);
        Assert.False(Bps.From(-1).IsSuccess);
        Assert.Throws<OverflowException>(() => Count([new(Guid.NewGuid(), VoteChoices.For, long.MaxValue), new(Guid.NewGuid(), VoteChoices.For, 1)], 1, 0, 5_000));
    }

    [Fact]
    public void Count_OfWeightedPower_MatchesTheStrategy()
    {
        // Three holders of 1, 4 and 100 tokens: token-weighted 105, one-member 3, quadratic 1 + 2 + 10.
        long[] tokens = [1, 4, 100];
        foreach (var (strategy, expected) in new[] { (VotingStrategy.TokenWeighted, 105L), (VotingStrategy.OneMemberOneVote, 3L), (VotingStrategy.Quadratic, 13L) })
        {
            var ballots = tokens.Select(t => new Ballot(Guid.NewGuid(), VoteChoices.For, VotingPower.Of(strategy, t)));
            Assert.Equal(expected, Count(ballots, expected, 0, 5_000).For);
        }
    }
}

public class VotingPowerTests
{
    [Fact]
    public void Quadratic_IsTheExactFloorSquareRoot()
    {
        Gen.Frequency((3, Gen.Long[0, 1_000_000]), (3, Gen.Long[0, long.MaxValue]), (1, Gen.Long[0, 3_037_000_499].Select(r => (r * r) - 1).Where(n => n >= 0))).Sample(tokens =>
        {
            var root = (BigInteger)VotingPower.Of(VotingStrategy.Quadratic, tokens);
            Assert.True(root * root <= tokens);
            Assert.True((root + 1) * (root + 1) > tokens);
        }, iter: 10_000);
    }

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(1L, 1L)]
    [InlineData(3L, 1L)]
    [InlineData(4L, 2L)]
    [InlineData(99L, 9L)]
    [InlineData(100L, 10L)]
    [InlineData(9_223_372_030_926_249_001L, 3_037_000_499L)] // the largest perfect square in a long
    [InlineData(9_223_372_030_926_249_000L, 3_037_000_498L)]
    [InlineData(long.MaxValue, 3_037_000_499L)]
    public void Quadratic_OfKnownValues(long tokens, long power)
    {
        Assert.Equal(power, VotingPower.Of(VotingStrategy.Quadratic, tokens));
    }

    [Fact]
    public void TokenWeightedAndOneMember()
    {
        Assert.Equal(0, VotingPower.Of(VotingStrategy.OneMemberOneVote, 0));
        Assert.Equal(1, VotingPower.Of(VotingStrategy.OneMemberOneVote, 1));
        Assert.Equal(1, VotingPower.Of(VotingStrategy.OneMemberOneVote, long.MaxValue));
        Assert.Equal(long.MaxValue, VotingPower.Of(VotingStrategy.TokenWeighted, long.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => VotingPower.Of(VotingStrategy.Quadratic, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => VotingPower.Of((VotingStrategy)9, 1));
    }
}
