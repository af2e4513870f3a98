namespace Mikoshi.Domain.Notifications;

/// <summary>
/// The errors of notices, channels and their delivery: each defined once, with its stable code, its kind and the values its
/// text needs. The texts, in English and Japanese, are in src/Mikoshi/Resources/Errors(.ja).resx under the code.
/// </summary>
public static class NotificationErrors
{
    /// <summary>The stable codes, to recognise an error already raised.</summary>
    public static class Codes
    {
        /// <summary><c>already_digested</c></summary>
        public const string AlreadyDigested = "already_digested";

        /// <summary><c>already_dispatched</c></summary>
        public const string AlreadyDispatched = "already_dispatched";

        /// <summary><c>already_mailed</c></summary>
        public const string AlreadyMailed = "already_mailed";

        /// <summary><c>cancelled</c></summary>
        public const string Cancelled = "cancelled";

        /// <summary><c>channel_event_not_public</c></summary>
        public const string ChannelEventNotPublic = "channel_event_not_public";

        /// <summary><c>channel_events_empty</c></summary>
        public const string ChannelEventsEmpty = "channel_events_empty";

        /// <summary><c>channel_not_found</c></summary>
        public const string ChannelNotFound = "channel_not_found";

        /// <summary><c>invalid_access_token</c></summary>
        public const string InvalidAccessToken = "invalid_access_token";

        /// <summary><c>invalid_channel_kind</c></summary>
        public const string InvalidChannelKind = "invalid_channel_kind";

        /// <summary><c>invalid_channel_label</c></summary>
        public const string InvalidChannelLabel = "invalid_channel_label";

        /// <summary><c>invalid_delivery</c></summary>
        public const string InvalidDelivery = "invalid_delivery";

        /// <summary><c>invalid_language</c></summary>
        public const string InvalidLanguage = "invalid_language";

        /// <summary><c>invalid_webhook_url</c></summary>
        public const string InvalidWebhookUrl = "invalid_webhook_url";

        /// <summary><c>notification_always_on</c></summary>
        public const string NotificationAlwaysOn = "notification_always_on";

        /// <summary><c>too_many_ids</c></summary>
        public const string TooManyIds = "too_many_ids";

        /// <summary><c>unknown_event_kind</c></summary>
        public const string UnknownEventKind = "unknown_event_kind";

        /// <summary><c>unsubscribe_token_invalid</c></summary>
        public const string UnsubscribeTokenInvalid = "unsubscribe_token_invalid";

        /// <summary><c>unsubscribe_token_used</c></summary>
        public const string UnsubscribeTokenUsed = "unsubscribe_token_used";

        /// <summary><c>webhook_host_unresolved</c></summary>
        public const string WebhookHostUnresolved = "webhook_host_unresolved";

        /// <summary><c>webhook_url_private</c></summary>
        public const string WebhookUrlPrivate = "webhook_url_private";
    }

    /// <summary>Another dispatcher sent this digest first.</summary>
    public static Error AlreadyDigested { get; } = new(Codes.AlreadyDigested, ErrorKind.Conflict);

    /// <summary>Another dispatcher expanded this event first.</summary>
    public static Error AlreadyDispatched { get; } = new(Codes.AlreadyDispatched, ErrorKind.Conflict);

    /// <summary>Another dispatcher mailed this notice first.</summary>
    public static Error AlreadyMailed { get; } = new(Codes.AlreadyMailed, ErrorKind.Conflict);

    /// <summary>The proposal was cancelled.</summary>
    public static Error Cancelled { get; } = new(Codes.Cancelled, ErrorKind.Conflict);

    /// <summary>That kind of event concerns one person, not the community: it never goes to a channel.</summary>
    public static Error ChannelEventNotPublic { get; } = new(Codes.ChannelEventNotPublic, ErrorKind.Invalid);

    /// <summary>Choose at least one kind of event; to stop a channel altogether, delete it.</summary>
    public static Error ChannelEventsEmpty { get; } = new(Codes.ChannelEventsEmpty, ErrorKind.Invalid);

    /// <summary>There is no such channel.</summary>
    public static Error ChannelNotFound { get; } = new(Codes.ChannelNotFound, ErrorKind.NotFound);

    /// <summary>A LINE channel needs its channel access token.</summary>
    public static Error InvalidAccessToken { get; } = new(Codes.InvalidAccessToken, ErrorKind.Invalid);

    /// <summary>Choose discord, slack, line or webhook.</summary>
    public static Error InvalidChannelKind { get; } = new(Codes.InvalidChannelKind, ErrorKind.Invalid);

    /// <summary>Name the channel in 1 to {0} characters.</summary>
    public static Error InvalidChannelLabel { get; } = new(Codes.InvalidChannelLabel, ErrorKind.Invalid, ChannelRules.MaxLabelLength);

    /// <summary>Choose off, in_app, mail, daily or weekly.</summary>
    public static Error InvalidDelivery { get; } = new(Codes.InvalidDelivery, ErrorKind.Invalid);

    /// <summary>Choose ja or en.</summary>
    public static Error InvalidLanguage { get; } = new(Codes.InvalidLanguage, ErrorKind.Invalid);

    /// <summary>A channel's URL must be an absolute http or https URL without a user name or password.</summary>
    public static Error InvalidWebhookUrl { get; } = new(Codes.InvalidWebhookUrl, ErrorKind.Invalid);

    /// <summary>'{0}' concerns your money or your succession and cannot be turned off; choose another channel.</summary>
    public static Error NotificationAlwaysOn(string kind) => new(Codes.NotificationAlwaysOn, ErrorKind.Invalid, kind);

    /// <summary>Mark at most {0} notices at once, or all of them by naming none.</summary>
    public static Error TooManyIds(int pageSize) => new(Codes.TooManyIds, ErrorKind.Invalid, pageSize);

    /// <summary>There is no event kind '{0}'.</summary>
    public static Error UnknownEventKind(string kind) => new(Codes.UnknownEventKind, ErrorKind.Invalid, kind);

    /// <summary>This unsubscribe link is not one Mikoshi sent. Check that the whole link was opened, or change your settings on the notifications page.</summary>
    public static Error UnsubscribeTokenInvalid { get; } = new(Codes.UnsubscribeTokenInvalid, ErrorKind.NotFound);

    /// <summary>This unsubscribe link was used already: those mails are stopped. Nothing was changed now.</summary>
    public static Error UnsubscribeTokenUsed { get; } = new(Codes.UnsubscribeTokenUsed, ErrorKind.Conflict);

    /// <summary>The host {0} does not resolve.</summary>
    public static Error WebhookHostUnresolved(string host) => new(Codes.WebhookHostUnresolved, ErrorKind.Invalid, host);

    /// <summary>A channel's URL may not point at this server or a private network.</summary>
    public static Error WebhookUrlPrivate { get; } = new(Codes.WebhookUrlPrivate, ErrorKind.Invalid);
}
