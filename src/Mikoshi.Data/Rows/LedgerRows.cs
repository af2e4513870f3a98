using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A journal entry's header. Numbered 1, 2, 3… within its community.</summary>
public sealed class JournalEntryRow
{
    public CommunityId CommunityId { get; init; }

    public long Number { get; init; }

    public string Kind { get; init; } = string.Empty;

    public string Memo { get; init; } = string.Empty;

    public string Reference { get; init; } = string.Empty;

    public long AtUnixMs { get; init; }

    public string Actor { get; init; } = string.Empty;

    /// <summary>The audit link that records this entry.</summary>
    public long AuditSequence { get; init; }

    public List<PostingRow> Postings { get; init; } = [];
}

/// <summary>One leg of a journal entry.</summary>
public sealed class PostingRow
{
    public CommunityId CommunityId { get; init; }

    public long EntryNumber { get; init; }

    public int Index { get; init; }

    public string Account { get; init; } = string.Empty;

    public string Asset { get; init; } = string.Empty;

    public Int128 Units { get; init; }
}

/// <summary>The cached balance of one account in one asset: a fold of the journal, updated in the same transaction.</summary>
public sealed class BalanceRow
{
    public CommunityId CommunityId { get; init; }

    public string Account { get; init; } = string.Empty;

    public string Asset { get; init; } = string.Empty;

    public Int128 Units { get; set; }
}

/// <summary>The name an account carries in the accounting export (仕訳帳), per community; defaults apply where none is set.</summary>
public sealed class BookAccountRow
{
    public CommunityId CommunityId { get; init; }

    /// <summary>A mapping key: treasury, person, escrow:withholding, external:revenue …</summary>
    public string Key { get; init; } = string.Empty;

    public string Name { get; set; } = string.Empty;
}
