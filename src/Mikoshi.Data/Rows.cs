using Microsoft.AspNetCore.Identity;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A person's sign-in account; its id is the person's id.</summary>
public sealed class MikoshiUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public PersonId PersonId => new(Id);

    /// <summary>A few sentences about themselves.</summary>
    public string Bio { get; set; } = string.Empty;

    /// <summary>What they are good at (得意): community vocabulary or free tags.</summary>
    public List<string> Skills { get; set; } = [];

    /// <summary>What they love (好き).</summary>
    public List<string> Loves { get; set; } = [];

    /// <summary>Values they hold, usually chosen from charters.</summary>
    public List<string> Values { get; set; } = [];
}

/// <summary>A role a person holds in a community beyond visitor (member comes from holding a token).</summary>
public sealed class CommunityRoleRow
{
    public CommunityId CommunityId { get; set; }

    public PersonId PersonId { get; set; }

    public Role Role { get; set; }
}

/// <summary>A journal entry's header. Numbered 1, 2, 3… within its community.</summary>
public sealed class JournalEntryRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string Memo { get; set; } = string.Empty;

    public string Reference { get; set; } = string.Empty;

    public long AtUnixMs { get; set; }

    public string Actor { get; set; } = string.Empty;

    /// <summary>The audit link that records this entry.</summary>
    public long AuditSequence { get; set; }

    public List<PostingRow> Postings { get; set; } = [];
}

/// <summary>One leg of a journal entry.</summary>
public sealed class PostingRow
{
    public CommunityId CommunityId { get; set; }

    public long EntryNumber { get; set; }

    public int Index { get; set; }

    public string Account { get; set; } = string.Empty;

    public string Asset { get; set; } = string.Empty;

    public Int128 Units { get; set; }
}

/// <summary>The cached balance of one account in one asset: a fold of the journal, updated in the same transaction.</summary>
public sealed class BalanceRow
{
    public CommunityId CommunityId { get; set; }

    public string Account { get; set; } = string.Empty;

    public string Asset { get; set; } = string.Empty;

    public Int128 Units { get; set; }
}

/// <summary>One link of an audit chain (see <see cref="Domain.Audit.AuditRecord"/>).</summary>
public sealed class AuditRow
{
    public Guid Chain { get; set; }

    public long Sequence { get; set; }

    public long AtUnixMs { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Payload { get; set; } = string.Empty;

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;
}

/// <summary>The first response to a request made with an idempotency key, kept to replay it.</summary>
public sealed class IdempotencyRow
{
    /// <summary>Who made the request and where: retries by another caller never collide.</summary>
    public string Scope { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 of the request body as the endpoint read it.</summary>
    public string RequestHash { get; set; } = string.Empty;

    public int StatusCode { get; set; }

    public string ResponseJson { get; set; } = string.Empty;

    public long AtUnixMs { get; set; }
}

/// <summary>A membership token (ERC-721 semantics): numbered within its community, owned by one person until burned.</summary>
public sealed class TokenRow
{
    public CommunityId CommunityId { get; set; }

    public long Serial { get; set; }

    public PersonId? OwnerId { get; set; }

    /// <summary>Someone the owner allowed to move this token (ERC-721 approval); cleared on every move.</summary>
    public PersonId? ApprovedId { get; set; }

    public PersonId MintedBy { get; set; }

    public long MintedAtUnixMs { get; set; }

    public Int128 MintPrice { get; set; }

    public long? BurnedAtUnixMs { get; set; }

    public List<LineageRow> Lineage { get; set; } = [];
}

/// <summary>One step of a token's lineage.</summary>
public sealed class LineageRow
{
    public CommunityId CommunityId { get; set; }

    public long Serial { get; set; }

    public int Step { get; set; }

    public Domain.Membership.LineageKind Kind { get; set; }

    public PersonId? FromId { get; set; }

    public PersonId? ToId { get; set; }

    public long AtUnixMs { get; set; }

    /// <summary>What was paid, in the community's base asset, for a mint or a sale.</summary>
    public Int128? Price { get; set; }
}

/// <summary>A token offered for sale by its owner.</summary>
public sealed class ListingRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public long Serial { get; set; }

    public PersonId SellerId { get; set; }

    public Int128 Price { get; set; }

    public string Asset { get; set; } = string.Empty;

    public long CreatedAtUnixMs { get; set; }

    /// <summary>open, sold, cancelled, or stale (the token moved another way).</summary>
    public string State { get; set; } = "open";

    public long? ClosedAtUnixMs { get; set; }
}

/// <summary>A person's token count from an instant on (see <see cref="Domain.Membership.HoldingsHistory"/>).</summary>
public sealed class CheckpointRow
{
    public CommunityId CommunityId { get; set; }

    public PersonId PersonId { get; set; }

    public long Sequence { get; set; }

    public long AtUnixMs { get; set; }

    public long Count { get; set; }
}

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

/// <summary>A skill in a community's shared vocabulary (得意), extended by its admins.</summary>
public sealed class SkillRow
{
    public CommunityId CommunityId { get; set; }

    public string Name { get; set; } = string.Empty;
}

/// <summary>A co-creation project, numbered within its community.</summary>
public sealed class ProjectRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    /// <summary>The skills the project is looking for.</summary>
    public List<string> NeededSkills { get; set; } = [];

    public List<string> Values { get; set; } = [];

    /// <summary>idea, forming, active, released or archived (see <see cref="Domain.Projects.ProjectStatus"/>).</summary>
    public string Status { get; set; } = "idea";

    public PersonId CreatedById { get; set; }

    public long CreatedAtUnixMs { get; set; }
}

/// <summary>A person on a project's team, with their role.</summary>
public sealed class TeamMemberRow
{
    public CommunityId CommunityId { get; set; }

    public long ProjectNumber { get; set; }

    public PersonId PersonId { get; set; }

    public string Role { get; set; } = string.Empty;

    public long JoinedAtUnixMs { get; set; }
}

/// <summary>
/// A way onto a team: an invitation from a lead (the invitee answers) or a join request from a
/// member (a lead answers). Numbered within the community.
/// </summary>
public sealed class InvitationRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public long ProjectNumber { get; set; }

    /// <summary>invitation or request.</summary>
    public string Kind { get; set; } = "invitation";

    /// <summary>Who would join the team.</summary>
    public PersonId PersonId { get; set; }

    public string Role { get; set; } = string.Empty;

    /// <summary>Who asked: the lead for an invitation, the person themselves for a request.</summary>
    public PersonId AskedById { get; set; }

    /// <summary>pending, accepted or declined.</summary>
    public string State { get; set; } = "pending";

    public long CreatedAtUnixMs { get; set; }

    public long? ClosedAtUnixMs { get; set; }
}

/// <summary>What a team member did for a project, numbered within the community.</summary>
public sealed class ContributionRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public long ProjectNumber { get; set; }

    public PersonId AuthorId { get; set; }

    public string Summary { get; set; } = string.Empty;

    public string? EvidenceUrl { get; set; }

    public long OccurredAtUnixMs { get; set; }

    public long RecordedAtUnixMs { get; set; }
}

/// <summary>A team-mate's acknowledgement of a contribution.</summary>
public sealed class AcknowledgementRow
{
    public CommunityId CommunityId { get; set; }

    public long ContributionNumber { get; set; }

    public PersonId PersonId { get; set; }

    public long AtUnixMs { get; set; }
}

/// <summary>Thanks (感謝) from one person to another, optionally for a project.</summary>
public sealed class ThanksRow
{
    public CommunityId CommunityId { get; set; }

    public long Number { get; set; }

    public PersonId FromId { get; set; }

    public PersonId ToId { get; set; }

    public string Message { get; set; } = string.Empty;

    public long? ProjectNumber { get; set; }

    public long AtUnixMs { get; set; }
}
