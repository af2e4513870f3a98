namespace Mikoshi.Domain.Notifications;

/// <summary>How a person hears of one kind of event.</summary>
public enum Delivery
{
    /// <summary>Nothing at all.</summary>
    Off,

    /// <summary>The bell and the notifications page only.</summary>
    InApp,

    /// <summary>In the app, and a mail at once.</summary>
    Mail,

    /// <summary>In the app, and in the next daily digest.</summary>
    Daily,

    /// <summary>In the app, and in the next weekly digest.</summary>
    Weekly,
}

/// <summary>One kind of event: its name, how people hear of it unless they chose otherwise, whether it may be silenced.</summary>
/// <param name="Name">The stable name (<c>proposal.opened</c>) the API, the settings and the webhooks use.</param>
/// <param name="Default">The delivery for a person who chose nothing.</param>
/// <param name="AlwaysOn">Heirs, guardians and money: a person may move it between channels but never turn it off.</param>
/// <param name="Public">Community news: also sent to the community's channels (Discord, Slack, LINE, webhooks).</param>
public sealed record EventKind(string Name, Delivery Default, bool AlwaysOn, bool Public);

/// <summary>
/// Every event Mikoshi announces (docs/events.md). A name is never reused for another meaning: webhooks and
/// mail filters outside depend on it.
/// </summary>
public static class EventCatalogue
{
    /// <summary>The kind "member.joined".</summary>
    public const string MemberJoined = "member.joined";

    /// <summary>The kind "member.left".</summary>
    public const string MemberLeft = "member.left";

    /// <summary>The kind "member.returned".</summary>
    public const string MemberReturned = "member.returned";

    /// <summary>The kind "invitation.received".</summary>
    public const string InvitationReceived = "invitation.received";

    /// <summary>The kind "invitation.answered".</summary>
    public const string InvitationAnswered = "invitation.answered";

    /// <summary>The kind "contribution.awaiting-acknowledgement".</summary>
    public const string ContributionAwaitingAcknowledgement = "contribution.awaiting-acknowledgement";

    /// <summary>The kind "split.awaiting-acceptance".</summary>
    public const string SplitAwaitingAcceptance = "split.awaiting-acceptance";

    /// <summary>The kind "split.in-force".</summary>
    public const string SplitInForce = "split.in-force";

    /// <summary>The kind "revenue.recorded".</summary>
    public const string RevenueRecorded = "revenue.recorded";

    /// <summary>The kind "earnings.claimable".</summary>
    public const string EarningsClaimable = "earnings.claimable";

    /// <summary>The kind "payout.paid".</summary>
    public const string PayoutPaid = "payout.paid";

    /// <summary>The kind "proposal.opened".</summary>
    public const string ProposalOpened = "proposal.opened";

    /// <summary>The kind "proposal.closing-soon".</summary>
    public const string ProposalClosingSoon = "proposal.closing-soon";

    /// <summary>The kind "proposal.passed".</summary>
    public const string ProposalPassed = "proposal.passed";

    /// <summary>The kind "proposal.defeated".</summary>
    public const string ProposalDefeated = "proposal.defeated";

    /// <summary>The kind "proposal.executed".</summary>
    public const string ProposalExecuted = "proposal.executed";

    /// <summary>The kind "proposal.cancelled": its proposer withdrew it; votes for no longer hold tokens.</summary>
    public const string ProposalCancelled = "proposal.cancelled";

    /// <summary>The kind "grace-period.open".</summary>
    public const string GracePeriodOpen = "grace-period.open";

    /// <summary>The kind "token.locked".</summary>
    public const string TokenLocked = "token.locked";

    /// <summary>The kind "token.unlocked".</summary>
    public const string TokenUnlocked = "token.unlocked";

    /// <summary>The kind "succession.named": a holder named you heir or guardian.</summary>
    public const string SuccessionNamed = "succession.named";

    /// <summary>The kind "succession.started".</summary>
    public const string SuccessionStarted = "succession.started";

    /// <summary>The kind "succession.confirmed".</summary>
    public const string SuccessionConfirmed = "succession.confirmed";

    /// <summary>The kind "succession.vetoed".</summary>
    public const string SuccessionVetoed = "succession.vetoed";

    /// <summary>The kind "succession.completed".</summary>
    public const string SuccessionCompleted = "succession.completed";

    /// <summary>The kind "payment.received".</summary>
    public const string PaymentReceived = "payment.received";

    /// <summary>The catalogue, in the order the settings page lists it.</summary>
    public static IReadOnlyList<EventKind> All { get; } =
    [
        new(MemberJoined, Delivery.Weekly, false, true),
        new(MemberLeft, Delivery.Weekly, false, true),
        new(MemberReturned, Delivery.Weekly, false, true),
        new(InvitationReceived, Delivery.Mail, false, false),
        new(InvitationAnswered, Delivery.InApp, false, false),
        new(ContributionAwaitingAcknowledgement, Delivery.Daily, false, false),
        new(SplitAwaitingAcceptance, Delivery.Mail, true, false),
        new(SplitInForce, Delivery.Daily, true, false),
        new(RevenueRecorded, Delivery.Daily, true, true),
        new(EarningsClaimable, Delivery.Daily, true, false),
        new(PayoutPaid, Delivery.Mail, true, false),
        new(ProposalOpened, Delivery.Daily, false, true),
        new(ProposalClosingSoon, Delivery.Mail, false, true),
        new(ProposalPassed, Delivery.Daily, false, true),
        new(ProposalDefeated, Delivery.Daily, false, true),
        new(ProposalExecuted, Delivery.Daily, false, true),
        new(ProposalCancelled, Delivery.Daily, false, true),
        new(GracePeriodOpen, Delivery.Mail, true, true),
        new(TokenLocked, Delivery.InApp, false, false),
        new(TokenUnlocked, Delivery.InApp, false, false),
        new(SuccessionNamed, Delivery.Mail, true, false),
        new(SuccessionStarted, Delivery.Mail, true, false),
        new(SuccessionConfirmed, Delivery.Mail, true, false),
        new(SuccessionVetoed, Delivery.Mail, true, false),
        new(SuccessionCompleted, Delivery.Mail, true, false),
        new(PaymentReceived, Delivery.Mail, true, false),
    ];

    private static readonly Dictionary<string, EventKind> ByName = All.ToDictionary(k => k.Name, StringComparer.Ordinal);

    /// <summary>The kind named <paramref name="name"/>, or <c>unknown_event_kind</c>.</summary>
    public static Result<EventKind> Find(string? name) =>
        name is not null && ByName.TryGetValue(name, out var kind) ? kind : NotificationErrors.UnknownEventKind(name ?? string.Empty);

    /// <summary>Parses a delivery as the API writes it: off, in_app, mail, daily or weekly.</summary>
    public static Result<Delivery> ParseDelivery(string? text) => text switch
    {
        "off" => Delivery.Off,
        "in_app" => Delivery.InApp,
        "mail" => Delivery.Mail,
        "daily" => Delivery.Daily,
        "weekly" => Delivery.Weekly,
        _ => NotificationErrors.InvalidDelivery,
    };

    /// <summary>The API's name of a delivery.</summary>
    public static string Name(Delivery delivery) => delivery switch
    {
        Delivery.Off => "off",
        Delivery.InApp => "in_app",
        Delivery.Mail => "mail",
        Delivery.Daily => "daily",
        Delivery.Weekly => "weekly",
        _ => throw new InvariantViolatedException($"No delivery {delivery}."),
    };

    /// <summary>A person's choice for a kind, checked: an always-on kind cannot be turned off.</summary>
    public static Result<Delivery> Choose(EventKind kind, Delivery delivery) =>
        kind.AlwaysOn && delivery == Delivery.Off
            ? NotificationErrors.NotificationAlwaysOn(kind.Name)
            : delivery;

    /// <summary>
    /// The digest period a notification made at <paramref name="atUnixMs"/> belongs to and the instant its digest is due:
    /// a daily digest covers one UTC day and is due at the next midnight; a weekly one covers an ISO week (Monday first).
    /// </summary>
    public static (string Period, long DueUnixMs) DigestPeriod(Delivery delivery, long atUnixMs)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(atUnixMs).UtcDateTime;
        var day = at.Date;
        if (delivery == Delivery.Daily)
        {
            return ($"daily:{day:yyyy-MM-dd}", new DateTimeOffset(day.AddDays(1), TimeSpan.Zero).ToUnixTimeMilliseconds());
        }

        if (delivery == Delivery.Weekly)
        {
            var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
            var week = System.Globalization.ISOWeek.GetWeekOfYear(day);
            var year = System.Globalization.ISOWeek.GetYear(day);
            return ($"weekly:{year}-W{week:00}", new DateTimeOffset(monday.AddDays(7), TimeSpan.Zero).ToUnixTimeMilliseconds());
        }

        throw new InvariantViolatedException($"{delivery} has no digest.");
    }
}
