using System.Globalization;
using System.Text.Json;
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

    /// <summary>Announces a received payment with its <paramref name="receipt"/>, which the notice (and so the mail) spells out.</summary>
    public static void Received(WriteScope write, PersonId payer, string asset, string amount, string reference, PaymentReceipt receipt) =>
        write.AnnounceTo(EventCatalogue.PaymentReceived, new { asset, amount, reference, receipt }, [payer]);

    /// <summary>
    /// The receipt line of a <c>payment.received</c> notice in <paramref name="language"/>, or null when the payload carries
    /// no receipt: "¥15,400 · 参加（トークン #3） · 2026-11-27 18:00 JST · みんなの神輿 · 領収書: https://…".
    /// </summary>
    public static string? ReceiptLine(JsonElement payload, CultureInfo language)
    {
        if (!payload.TryGetProperty("receipt", out var receipt) || receipt.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string Text(string name) => receipt.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
        long? Number(string name) => receipt.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
        var bought = EventText.Text("Purpose_" + Text("purpose"), language);
        if (Number("token") is { } token)
        {
            bought = string.Format(language, EventText.Text("ReceiptToken", language), bought, token);
        }
        else if (Number("project") is { } project)
        {
            bought = string.Format(language, EventText.Text("ReceiptProject", language), bought, project);
        }

        return string.Format(language, EventText.Text("ReceiptLine", language), Text("amount"), bought, Text("paidAtJst"), Text("community"), Text("link"));
    }
}

/// <summary>What a payment notice says: the amount as people read it (¥15,400), what it bought, when (JST), where, and the receipt's address.</summary>
// Wire format: the token and project numbers stay plain numbers.
public sealed record PaymentReceipt(string Amount, string Purpose, long? Token, long? Project, string PaidAtJst, string Community, string Link);
