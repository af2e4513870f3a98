using Microsoft.AspNetCore.Identity;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A person's sign-in account; its id is the person's id.</summary>
public sealed class MikoshiUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; init; }

    public PersonId PersonId => new(Id);

    /// <summary>A few sentences about themselves.</summary>
    public string Bio { get; set; } = string.Empty;

    /// <summary>What they are good at (得意): community vocabulary or free tags.</summary>
    public List<string> Skills { get; set; } = [];

    /// <summary>What they love (好き).</summary>
    public List<string> Loves { get; set; } = [];

    /// <summary>Values they hold, usually chosen from charters.</summary>
    public List<string> Values { get; set; } = [];

    /// <summary>
    /// Whether public pages (ledger, votes) show this person by id and name; otherwise anonymous readers and
    /// non-members see a per-community pseudonym. Off until the person turns it on.
    /// </summary>
    public bool ShownInPublic { get; set; }

    /// <summary>The IANA time zone this person reads times in; null means their community's (else Asia/Tokyo).</summary>
    public string? TimeZone { get; set; }
}

/// <summary>A role a person holds in a community beyond visitor (member comes from holding a token).</summary>
public sealed class CommunityRoleRow
{
    public CommunityId CommunityId { get; init; }

    public PersonId PersonId { get; init; }

    public Role Role { get; init; }
}

/// <summary>A skill in a community's shared vocabulary (得意), extended by its admins.</summary>
public sealed class SkillRow
{
    public CommunityId CommunityId { get; init; }

    public string Name { get; init; } = string.Empty;
}

/// <summary>
/// A person's private calendar token: the feed's URL carries it, so it is kept only as its SHA-256 hash. Revoking
/// stamps it; a new token is a new row.
/// </summary>
public sealed class CalendarTokenRow
{
    /// <summary>SHA-256 of the token, lower-case hex.</summary>
    public string TokenHash { get; init; } = string.Empty;

    public PersonId PersonId { get; init; }

    public long CreatedAtUnixMs { get; init; }

    public long? RevokedAtUnixMs { get; set; }
}
