using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A holder's succession plan, as JSON of the domain plan's named people.</summary>
public sealed class SuccessionPlanRow
{
    public CommunityId CommunityId { get; set; }

    public PersonId HolderId { get; set; }

    public string SuccessorsJson { get; set; } = "[]";

    public bool ByShares { get; set; }

    public string GuardiansJson { get; set; } = "[]";

    public int Threshold { get; set; }

    public int InactivityDays { get; set; }

    public int VetoDays { get; set; }

    /// <summary>When the guardians' confirmations reached the threshold; null while they have not.</summary>
    public long? ThresholdReachedAtUnixMs { get; set; }
}

/// <summary>A guardian's confirmation that a holder's succession should run.</summary>
public sealed class SuccessionConfirmationRow
{
    public CommunityId CommunityId { get; set; }

    public PersonId HolderId { get; set; }

    public PersonId GuardianId { get; set; }

    public long AtUnixMs { get; set; }
}

/// <summary>
/// One version of a project's split agreement. It comes into force once every named party has
/// accepted it, and stays the one used for revenue that arrived while it was in force.
/// </summary>
public sealed class AgreementRow
{
    public CommunityId CommunityId { get; set; }

    public long ProjectNumber { get; set; }

    /// <summary>1, 2, 3… within the project.</summary>
    public int Version { get; set; }

    public PersonId ProposedById { get; set; }

    public long ProposedAtUnixMs { get; set; }

    /// <summary>manual, or contributions when the weights were derived from acknowledged contributions.</summary>
    public string Basis { get; set; } = "manual";

    /// <summary>proposed, in-force or superseded.</summary>
    public string State { get; set; } = "proposed";

    /// <summary>When the last party accepted; revenue that arrived from then on uses this version (until the next).</summary>
    public long? InForceAtUnixMs { get; set; }

    public List<AgreementPartyRow> Parties { get; set; } = [];
}

/// <summary>A party named in an agreement version, with its weight or fixed share and its acceptance.</summary>
public sealed class AgreementPartyRow
{
    public CommunityId CommunityId { get; set; }

    public long ProjectNumber { get; set; }

    public int Version { get; set; }

    public int Index { get; set; }

    public PersonId PersonId { get; set; }

    public long Weight { get; set; }

    public int FixedBps { get; set; }

    public long? AcceptedAtUnixMs { get; set; }
}
