using Mikoshi.Domain;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>One signed vote. Every vote is kept; a voter's vote with the greatest nonce counts.</summary>
public sealed class VoteRow
{
    public CommunityId CommunityId { get; init; }

    public long ProposalNumber { get; init; }

    /// <summary>1, 2, 3… within the proposal, in the order votes arrived.</summary>
    public long Sequence { get; init; }

    public PersonId PersonId { get; init; }

    /// <summary>The signer, EIP-55.</summary>
    public string Address { get; init; } = string.Empty;

    public string Choice { get; init; } = string.Empty;

    public long Nonce { get; init; }

    public string Reason { get; init; } = string.Empty;

    /// <summary>The 65-byte signature, 0x-hex.</summary>
    public string Signature { get; init; } = string.Empty;

    /// <summary>The EIP-712 digest that was signed, 0x-hex.</summary>
    public string Digest { get; init; } = string.Empty;

    /// <summary>True when the server signed with the person's custodial key.</summary>
    public bool Custodial { get; init; }

    public long AtUnixMs { get; init; }
}

/// <summary>A delegation of voting power in a community, in force from an instant until another (or until revoked).</summary>
public sealed class DelegationRow
{
    public CommunityId CommunityId { get; init; }

    public long Number { get; init; }

    public PersonId DelegatorId { get; init; }

    public PersonId DelegateId { get; init; }

    public long FromUnixMs { get; init; }

    public long? UntilUnixMs { get; set; }
}

/// <summary>A community's governance rules for one proposal kind, when changed from the defaults.</summary>
public sealed class GovernanceRuleRow
{
    public CommunityId CommunityId { get; init; }

    public string Kind { get; init; } = string.Empty;

    public Bps QuorumBps { get; set; }

    public Bps ThresholdBps { get; set; }

    public int VotingPeriodHours { get; set; }

    public int GracePeriodHours { get; set; }
}
