namespace Mikoshi.Data;

/// <summary>One link of an audit chain (see <see cref="Domain.Audit.AuditRecord"/>).</summary>
public sealed class AuditRow
{
    public Guid Chain { get; init; }

    public long Sequence { get; init; }

    public long AtUnixMs { get; init; }

    public string Actor { get; init; } = string.Empty;

    public string Kind { get; init; } = string.Empty;

    public string Payload { get; init; } = string.Empty;

    public string PreviousHash { get; init; } = string.Empty;

    public string Hash { get; init; } = string.Empty;
}

/// <summary>The first result of a write made with an idempotency key, kept to replay it (each door renders it as it did the first time).</summary>
public sealed class IdempotencyRow
{
    /// <summary>Who made the request and where: retries by another caller never collide.</summary>
    public string Scope { get; init; } = string.Empty;

    public string Key { get; init; } = string.Empty;

    /// <summary>SHA-256 of the request body as the endpoint read it.</summary>
    public string RequestHash { get; init; } = string.Empty;

    /// <summary>The use case's result as JSON (<see cref="Writer.Json"/>), read back on a replay.</summary>
    public string ResponseJson { get; init; } = string.Empty;

    public long AtUnixMs { get; init; }
}

/// <summary>
/// Where the last clean verification of one audit chain ended (see <see cref="Verifier"/>): its last link and that
/// link's hash, the journal's last entry number then, and a digest of the balances then; signed with a key kept
/// outside the database, so a copy of the database with an edited checkpoint is refused, not trusted.
/// </summary>
public sealed class VerifyCheckpointRow
{
    public Guid Chain { get; init; }

    public long AuditSequence { get; init; }

    public string AuditHash { get; init; } = string.Empty;

    public long EntryNumber { get; init; }

    /// <summary>How many balances were not zero.</summary>
    public long BalanceCount { get; init; }

    /// <summary>SHA-256 of those balances in a fixed order, lower-case hex.</summary>
    public string BalancesHash { get; init; } = string.Empty;

    public long AtUnixMs { get; set; }

    /// <summary>The public name of the key that signed it.</summary>
    public string KeyId { get; set; } = string.Empty;

    /// <summary>HMAC-SHA256 of every field above, lower-case hex.</summary>
    public string Signature { get; set; } = string.Empty;
}

/// <summary>
/// The head of one audit chain (a community's, or the instance's own, <see cref="Guid.Empty"/>): what every write
/// reads first and updates last, in the same transaction. On PostgreSQL a write locks it (<c>SELECT … FOR UPDATE</c>),
/// so writers of a chain take turns; the community page reads its figures here instead of counting.
/// </summary>
public sealed class ChainHeadRow
{
    public Guid Chain { get; init; }

    /// <summary>Bumped by every write that commits on this chain.</summary>
    public long Version { get; set; }

    /// <summary>The last journal entry's number, which is also the count of entries (numbering has no gaps).</summary>
    public long LastEntryNumber { get; set; }

    /// <summary>The last audit link's sequence; 0 before the first link.</summary>
    public long AuditSequence { get; set; }

    /// <summary>The last audit link's hash; the genesis hash before the first link.</summary>
    public string AuditHash { get; set; } = string.Empty;

    /// <summary>Members: distinct persons holding at least one token in circulation.</summary>
    public int People { get; set; }

    /// <summary>Distinct persons holding a role (admin, treasurer…).</summary>
    public int RoleHolders { get; set; }
}

/// <summary>The last number handed out of one per-chain sequence (projects, invitations, payments…), taken under the chain's head.</summary>
public sealed class ChainCounterRow
{
    public Guid Chain { get; init; }

    public string Kind { get; init; } = string.Empty;

    public long Last { get; set; }
}
