using Mikoshi.Domain.ChainMode;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

// ---- Chain mode (issue #6) ----

/// <summary>A community's contracts on a chain (its presence puts the community in chain mode) and the indexer's cursor.</summary>
public sealed class ChainDeploymentRow
{
    public CommunityId CommunityId { get; init; }

    public long ChainId { get; init; }

    /// <summary>Lower-case 0x-hex, like every address the chain tables keep.</summary>
    public string Membership { get; init; } = string.Empty;

    public string Claims { get; init; } = string.Empty;

    public string Operator { get; init; } = string.Empty;

    public long DeployedBlock { get; init; }

    public long DeployedAtUnixMs { get; init; }

    /// <summary>The last block whose events are mirrored (DeployedBlock − 1 before the first pass).</summary>
    public long IndexedBlock { get; set; }

    /// <summary>That block's hash when it was mirrored: if the chain no longer has it, the chain reorganised.</summary>
    public string IndexedBlockHash { get; set; } = string.Empty;
}

/// <summary>A block the indexer mirrored, kept so that after a reorganisation it can find where the chains forked.</summary>
public sealed class ChainBlockRow
{
    public CommunityId CommunityId { get; init; }

    public long Number { get; init; }

    public string Hash { get; init; } = string.Empty;
}

/// <summary>A contract event mirrored into Mikoshi, once per (block hash, log index), with what mirroring it did.</summary>
public sealed class ChainEventRow
{
    public CommunityId CommunityId { get; init; }

    public string BlockHash { get; init; } = string.Empty;

    public long LogIndex { get; init; }

    public long BlockNumber { get; init; }

    public string TransactionHash { get; init; } = string.Empty;

    /// <summary>mint, transfer, burn, root-published or claimed.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>
    /// The token number a mint, transfer or burn carried, as the chain gave it (null for the claims contract's
    /// events): a mirror of the chain, which may name a number that is no Mikoshi token, so a plain number.
    /// </summary>
    public long? Serial { get; init; }

    /// <summary>The event and the effect applied (canonical JSON), enough to undo it after a reorganisation.</summary>
    public string Json { get; init; } = string.Empty;
}

/// <summary>A transaction Mikoshi owes the chain (mint, burn, publish), written in the same transaction as its cause and sent afterwards.</summary>
public sealed class ChainOutboxRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    /// <summary>mint, burn or publish.</summary>
    public string Kind { get; init; } = string.Empty;

    public Domain.Membership.TokenId? Serial { get; init; }

    /// <summary>A mint's recipient; a redemption's holder, who is paid when its burn is mirrored.</summary>
    public PersonId? PersonId { get; init; }

    /// <summary>A redemption's burn: the address the holder held the token at when they asked (lower-case 0x-hex); the contract burns only from it.</summary>
    public string? Address { get; init; }

    public string? Asset { get; init; }

    public long? Epoch { get; init; }

    /// <summary>pending (to send), sent (mined), confirmed (its event is mirrored) or failed (refused by the chain; for a redemption, closed unpaid).</summary>
    public ChainOutboxState State { get; set; } = ChainOutboxState.Pending;

    public string? TransactionHash { get; set; }

    public string? Failure { get; set; }

    public long CreatedAtUnixMs { get; set; }
}

/// <summary>One published (or to-be-published) claims epoch of an asset: a Merkle root over cumulative entitlements.</summary>
public sealed class ChainEpochRow
{
    public CommunityId CommunityId { get; init; }

    public string Asset { get; init; } = string.Empty;

    public long Epoch { get; init; }

    /// <summary>0x-hex.</summary>
    public string Root { get; init; } = string.Empty;

    /// <summary>Decimal digits of minor units (uint256 on chain).</summary>
    public string Total { get; init; } = "0";

    public string Funding { get; init; } = "0";

    /// <summary>prepared, or published once its RootPublished event is mirrored.</summary>
    public ChainEpochState State { get; set; } = ChainEpochState.Prepared;

    public long PreparedAtUnixMs { get; init; }
}

/// <summary>An address's cumulative entitlement in an epoch: a leaf of that epoch's tree.</summary>
public sealed class ChainEntitlementRow
{
    public CommunityId CommunityId { get; init; }

    public string Asset { get; init; } = string.Empty;

    public long Epoch { get; init; }

    /// <summary>Lower-case 0x-hex.</summary>
    public string Address { get; init; } = string.Empty;

    public PersonId PersonId { get; init; }

    /// <summary>Decimal digits of minor units.</summary>
    public string Cumulative { get; init; } = "0";
}
