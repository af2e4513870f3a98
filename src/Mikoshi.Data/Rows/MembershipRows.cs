using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A person's token count from an instant on (see <see cref="Domain.Membership.HoldingsHistory"/>).</summary>
public sealed class CheckpointRow
{
    public CommunityId CommunityId { get; init; }

    public PersonId PersonId { get; init; }

    public long Sequence { get; init; }

    public long AtUnixMs { get; init; }

    public long Count { get; set; }
}

/// <summary>A person in an LLC-type DAO's member register (社員名簿): approved by an executive member (業務執行社員).</summary>
public sealed class LlcMemberRow
{
    public CommunityId CommunityId { get; init; }

    public PersonId PersonId { get; init; }

    /// <summary><c>executive</c> (業務執行社員) or <c>non_executive</c> (非業務執行社員).</summary>
    public string Role { get; set; } = string.Empty;

    public PersonId ApprovedById { get; set; }

    public long ApprovedAtUnixMs { get; set; }
}

/// <summary>
/// The holders' accumulator for one asset: units owed per token since the beginning (scaled by
/// 2^128, as decimal digits) and the scaled remainder not yet spread.
/// </summary>
public sealed class HolderPoolRow
{
    public CommunityId CommunityId { get; init; }

    public string Asset { get; init; } = string.Empty;

    public string PerTokenScaled { get; set; } = "0";

    public string CarryScaled { get; set; } = "0";
}

/// <summary>How much of the accumulator has been accounted to a token's owners (scaled, decimal digits).</summary>
public sealed class TokenAccrualRow
{
    public CommunityId CommunityId { get; init; }

    public Domain.Membership.TokenId Serial { get; init; }

    public string Asset { get; init; } = string.Empty;

    public string PaidScaled { get; set; } = "0";
}

/// <summary>One asset of the treasury as the tokens' common property (see <see cref="Domain.Membership.TreasuryPool"/>).</summary>
public sealed class TreasuryPoolRow
{
    public CommunityId CommunityId { get; init; }

    public string Asset { get; init; } = string.Empty;

    public Int128 Units { get; set; }

    public Int128 IssuedPerToken { get; set; }

    public Int128 Unowned { get; set; }

    public Domain.Membership.TreasuryPool Pool
    {
        get => Domain.Membership.TreasuryPool.Of(Units, IssuedPerToken, Unowned);
        set => (Units, IssuedPerToken, Unowned) = (value.Units, value.IssuedPerToken, value.Unowned);
    }
}

/// <summary>
/// A token's units of one pool: those it holds, and the pool's issuance per token when it started counting
/// (a token with no row for a pool holds nothing of it and has counted every issuance).
/// </summary>
public sealed class TokenUnitsRow
{
    public CommunityId CommunityId { get; init; }

    public Domain.Membership.TokenId Serial { get; init; }

    public string Asset { get; init; } = string.Empty;

    public Int128 Holds { get; set; }

    public Int128 Mark { get; set; }
}

/// <summary>What a person has received from the holders' share, for the LLC-DAO cap (出資額).</summary>
public sealed class HolderPaymentRow
{
    public CommunityId CommunityId { get; init; }

    public PersonId PersonId { get; init; }

    public string Asset { get; init; } = string.Empty;

    public Int128 Received { get; set; }
}
