using System.Globalization;
using System.Text.Json;
using Mikoshi.Domain;

namespace Mikoshi.Components;

/// <summary>
/// Small conversions the governance pages share: the payload's fields, the countdown text the page renders
/// before its script takes over, and the widths of the tally bars. What the pages read comes from their
/// queries in Features/Pages.
/// </summary>
public static class GovernanceData
{
    /// <summary>A string property of a proposal's payload, or null.</summary>
    public static string? Text(JsonElement payload, string name) => Features.Pages.PageReads.PayloadText(payload, name);

    public static IReadOnlyList<string> Strings(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString() ?? string.Empty).ToList()
            : [];

    /// <summary>
    /// Time left as the page shows it before (and without) its script: "2d 03:04:05" with the day unit of
    /// the reader's language, or "03:04:05" under a day. governance.js writes the same format every second.
    /// </summary>
    public static string Countdown(DateTimeOffset until, DateTimeOffset now, string dayUnit)
    {
        var left = until - now;
        if (left < TimeSpan.Zero)
        {
            left = TimeSpan.Zero;
        }

        var clock = FormattableString.Invariant($"{left.Hours:00}:{left.Minutes:00}:{left.Seconds:00}");
        return left.Days > 0 ? FormattableString.Invariant($"{left.Days}{dayUnit} {clock}") : clock;
    }

    /// <summary>A part of a whole as a CSS percentage for a bar's width; doubles place pixels, the text says the numbers.</summary>
    public static string Width(long part, long whole) =>
        whole <= 0 ? "0%" : Math.Round(Math.Clamp(part * 100.0 / whole, 0, 100), 3).ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>A share as a CSS percentage.</summary>
    public static string At(Bps share) => (share.Value / 100.0).ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>The least participation that reaches quorum: ⌈quorum × total / 10,000⌉, as the tally counts it.</summary>
    public static long QuorumNeeded(Bps quorum, long totalPower) =>
        (long)(((Int128)quorum.Value * totalPower + Bps.WholeValue - 1) / Bps.WholeValue);

    /// <summary>The share for among for and against, as a percent people read ("66.67"); null when nobody chose.</summary>
    public static string? ForShare(long forPower, long againstPower)
    {
        var decided = forPower + againstPower;
        if (decided == 0)
        {
            return null;
        }

        // for ≤ for + against: the share is within the whole.
        return MembershipData.Percent(Bps.Stored((int)((Int128)forPower * Bps.WholeValue / decided)));
    }

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
