using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Notifications;

namespace Mikoshi.Data;

/// <summary>
/// One event in the outbox (issue #17): written in the same transaction as the change it announces; a background
/// dispatcher expands it to its recipients later, so the request writes one row whatever the number of members.
/// </summary>
public sealed class EventRow
{
    /// <summary>Assigned by the store, increasing: readers (feeds, the dispatcher) page by it.</summary>
    public long Id { get; init; }

    public CommunityId CommunityId { get; init; }

    /// <summary>A name from <c>EventCatalogue</c>.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>Who hears of it: the community's members (null), or these people only (space-separated ids).</summary>
    public string? Recipients { get; init; }

    /// <summary>What it is about, as JSON (proposal number, title, amounts as strings...).</summary>
    public string PayloadJson { get; init; } = "{}";

    /// <summary>For events a sweep raises (a proposal closing in 24 h): unique, so replicas raise each one once.</summary>
    public string? OnceKey { get; init; }

    public long AtUnixMs { get; init; }

    /// <summary>When a dispatcher expanded it to notifications and channel deliveries; null until then.</summary>
    public long? DispatchedAtUnixMs { get; set; }

    /// <summary>
    /// How far the expansion got: the last recipient (a person id, in the store's order) whose notice is written. The
    /// dispatcher expands in chunks, one transaction each, and a crash resumes after this; null before the first chunk.
    /// </summary>
    public string? ExpandCursor { get; set; }
}

/// <summary>One person's notice of one event: the bell counts the unread ones.</summary>
public sealed class NotificationRow
{
    public long Id { get; init; }

    public long EventId { get; init; }

    public PersonId PersonId { get; init; }

    public CommunityId CommunityId { get; init; }

    public string Kind { get; init; } = string.Empty;

    public string PayloadJson { get; set; } = "{}";

    public long AtUnixMs { get; init; }

    public long? ReadAtUnixMs { get; init; }

    /// <summary>none, pending (a mail at once, not yet sent), sent.</summary>
    public NoticeMailState MailState { get; set; } = NoticeMailState.None;

    /// <summary>The digest this notice goes into (daily:2026-11-27, weekly:2026-W48), or null.</summary>
    public string? DigestPeriod { get; set; }

    /// <summary>When the digest is due (the end of its period); null without a digest.</summary>
    public long? DigestDueUnixMs { get; set; }

    /// <summary>Whether its digest was sent.</summary>
    public bool Digested { get; set; }
}

/// <summary>A person's choice for one event kind; a kind without a row takes the catalogue's default.</summary>
public sealed class NotificationSettingRow
{
    public PersonId PersonId { get; init; }

    public string Kind { get; init; } = string.Empty;

    /// <summary>off, in_app, mail, daily or weekly.</summary>
    public string Delivery { get; set; } = "in_app";
}

/// <summary>A one-click unsubscribe token (RFC 8058): only its SHA-256 is kept; it works once.</summary>
public sealed class UnsubscribeTokenRow
{
    /// <summary>Lower-case hex SHA-256 of the token in the mail's link.</summary>
    public string TokenHash { get; init; } = string.Empty;

    public PersonId PersonId { get; init; }

    /// <summary>The event kind the mail was about, or daily/weekly for a digest.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>The community the mail was about (shown on the unsubscribe page); null for a digest.</summary>
    public CommunityId? CommunityId { get; init; }

    public long CreatedAtUnixMs { get; init; }

    public long? UsedAtUnixMs { get; set; }
}

/// <summary>A digest sent: one per person and period, whatever the number of replicas (the key is unique).</summary>
public sealed class DigestRow
{
    public PersonId PersonId { get; init; }

    public string Period { get; init; } = string.Empty;

    public long SentAtUnixMs { get; init; }

    public int Items { get; init; }
}

/// <summary>A community channel: a Discord or Slack incoming webhook, a LINE official account, or a signed webhook.</summary>
public sealed class CommunityChannelRow
{
    public CommunityId CommunityId { get; init; }

    public long Number { get; init; }

    /// <summary>discord, slack, line or webhook.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>A name the admin chose.</summary>
    public string Label { get; init; } = string.Empty;

    /// <summary>Where to post, sealed with the SecretBox (a Discord or Slack webhook URL is itself a secret).</summary>
    public string SealedUrl { get; init; } = string.Empty;

    /// <summary>The LINE channel access token or the Standard Webhooks secret (whsec_...), sealed; empty for Discord and Slack.</summary>
    public string SealedSecret { get; init; } = string.Empty;

    /// <summary>ja or en.</summary>
    public string Language { get; init; } = "ja";

    /// <summary>The event kinds it receives (space-separated catalogue names, all public); null for every public kind.</summary>
    public string? Kinds { get; set; }

    public bool Enabled { get; set; } = true;

    public int ConsecutiveFailures { get; set; }

    /// <summary>Why it was turned off automatically, shown to the admin.</summary>
    public string? DisabledReason { get; set; }

    public long CreatedAtUnixMs { get; init; }
}

/// <summary>One event to one channel: tried until it succeeds, with exponential back-off; the log the admin reads.</summary>
public sealed class ChannelDeliveryRow
{
    public long Id { get; init; }

    public CommunityId CommunityId { get; init; }

    public long ChannelNumber { get; init; }

    public long EventId { get; init; }

    /// <summary>pending, sent, or abandoned (the channel was turned off), stored as the word.</summary>
    public Domain.Notifications.ChannelDeliveryState State { get; set; } = Domain.Notifications.ChannelDeliveryState.Pending;

    public int Attempts { get; set; }

    public long NextAttemptAtUnixMs { get; set; }

    /// <summary>A sender's claim on it until this instant, so two replicas never post the same delivery at once.</summary>
    public long LeaseUntilUnixMs { get; set; }

    public int? LastStatus { get; set; }

    public string? LastError { get; set; }

    public long? SentAtUnixMs { get; set; }
}

/// <summary>The language a person reads their notices and mails in (ja or en); without one, mails carry both.</summary>
public sealed class NotificationProfileRow
{
    public PersonId PersonId { get; init; }

    public string Language { get; set; } = string.Empty;
}
