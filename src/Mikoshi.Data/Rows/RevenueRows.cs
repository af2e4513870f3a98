using Mikoshi.Domain;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A treasury grant (原資) to a project, with its recoupment rate.</summary>
public sealed class GrantRow
{
    public CommunityId CommunityId { get; init; }

    public long Number { get; init; }

    public Domain.Projects.ProjectNumber ProjectNumber { get; init; }

    public string Asset { get; init; } = string.Empty;

    public Int128 Amount { get; init; }

    /// <summary>The share of each revenue event that goes back to the treasury until the grant is recovered; 0 for none.</summary>
    public Bps RecoupRateBps { get; init; }

    public PersonId GrantedById { get; init; }

    public long AtUnixMs { get; init; }

    public long EntryNumber { get; init; }
}

/// <summary>One revenue event of a project and where its units went (the journal entry has every leg).</summary>
public sealed class RevenueRow
{
    public CommunityId CommunityId { get; init; }

    public long Number { get; init; }

    public Domain.Projects.ProjectNumber ProjectNumber { get; init; }

    public string Asset { get; init; } = string.Empty;

    public Int128 Amount { get; init; }

    public string Source { get; init; } = string.Empty;

    public long OccurredAtUnixMs { get; init; }

    public long RecordedAtUnixMs { get; init; }

    public PersonId RecordedById { get; init; }

    /// <summary>The agreement version in force when the revenue arrived.</summary>
    public int AgreementVersion { get; init; }

    public Int128 Recouped { get; init; }

    public Int128 Treasury { get; init; }

    public Int128 Holders { get; init; }

    public Int128 Reserve { get; init; }

    public Int128 Contributors { get; init; }

    /// <summary>Tokens in circulation the holders' share was spread over.</summary>
    public long HolderSupply { get; init; }

    public long EntryNumber { get; init; }
}
