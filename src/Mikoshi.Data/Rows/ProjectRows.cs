using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A person on a project's team, with their role.</summary>
public sealed class TeamMemberRow
{
    public CommunityId CommunityId { get; init; }

    public long ProjectNumber { get; init; }

    public PersonId PersonId { get; init; }

    public string Role { get; init; } = string.Empty;

    public long JoinedAtUnixMs { get; init; }
}

/// <summary>
/// A way onto a team: an invitation from a lead (the invitee answers) or a join request from a
/// member (a lead answers). Numbered within the community.
/// </summary>
public sealed class InvitationRow
{
    public CommunityId CommunityId { get; init; }

    public long Number { get; init; }

    public long ProjectNumber { get; init; }

    /// <summary>invitation or request.</summary>
    public string Kind { get; init; } = "invitation";

    /// <summary>Who would join the team.</summary>
    public PersonId PersonId { get; init; }

    public string Role { get; init; } = string.Empty;

    /// <summary>Who asked: the lead for an invitation, the person themselves for a request.</summary>
    public PersonId AskedById { get; init; }

    /// <summary>pending, accepted or declined.</summary>
    public string State { get; set; } = "pending";

    public long CreatedAtUnixMs { get; init; }

    public long? ClosedAtUnixMs { get; set; }
}

/// <summary>What a team member did for a project, numbered within the community.</summary>
public sealed class ContributionRow
{
    public CommunityId CommunityId { get; init; }

    public long Number { get; init; }

    public long ProjectNumber { get; init; }

    public PersonId AuthorId { get; init; }

    public string Summary { get; init; } = string.Empty;

    public string? EvidenceUrl { get; init; }

    public long OccurredAtUnixMs { get; init; }

    public long RecordedAtUnixMs { get; init; }
}

/// <summary>A team-mate's acknowledgement of a contribution.</summary>
public sealed class AcknowledgementRow
{
    public CommunityId CommunityId { get; init; }

    public long ContributionNumber { get; init; }

    public PersonId PersonId { get; init; }

    public long AtUnixMs { get; init; }
}

/// <summary>Thanks (感謝) from one person to another, optionally for a project.</summary>
public sealed class ThanksRow
{
    public CommunityId CommunityId { get; init; }

    public long Number { get; init; }

    public PersonId FromId { get; init; }

    public PersonId ToId { get; init; }

    public string Message { get; init; } = string.Empty;

    public long? ProjectNumber { get; init; }

    public long AtUnixMs { get; init; }
}

/// <summary>A work (制作物) a project released, with its link; numbered within the community.</summary>
public sealed class WorkRow
{
    public CommunityId CommunityId { get; init; }

    public long Number { get; init; }

    public long ProjectNumber { get; init; }

    public string Title { get; init; } = string.Empty;

    public string Url { get; init; } = string.Empty;

    public long ReleasedAtUnixMs { get; init; }

    public PersonId AddedById { get; init; }
}

/// <summary>A community's matching settings: the half-life of reputation. No row means the defaults.</summary>
public sealed class MatchingSettingsRow
{
    public CommunityId CommunityId { get; init; }

    /// <summary>Days after which an acknowledged contribution counts half (Domain.Matching.HalfLife's range).</summary>
    public int HalfLifeDays { get; set; }
}
