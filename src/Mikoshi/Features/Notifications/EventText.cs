using System.Globalization;
using System.Resources;
using System.Text.Json;
using Mikoshi.Components;

namespace Mikoshi.Features.Notifications;

/// <summary>
/// The words of a notice, from Resources/Notifications.resx and Notifications.ja.resx: a heading per kind and a short
/// detail taken from the event's payload (a proposal's title, a project's number, an amount). Mails, the bell and the
/// community channels all say the same thing.
/// </summary>
public static class EventText
{
    private static readonly ResourceManager Texts = new("Mikoshi.Resources.Notifications", typeof(EventText).Assembly);

    public static readonly CultureInfo Japanese = new("ja");
    public static readonly CultureInfo English = new("en");

    /// <summary>A text of the resource file in <paramref name="language"/>.</summary>
    public static string Text(string key, CultureInfo language) => Texts.GetString(key, language) ?? key;

    /// <summary>The language a stored code names (ja or en), or null when the person chose none.</summary>
    public static CultureInfo? Language(string? code) => code switch
    {
        "ja" => Japanese,
        "en" => English,
        _ => null,
    };

    /// <summary>One line: the kind's heading and the detail, as the bell, the page and the channels show it.</summary>
    public static string Line(string kind, string payloadJson, CultureInfo language)
    {
        using (var document = JsonDocument.Parse(payloadJson))
        {
            // A payment's notice is its receipt (issue #16), in the reader's language.
            if (PaymentEvents.ReceiptLine(document.RootElement, language) is { } receipt)
            {
                return $"{Text(kind, language)}: {receipt}";
            }
        }

        var detail = Detail(payloadJson);
        return detail.Length == 0 ? Text(kind, language) : $"{Text(kind, language)}: {detail}";
    }

    /// <summary>What the event is about, from its payload: a title, a proposal or project number, an amount.</summary>
    public static string Detail(string payloadJson)
    {
        using var document = JsonDocument.Parse(payloadJson);
        var root = document.RootElement;
        var parts = new List<string>();
        if (root.TryGetProperty("proposal", out var proposal))
        {
            parts.Add($"#{proposal.GetRawText()}");
        }
        else if (root.TryGetProperty("project", out var project))
        {
            parts.Add($"project {project.GetRawText()}");
        }

        if (root.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
        {
            parts.Add(title.GetString()!);
        }

        if (root.TryGetProperty("amount", out var amount) && root.TryGetProperty("asset", out var asset))
        {
            parts.Add(Amounts.Display(asset.GetString()!, amount.GetString()!));
        }

        return string.Join(" ", parts);
    }

    /// <summary>
    /// The part of an amount this person receives, when the payload names one (revenue, earnings, payouts), as every page
    /// shows money (<see cref="Amounts.Display"/>: ¥15,400, 0.0123 ETH) — never "15400 JPY".
    /// </summary>
    public static string? YourPart(string payloadJson, string person)
    {
        using var document = JsonDocument.Parse(payloadJson);
        var root = document.RootElement;
        return root.TryGetProperty("parts", out var parts) && parts.ValueKind == JsonValueKind.Object && parts.TryGetProperty(person, out var part)
            && root.TryGetProperty("asset", out var asset)
            ? Amounts.Display(asset.GetString()!, part.GetString()!)
            : null;
    }

    /// <summary>"Your part: ¥15,400" in <paramref name="language"/>, for mails and digests; null when the payload names no part of theirs.</summary>
    public static string? YourPartLine(string payloadJson, string person, CultureInfo language) =>
        YourPart(payloadJson, person) is { } part ? string.Format(language, Text("YourPart", language), part) : null;
}
