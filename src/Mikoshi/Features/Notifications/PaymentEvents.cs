using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Notifications;

namespace Mikoshi.Features.Notifications;

/// <summary>
/// The hook for payments (built elsewhere): the use case that records a payment calls this inside its write, and the
/// payer hears of it like any other event (always on; mail at once unless they chose a digest).
/// </summary>
public static class PaymentEvents
{
    /// <summary>Announces a received payment to <paramref name="payer"/>; amounts as strings of minor units, with their asset.</summary>
    public static void Received(WriteScope write, PersonId payer, string asset, string amount, string reference) =>
        write.AnnounceTo(EventCatalogue.PaymentReceived, new { asset, amount, reference }, [payer]);
}
