using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;

namespace Mikoshi.Features.Governance;

/// <summary>
/// Voting power at a proposal's snapshot instant: tokens each person held then (from the membership
/// checkpoints, so nothing bought later counts), their power under the proposal's strategy, and the
/// delegations in force then.
/// </summary>
public sealed record Snapshot(
    long AtUnixMs,
    VotingStrategy Strategy,
    IReadOnlyDictionary<Guid, long> Tokens,
    IReadOnlyDictionary<Guid, long> OwnPower,
    IReadOnlyDictionary<Guid, Guid> DelegateOf)
{
    public long TotalPower => OwnPower.Values.Sum();

    public long OwnOf(Guid person) => OwnPower.GetValueOrDefault(person);

    /// <summary>The own power of those who delegated directly to <paramref name="person"/> (what they cast if their delegators do not vote).</summary>
    public long DelegatedTo(Guid person) => DelegateOf.Where(d => d.Value == person && d.Key != person).Sum(d => OwnOf(d.Key));

    /// <summary>May <paramref name="person"/> vote: some power of their own, or delegated to them, at the snapshot.</summary>
    public bool CanVote(Guid person) => OwnOf(person) + DelegatedTo(person) > 0;

    public static async Task<Snapshot> AtAsync(MikoshiDb db, CommunityId community, long atUnixMs, VotingStrategy strategy)
    {
        var checkpoints = await db.Checkpoints.AsNoTracking()
            .Where(c => c.CommunityId == community && c.AtUnixMs <= atUnixMs)
            .Select(c => new { c.PersonId, c.AtUnixMs, c.Sequence, c.Count })
            .ToListAsync();
        var tokens = checkpoints.GroupBy(c => c.PersonId.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.AtUnixMs).ThenBy(c => c.Sequence).Last().Count);
        var delegations = await db.Delegations.AsNoTracking()
            .Where(d => d.CommunityId == community && d.FromUnixMs <= atUnixMs && (d.UntilUnixMs == null || d.UntilUnixMs > atUnixMs))
            .ToListAsync();
        var delegateOf = new Dictionary<Guid, Guid>();
        foreach (var d in delegations.OrderBy(d => d.Number))
        {
            delegateOf[d.DelegatorId.Value] = d.DelegateId.Value;
        }

        return new Snapshot(atUnixMs, strategy, tokens, tokens.ToDictionary(t => t.Key, t => VotingPower.Of(strategy, t.Value)), delegateOf);
    }

    /// <summary>
    /// The tally of the latest vote of each voter: a voter casts their own power plus that of everyone who
    /// delegated directly to them and did not vote themselves (<see cref="Delegation.Resolve"/>).
    /// </summary>
    public TallyResult Count(IEnumerable<VoteRow> votes, Bps quorumBps, Bps thresholdBps)
    {
        var latest = Latest(votes);
        var effective = Delegation.Resolve(OwnPower, DelegateOf, latest.Keys.ToHashSet());
        var ballots = latest.Select(v => new Ballot(v.Key, v.Value.Choice, effective.GetValueOrDefault(v.Key)));
        return Tally.Count(ballots, TotalPower, quorumBps, thresholdBps);
    }

    /// <summary>Each voter's vote with the greatest nonce.</summary>
    public static Dictionary<Guid, VoteRow> Latest(IEnumerable<VoteRow> votes) =>
        votes.GroupBy(v => v.PersonId.Value).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Nonce)!);
}
