using System.Text;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Payments;
using Stripe;
using Stripe.Checkout;

using Mikoshi.Features.Mail;

namespace Mikoshi.Features.Payments;

/// <summary>What a webhook delivery did: <c>applied</c>, <c>duplicate</c>, <c>ignored</c>, a waiting state, or the problem code it was flagged with.</summary>
public sealed record WebhookView(string Event, string Type, string Outcome);

/// <summary>
/// Stripe's events, at <c>POST /api/v1/stripe/webhook</c>. The signature is checked by Stripe.net against the
/// endpoint secret; each event is applied in one write together with a row keyed by its id, so a second delivery
/// (on any replica) finds the row and changes nothing; the raw event goes into the audit chain with its effect.
/// Effects depend on the payment's state, not on the order events arrive in: a payment is credited once, refunds
/// apply the difference to the running total Stripe reports, and an older subscription status never overwrites a newer one.
/// </summary>
public sealed class StripeWebhook(StripeSettings stripe, Writer writer, MikoshiDb db, TimeProvider clock, MailText links)
{
    public const int MaxBodyBytes = 512 * 1024;

    /// <summary>How old a signature may be, as Stripe recommends: five minutes.</summary>
    public const long ToleranceSeconds = 300;

    public const string Actor = "stripe";

    public async Task<IResult> ReceiveAsync(HttpContext http)
    {
        if (!stripe.Enabled)
        {
            return Problems.For(StripeErrors.StripeNotConfigured);
        }

        var body = await ReadBodyAsync(http.Request);
        if (body is null)
        {
            return Problems.For(ApiErrors.PayloadTooLarge);
        }

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(body, http.Request.Headers["Stripe-Signature"].ToString(), stripe.WebhookSecret!,
                ToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException)
        {
            return Problems.For(StripeErrors.InvalidStripeSignature);
        }
        catch (Exception exception) when (exception is Newtonsoft.Json.JsonException or System.Text.Json.JsonException or ArgumentException)
        {
            return Problems.For(ApiErrors.MalformedRequest("the signed body is not a Stripe event"));
        }

        return Problems.From(await ApplyAsync(stripeEvent, body), StatusCodes.Status200OK, http);
    }

    public async Task<Result<Committed<WebhookView>>> ApplyAsync(Event stripeEvent, string raw)
    {
        if (await db.StripeEvents.AsNoTracking().AnyAsync(e => e.Id == stripeEvent.Id))
        {
            return Answer(stripeEvent, "duplicate");
        }

        var target = await LocateAsync(stripeEvent);
        long fee = 0;
        try
        {
            if (target.Community is not null && target.Payment is null or { State: not PaymentState.Paid } && stripeEvent.Data.Object is Session { PaymentStatus: "paid", PaymentIntentId: { } intent })
            {
                fee = await FeeAsync(intent);
            }
            else if (target.Community is not null && stripeEvent.Type == EventTypes.InvoicePaid && stripeEvent.Data.Object is Invoice { AmountPaid: > 0 } invoice
                && !await db.Payments.AsNoTracking().AnyAsync(p => p.Reference == invoice.Id))
            {
                fee = await InvoiceFeeAsync(invoice);
            }
        }
        catch (StripeException exception)
        {
            // Nothing is stored: Stripe delivers the event again later.
            return StripeErrors.StripeUnavailable(exception.Message);
        }

        var written = await writer.RunAsync(target.Community?.Id.Value ?? Guid.Empty, Actor, null, async write =>
        {
            if (await write.Db.StripeEvents.AnyAsync(e => e.Id == stripeEvent.Id))
            {
                return Result<WebhookView>.Ok(new WebhookView(stripeEvent.Id, stripeEvent.Type, "duplicate"));
            }

            var outcome = target.Community is null ? target.Problem : await EffectAsync(write, stripeEvent, target.Community, fee, links);
            var audit = await write.AuditAsync("stripe.event", new { id = stripeEvent.Id, type = stripeEvent.Type, outcome, raw });
            write.Db.StripeEvents.Add(new StripeEventRow
            {
                Id = stripeEvent.Id,
                Type = stripeEvent.Type,
                Chain = write.Chain,
                AuditSequence = audit.Sequence,
                Outcome = outcome,
                CreatedUnix = CreatedUnix(stripeEvent),
                ReceivedAtUnixMs = write.At.ToUnixTimeMilliseconds(),
            });
            return Result<WebhookView>.Ok(new WebhookView(stripeEvent.Id, stripeEvent.Type, outcome));
        });

        // Another replica applied the same event at the same moment: its key won, and this delivery is a duplicate.
        if (!written.IsSuccess && written.Error.Code == WriteErrors.Codes.Conflict && await db.StripeEvents.AsNoTracking().AnyAsync(e => e.Id == stripeEvent.Id))
        {
            return Answer(stripeEvent, "duplicate");
        }

        return written;
    }

    private static Committed<WebhookView> Answer(Event stripeEvent, string outcome) =>
        new(new WebhookView(stripeEvent.Id, stripeEvent.Type, outcome), Replayed: false);

    private sealed record Target(Community? Community, Payment? Payment, string Problem);

    /// <summary>Which community an event is about, from the payment it names or the metadata Mikoshi gave Stripe.</summary>
    private async Task<Target> LocateAsync(Event stripeEvent)
    {
        Payment? payment = null;
        Guid? community = null;
        switch (stripeEvent.Data.Object)
        {
            case Session session:
                payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Reference == session.Id);
                if (payment is null && session.PaymentLinkId is { } link)
                {
                    community = (await db.SaleLinks.AsNoTracking().FirstOrDefaultAsync(l => l.PaymentLinkId == link))?.CommunityId.Value;
                }

                community ??= payment?.CommunityId.Value ?? CommunityOf(session.Metadata);
                break;
            case Charge charge when charge.PaymentIntentId is { } intent:
                payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.PaymentIntent == intent);
                community = payment?.CommunityId.Value;
                break;
            case Dispute dispute when dispute.PaymentIntentId is { } intent:
                payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.PaymentIntent == intent);
                community = payment?.CommunityId.Value;
                break;
            case Invoice invoice:
                community = CommunityOf(invoice.Parent?.SubscriptionDetails?.Metadata);
                if (community is null && invoice.Parent?.SubscriptionDetails?.SubscriptionId is { } subscriptionId)
                {
                    community = (await db.DuesSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.SubscriptionId == subscriptionId))?.CommunityId.Value;
                }

                break;
            case Subscription subscription:
                community = CommunityOf(subscription.Metadata)
                    ?? (await db.DuesSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.SubscriptionId == subscription.Id))?.CommunityId.Value;
                break;
            default:
                return new Target(null, null, "ignored");
        }

        var found = community is { } id ? await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == new CommunityId(id)) : null;
        return new Target(found, payment, found is null ? "unknown_community" : "applied");
    }

    private static long CreatedUnix(Event stripeEvent) =>
        new DateTimeOffset(DateTime.SpecifyKind(stripeEvent.Created, DateTimeKind.Utc)).ToUnixTimeSeconds();

    private static Guid? CommunityOf(Dictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue("community", out var text) && Guid.TryParse(text, out var id) ? id : null;

    private static PersonId? PersonOf(Dictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue("person", out var text) && Guid.TryParse(text, out var id) ? new PersonId(id) : null;

    private async Task<long> FeeAsync(string paymentIntent)
    {
        var options = new PaymentIntentGetOptions();
        options.AddExpand("latest_charge.balance_transaction");
        var intent = await new PaymentIntentService(stripe.Client!).GetAsync(paymentIntent, options);
        return intent.LatestCharge?.BalanceTransaction?.Fee ?? 0;
    }

    /// <summary>
    /// What Stripe kept of a paid dues invoice: the fees of the payment intents that paid it (an invoice names its payments
    /// only through <c>GET /v1/invoice_payments?invoice=…</c>; each intent's charge carries its balance transaction).
    /// </summary>
    private async Task<long> InvoiceFeeAsync(Invoice invoice)
    {
        var payments = await new InvoicePaymentService(stripe.Client!).ListAsync(new InvoicePaymentListOptions { Invoice = invoice.Id, Status = "paid" });
        long fee = 0;
        foreach (var paid in payments.Data)
        {
            if (paid.Payment?.PaymentIntentId is { } intent)
            {
                fee = checked(fee + await FeeAsync(intent));
            }
        }

        return fee;
    }

    private static async Task<string> EffectAsync(WriteScope write, Event stripeEvent, Community community, long fee, MailText links)
    {
        var db = write.Db;
        switch (stripeEvent.Type, stripeEvent.Data.Object)
        {
            case (EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded, Session session):
                if (session.Mode == "subscription")
                {
                    return await SubscribedAsync(write, community, session, stripeEvent);
                }

                var payment = await db.Payments.FirstOrDefaultAsync(p => p.Reference == session.Id)
                    ?? await SaleAsync(write, community, session);
                if (payment is null)
                {
                    return "unknown_payment";
                }

                payment.NoteIntent(session.PaymentIntentId);
                if (payment.IsCredited)
                {
                    return "already_applied";
                }

                if (session.PaymentStatus != "paid")
                {
                    // A konbini voucher was issued: the money comes (or not) with a later event.
                    return "awaiting_payment";
                }

                if (session.AmountTotal != payment.Amount || !string.Equals(session.Currency, community.BaseAsset, StringComparison.OrdinalIgnoreCase))
                {
                    payment.Raise("amount_mismatch");
                    return "amount_mismatch";
                }

                var by = payment.Purpose == PaymentBook.Sale
                    ? (await db.SaleLinks.AsNoTracking().FirstAsync(l => l.PaymentLinkId == session.PaymentLinkId)).CreatedById
                    : payment.PersonId!.Value;
                return await PaymentBook.CreditAsync(write, community, payment, fee, by, links);

            case (EventTypes.CheckoutSessionExpired or EventTypes.CheckoutSessionAsyncPaymentFailed, Session session):
                var unpaid = await db.Payments.FirstOrDefaultAsync(p => p.Reference == session.Id);
                if (unpaid is null)
                {
                    return "unknown_payment";
                }

                // Only a pending payment expires: news of one already paid, flagged or expired changes nothing.
                return unpaid.Expire().IsSuccess ? "expired" : "already_applied";

            case (EventTypes.ChargeRefunded, Charge charge):
                var refunded = await db.Payments.FirstOrDefaultAsync(p => p.PaymentIntent == charge.PaymentIntentId);
                if (refunded is not { State: PaymentState.Paid })
                {
                    return "refund_before_payment";
                }

                // Stripe reports the running total refunded: apply what is new, so late or repeated events add nothing.
                if (charge.AmountRefunded <= refunded.Reversed)
                {
                    return "already_applied";
                }

                var reversal = await PaymentBook.ReverseAsync(write, community, refunded, refunded.RefundDue(charge.AmountRefunded), "refund", "refunded at Stripe");
                if (!reversal.IsSuccess)
                {
                    refunded.Raise(reversal.Error.Code);
                    return reversal.Error.Code;
                }

                var applied = refunded.Refund(charge.AmountRefunded);
                return applied.IsSuccess ? "applied" : applied.Error.Code;

            case (EventTypes.ChargeDisputeCreated, Dispute dispute):
                var disputed = await db.Payments.FirstOrDefaultAsync(p => p.PaymentIntent == dispute.PaymentIntentId);
                if (disputed is not { State: PaymentState.Paid })
                {
                    return "refund_before_payment";
                }

                // One chargeback per payment, never more than refunds left of it.
                var taken = disputed.ChargebackDue(dispute.Amount);
                if (taken <= 0)
                {
                    return "already_applied";
                }

                var chargeback = await PaymentBook.ReverseAsync(write, community, disputed, taken, "chargeback", $"dispute: {dispute.Reason}");
                if (!chargeback.IsSuccess)
                {
                    disputed.Raise(chargeback.Error.Code);
                    return chargeback.Error.Code;
                }

                var charged = disputed.Chargeback(taken);
                return charged.IsSuccess ? "applied" : charged.Error.Code;

            case (EventTypes.InvoicePaid, Invoice invoice):
                return await DuesPaidAsync(write, community, invoice, stripeEvent, fee, links);

            case (EventTypes.InvoicePaymentFailed, Invoice invoice):
                var failed = invoice.Parent?.SubscriptionDetails?.SubscriptionId;
                return failed is null ? "ignored" : await StatusAsync(write, community, failed, PersonOf(invoice.Parent!.SubscriptionDetails!.Metadata), "payment_failed", stripeEvent);

            case (EventTypes.CustomerSubscriptionUpdated or EventTypes.CustomerSubscriptionDeleted, Subscription subscription):
                return await StatusAsync(write, community, subscription.Id, PersonOf(subscription.Metadata), subscription.Status, stripeEvent);

            default:
                return "ignored";
        }
    }

    /// <summary>A paid sale through a project's payment link: a new payment, credited as that project's revenue.</summary>
    private static async Task<Payment?> SaleAsync(WriteScope write, Community community, Session session)
    {
        if (session.PaymentLinkId is not { } link
            || await write.Db.SaleLinks.AsNoTracking().FirstOrDefaultAsync(l => l.PaymentLinkId == link && l.CommunityId == community.Id) is not { } sale)
        {
            return null;
        }

        var payment = Payment.Open(community.Id, await PaymentBook.NextNumberAsync(write.Db, community.Id), null, PaymentBook.Sale, "card",
            community.BaseAsset, session.AmountTotal ?? 0, session.Id, write.At, session.PaymentIntentId, sale.ProjectNumber);
        write.Db.Payments.Add(payment);
        return payment;
    }

    private static async Task<string> SubscribedAsync(WriteScope write, Community community, Session session, Event stripeEvent) =>
        session.SubscriptionId is { } id
            ? await StatusAsync(write, community, id, PersonOf(session.Metadata), "active", stripeEvent)
            : "ignored";

    private static async Task<string> DuesPaidAsync(WriteScope write, Community community, Invoice invoice, Event stripeEvent, long fee, MailText links)
    {
        var details = invoice.Parent?.SubscriptionDetails;
        var person = PersonOf(details?.Metadata);
        if (details?.SubscriptionId is not { } subscription || person is null || !await write.Db.Users.AnyAsync(u => u.Id == person.Value.Value))
        {
            return "unknown_person";
        }

        if (await write.Db.Payments.AnyAsync(p => p.Reference == invoice.Id))
        {
            return "already_applied";
        }

        if (!string.Equals(invoice.Currency, community.BaseAsset, StringComparison.OrdinalIgnoreCase) || invoice.AmountPaid <= 0)
        {
            return "amount_mismatch";
        }

        await StatusAsync(write, community, subscription, person, "active", stripeEvent);
        var payment = Payment.Open(community.Id, await PaymentBook.NextNumberAsync(write.Db, community.Id), person, PaymentBook.Dues, "subscription",
            community.BaseAsset, invoice.AmountPaid, invoice.Id, write.At);
        write.Db.Payments.Add(payment);
        return await PaymentBook.CreditAsync(write, community, payment, fee, person.Value, links);
    }

    /// <summary>Sets a dues subscription's status unless a newer event already set it.</summary>
    private static async Task<string> StatusAsync(WriteScope write, Community community, string subscriptionId, PersonId? person, string status, Event stripeEvent)
    {
        var created = CreatedUnix(stripeEvent);
        var row = await write.Db.DuesSubscriptions.FirstOrDefaultAsync(s => s.SubscriptionId == subscriptionId);
        if (row is null)
        {
            if (person is null || !await write.Db.Users.AnyAsync(u => u.Id == person.Value.Value))
            {
                return "unknown_person";
            }

            row = new DuesSubscriptionRow { SubscriptionId = subscriptionId, CommunityId = community.Id, PersonId = person.Value };
            write.Db.DuesSubscriptions.Add(row);
        }
        else if (row.StatusEventCreatedUnix > created)
        {
            return "superseded";
        }

        row.Status = status;
        row.StatusEventCreatedUnix = created;
        row.UpdatedAtUnixMs = write.At.ToUnixTimeMilliseconds();
        return status == "active" ? "applied" : status;
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/stripe/webhook", (StripeWebhook webhook, HttpContext http) => webhook.ReceiveAsync(http))
            .Allow(Access.Anyone)
            .DisableAntiforgery()
            .WithSummary("Stripe's events, signed with the endpoint secret (Stripe-Signature); each applied once by its id.")
            .Produces<WebhookView>();
}
