using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A person's tax facts (issue #21): individual or company, name and address for the 支払調書, invoice number. Never a My Number.</summary>
public sealed class TaxProfileRow
{
    public PersonId PersonId { get; init; }

    /// <summary>individual or company.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>The payee's legal name as the 支払調書 shows it.</summary>
    public string LegalName { get; set; } = string.Empty;

    /// <summary>The payee's address, sealed with the key-encryption key.</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>T + 13 digits, check digit verified; null when none is registered.</summary>
    public string? InvoiceNumber { get; set; }
}

/// <summary>A community's tax settings: whether a payee needs a tax status, its own invoice number, the default payout kind, 納期の特例.</summary>
public sealed class CommunityTaxRow
{
    public CommunityId CommunityId { get; init; }

    public bool RequireTaxStatus { get; set; }

    public string? InvoiceNumber { get; set; }

    public string DefaultKind { get; set; } = "none";

    /// <summary>The tax office approved 納期の特例: eligible withholding is paid half-yearly.</summary>
    public bool HalfYearly { get; set; }
}

/// <summary>What a community pays a person for (the withholding kind), set by a treasurer.</summary>
public sealed class PayeeKindRow
{
    public CommunityId CommunityId { get; init; }

    public PersonId PersonId { get; init; }

    public string Kind { get; set; } = string.Empty;
}

/// <summary>A payment of withheld tax to the tax office for one period (2026-11, 2026-H2), numbered within the community.</summary>
public sealed class WithholdingPaymentRow
{
    public CommunityId CommunityId { get; init; }

    public long Number { get; init; }

    public string Period { get; init; } = string.Empty;

    public Int128 Amount { get; init; }

    public long EntryNumber { get; init; }

    public PersonId PaidById { get; init; }

    public long AtUnixMs { get; init; }
}
