using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A person on a project's team, with their role.</summary>
public sealed class TeamMemberRow
{
    public CommunityId CommunityId { get; init; }

    public Domain.Projects.ProjectNumber ProjectNumber { get; init; }

    public PersonId PersonId { get; init; }

    public string Role { get; init; } = string.Empty;

    public long JoinedAtUnixMs { get; init; }
}

/// <summary>What a team member did for a project, numbered within the community.</summary>
public sealed class ContributionRow
{
    public CommunityId CommunityId { get; init; }

    public long Number { get; init; }

    public Domain.Projects.ProjectNumber ProjectNumber { get; init; }

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

    public Domain.Projects.ProjectNumber? ProjectNumber { get; init; }

    public long AtUnixMs { get; init; }
}

/// <summary>A work (制作物) a project released, with its link; numbered within the community.</summary>
public sealed class WorkRow
{
    public CommunityId CommunityId { get; init; }

    public long Number { get; init; }

    public Domain.Projects.ProjectNumber ProjectNumber { get; init; }

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
