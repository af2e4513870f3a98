using Microsoft.AspNetCore.Identity;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A person's sign-in account; its id is the person's id.</summary>
public sealed class MikoshiUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public PersonId PersonId => new(Id);
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
