using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A person's bank account for yen payouts (private: only they and treasurers exporting a batch see it).</summary>
public sealed class BankAccountRow
{
    public PersonId PersonId { get; init; }

    public string BankCode { get; set; } = string.Empty;

    public string BankName { get; set; } = string.Empty;

    public string BranchCode { get; set; } = string.Empty;

    public string BranchName { get; set; } = string.Empty;

    public int AccountType { get; set; }

    public string AccountNumber { get; set; } = string.Empty;

    /// <summary>The account holder's name as the bank knows it, in katakana.</summary>
    public string HolderName { get; set; } = string.Empty;
}

/// <summary>The community's paying account and bank-given sender code, for Zengin files.</summary>
public sealed class PayoutSenderRow
{
    public CommunityId CommunityId { get; init; }

    public string SenderCode { get; set; } = string.Empty;

    public string SenderName { get; set; } = string.Empty;

    public string BankCode { get; set; } = string.Empty;

    public string BankName { get; set; } = string.Empty;

    public string BranchCode { get; set; } = string.Empty;

    public string BranchName { get; set; } = string.Empty;

    public int AccountType { get; set; }

    public string AccountNumber { get; set; } = string.Empty;
}

/// <summary>One person's line in a payout batch: gross, withheld and net as computed when the batch was made.</summary>
public sealed class PayoutLineRow
{
    public CommunityId CommunityId { get; init; }

    public long BatchNumber { get; init; }

    public PersonId PersonId { get; init; }

    public string Asset { get; init; } = string.Empty;

    public string Kind { get; init; } = string.Empty;

    /// <summary>individual, company, or empty when none was on file.</summary>
    public string Status { get; init; } = string.Empty;

    public string? InvoiceNumber { get; init; }

    public Int128 Gross { get; init; }

    public Int128 Withheld { get; init; }

    public Int128 Net { get; init; }
}
