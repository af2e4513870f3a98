using Mikoshi.Domain.Communities;

namespace Mikoshi.Data;

/// <summary>A Stripe event applied (or kept and flagged): its id is the key that makes it apply once.</summary>
public sealed class StripeEventRow
{
    public string Id { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    /// <summary>The audit chain the raw event went into (a community's, or the instance's when none was known).</summary>
    public Guid Chain { get; init; }

    public long AuditSequence { get; init; }

    /// <summary>applied, ignored, or a problem code when flagged.</summary>
    public string Outcome { get; init; } = string.Empty;

    public long CreatedUnix { get; init; }

    public long ReceivedAtUnixMs { get; init; }
}

/// <summary>A member's monthly dues subscription at Stripe, with the status its latest event gave.</summary>
public sealed class DuesSubscriptionRow
{
    public string SubscriptionId { get; init; } = string.Empty;

    public CommunityId CommunityId { get; init; }

    public PersonId PersonId { get; init; }

    /// <summary>active, past_due, canceled… as Stripe says; payment_failed after a failed invoice.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>The Stripe creation time of the event that set <see cref="Status"/>: an older event never overwrites a newer one.</summary>
    public long StatusEventCreatedUnix { get; set; }

    public long UpdatedAtUnixMs { get; set; }
}

/// <summary>A Stripe payment link whose paid sales are a project's revenue.</summary>
public sealed class SaleLinkRow
{
    public string PaymentLinkId { get; init; } = string.Empty;

    public CommunityId CommunityId { get; init; }

    public Domain.Projects.ProjectNumber ProjectNumber { get; init; }

    public PersonId CreatedById { get; init; }
}

/// <summary>A community's payment settings: monthly dues and the bank account members transfer to.</summary>
public sealed class PaymentSettingsRow
{
    public CommunityId CommunityId { get; init; }

    /// <summary>The Stripe price of the monthly dues, and its amount in the base asset's minor units.</summary>
    public string DuesPriceId { get; set; } = string.Empty;

    public long DuesAmount { get; set; }

    /// <summary>The account members transfer to, as shown to them (bank, branch, type, number, holder).</summary>
    public string BankAccount { get; set; } = string.Empty;

    /// <summary>The saved CSV column mapping for net-banking exports, as JSON.</summary>
    public string CsvMapping { get; set; } = string.Empty;
}

/// <summary>A member's personal transfer code (MK1234), which they put before their name on a bank transfer.</summary>
public sealed class TransferCodeRow
{
    public CommunityId CommunityId { get; init; }

    public PersonId PersonId { get; init; }

    public string Code { get; init; } = string.Empty;

    /// <summary>When set, the next matched transfer of at least the price mints this person's token, up to this price.</summary>
    public long? JoinMaxPrice { get; set; }
}

