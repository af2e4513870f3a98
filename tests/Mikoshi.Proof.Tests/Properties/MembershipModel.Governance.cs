using System.Numerics;

namespace Mikoshi.Tests.Properties;

/// <summary>A fund proposal as the model remembers it: its frozen window, what it asks for, and each voter's latest choice.</summary>
public sealed class ProposalModel(long number, int proposer, string strategy, long opensAt, long closesAt, long graceEndsAt, string asset, BigInteger amount, int recoupRateBps)
{
    public long Number { get; } = number;

    public int Proposer { get; } = proposer;

    public string Strategy { get; } = strategy;

    public long OpensAt { get; } = opensAt;

    public long ClosesAt { get; } = closesAt;

    public long GraceEndsAt { get; } = graceEndsAt;

    public string Asset { get; } = asset;

    public BigInteger Amount { get; } = amount;

    public int RecoupRateBps { get; } = recoupRateBps;

    /// <summary>Each voter's latest choice.</summary>
    public Dictionary<int, string> Votes { get; } = [];

    /// <summary>Null until the executor settles it: executed, defeated or failed.</summary>
    public string? Outcome { get; set; }

    public override string ToString() =>
        $"{Number}(by p{Proposer} {Strategy} {Amount} {Asset} votes [{string.Join(' ', Votes.OrderBy(v => v.Key).Select(v => $"p{v.Key}:{v.Value}"))}] {Outcome ?? "open"})";
}

/// <summary>One delegation as it was set: in force from its instant until revoked or replaced (exclusive).</summary>
public sealed class DelegationModel(long number, int delegator, int to, long from)
{
    public long Number { get; } = number;

    public int Delegator { get; } = delegator;

    public int To { get; } = to;

    public long From { get; } = from;

    public long? Until { get; set; }
}

/// <summary>
/// Governance in the model, every rule written out in words: voting power from the holdings at the proposal's
/// opening instant, one level of delegation that a delegator's own vote overrides, quorum and a strict
/// majority, and the grace guard on tokens.
/// </summary>
public sealed partial class MembershipModel
{
    // The defaults a new community's fund proposals carry.
    public const int QuorumBps = 2_000;
    public const int ThresholdBps = 5_000;

    public List<ProposalModel> Proposals { get; } = [];

    public List<DelegationModel> Delegations { get; } = [];

    /// <summary>The community's one project and its lead (the only party of its split), once someone could open it.</summary>
    public long? Project { get; set; }

    public int Lead { get; set; }

    public string ProjectAccount => $"project:{Project}";

    /// <summary>Granted money the treasury still recovers from the project's revenue, per asset, and at what rate.</summary>
    public Dictionary<string, (BigInteger Outstanding, int RateBps)> Funding { get; } = new(StringComparer.Ordinal);

    // The revenue policy a new community starts with: 20% to the treasury, 10% to holders, no reserve.
    public int TreasuryBps { get; } = 2_000;

    public int HolderBps { get; } = 1_000;

    /// <summary>Whom a person's power went to at an instant: the latest delegation in force then, if any.</summary>
    public int? DelegateAt(int person, long atUnixMs) =>
        Delegations.Where(d => d.Delegator == person && d.From <= atUnixMs && (d.Until is null || d.Until > atUnixMs))
            .OrderBy(d => d.Number).LastOrDefault()?.To;

    public static long Power(string strategy, long tokens) => strategy switch
    {
        "one-member-one-vote" => tokens > 0 ? 1 : 0,
        "quadratic" => Enumerable.Range(0, (int)tokens + 1).Last(r => (long)r * r <= tokens),
        _ => tokens,
    };

    public long OwnPower(ProposalModel proposal, int person) => Power(proposal.Strategy, HeldAt(person, proposal.OpensAt));

    /// <summary>Someone may vote who had power at the opening: their own, or of those who delegated to them then.</summary>
    public bool CanVote(ProposalModel proposal, int person) =>
        OwnPower(proposal, person) + Enumerable.Range(0, PersonIds.Length)
            .Where(d => d != person && DelegateAt(d, proposal.OpensAt) == person).Sum(d => OwnPower(proposal, d)) > 0;

    /// <summary>
    /// Each voter casts their own power plus that of everyone who delegated to them at the opening and did not vote;
    /// quorum counts abstentions; it passes with strictly more than the threshold of for + against.
    /// </summary>
    public (long For, long Against, long Abstain, long Total, bool Passed) Tally(ProposalModel proposal)
    {
        var cast = new Dictionary<string, long>(StringComparer.Ordinal) { ["for"] = 0, ["against"] = 0, ["abstain"] = 0 };
        var total = 0L;
        for (var person = 0; person < PersonIds.Length; person++)
        {
            var own = OwnPower(proposal, person);
            total += own;
            var to = DelegateAt(person, proposal.OpensAt);
            var castBy = proposal.Votes.ContainsKey(person) || to is null || to == person ? person : to.Value;
            if (proposal.Votes.TryGetValue(castBy, out var choice))
            {
                cast[choice] += own;
            }
        }

        var (yes, no, abstain) = (cast["for"], cast["against"], cast["abstain"]);
        var quorum = (BigInteger)(yes + no + abstain) * 10_000 >= (BigInteger)QuorumBps * total;
        return (yes, no, abstain, total, quorum && (BigInteger)yes * 10_000 > (BigInteger)ThresholdBps * (yes + no));
    }

    /// <summary>Still able to take effect: open for votes, or passed and not yet settled.</summary>
    public bool IsPending(ProposalModel proposal, long now) =>
        proposal.Outcome is null && now >= proposal.OpensAt && (now < proposal.ClosesAt || Tally(proposal).Passed);

    /// <summary>The state the API names: how it settled, else where its window and grace stand now.</summary>
    public string StateOf(ProposalModel proposal, long now) =>
        proposal.Outcome ?? (now < proposal.OpensAt ? "draft" : now < proposal.ClosesAt ? "active" : !Tally(proposal).Passed ? "defeated" : now < proposal.GraceEndsAt ? "grace" : "queued");

    /// <summary>
    /// The grace guard: the first pending proposal whose "for" counted this token — its holder at the opening voted
    /// for, or did not vote and their delegate at the opening did.
    /// </summary>
    public long? LockOf(long serial, long now)
    {
        foreach (var proposal in Proposals.Where(p => IsPending(p, now)).OrderBy(p => p.Number))
        {
            if (OwnerAt(serial, proposal.OpensAt) is not { } holder)
            {
                continue;
            }

            var backedYes = proposal.Votes.TryGetValue(holder, out var own)
                ? own == "for"
                : DelegateAt(holder, proposal.OpensAt) is { } to && to != holder && proposal.Votes.GetValueOrDefault(to) == "for";
            if (backedYes)
            {
                return proposal.Number;
            }
        }

        return null;
    }

    /// <summary>Would delegating from <paramref name="from"/> to <paramref name="to"/> lead back to <paramref name="from"/> along the delegations in force now.</summary>
    public bool WouldLoop(int from, int to)
    {
        var current = Delegations.Where(d => d.Until is null && d.Delegator != from).ToDictionary(d => d.Delegator, d => d.To);
        var seen = new HashSet<int>();
        for (int? at = to; at is { } person && seen.Add(person); at = current.TryGetValue(person, out var next) ? next : null)
        {
            if (person == from)
            {
                return true;
            }
        }

        return false;
    }

    public void Delegate(int delegator, int? to, long at)
    {
        foreach (var current in Delegations.Where(d => d.Delegator == delegator && d.Until is null))
        {
            current.Until = at;
        }

        if (to is { } person)
        {
            Delegations.Add(new DelegationModel(Delegations.Count + 1, delegator, person, at));
        }
    }
}
