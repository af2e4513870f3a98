using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Governance;

namespace Mikoshi.Components;

/// <summary>A parameter a proposal may change, with its value now (as the API writes it).</summary>
public sealed record ParameterChoice(string Name, string Value);

/// <summary>
/// Read-only queries and small conversions the governance pages need and the use cases do not offer:
/// membership as the API's access filter decides it, every changeable parameter's value now, the
/// countdown text the page renders before its script takes over, and the widths of the tally bars.
/// </summary>
public static class GovernanceData
{
    /// <summary>A member holds at least one token now: the same test the API's <c>Access.Member</c> applies.</summary>
    public static Task<bool> IsMemberAsync(MikoshiDb db, CommunityId community, PersonId person) =>
        db.Tokens.AsNoTracking().AnyAsync(t => t.CommunityId == community && t.OwnerId == person);

    /// <summary>The serials a person holds now, lowest first.</summary>
    public static async Task<IReadOnlyList<long>> TokensOfAsync(MikoshiDb db, CommunityId community, PersonId person) =>
        await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community && t.OwnerId == person)
            .OrderBy(t => t.Serial).Select(t => t.Serial).ToListAsync();

    public static async Task<IReadOnlyList<(long Number, string Title)>> ProjectsAsync(MikoshiDb db, CommunityId community) =>
        (await db.Projects.AsNoTracking().Where(p => p.CommunityId == community).OrderBy(p => p.Number)
            .Select(p => new { p.Number, p.Title }).ToListAsync()).Select(p => (p.Number, p.Title)).ToList();

    /// <summary>Every parameter a proposal may change (<see cref="GovernanceRules.ParameterNames"/>) with its value now.</summary>
    public static async Task<IReadOnlyList<ParameterChoice>> ParametersAsync(MikoshiDb db, Community community)
    {
        var rules = await GovernanceRules.InForceAsync(db, community.Id);
        string Now(string name)
        {
            switch (name)
            {
                case "mintBasePrice": return community.MintBasePrice.ToString(CultureInfo.InvariantCulture);
                case "mintPriceSlope": return community.MintPriceSlope.ToString(CultureInfo.InvariantCulture);
                case "supplyCap": return (community.SupplyCap ?? 0).ToString(CultureInfo.InvariantCulture);
                case "royaltyBps": return community.RoyaltyBps.ToString(CultureInfo.InvariantCulture);
                case "redemptionRateBps": return community.RedemptionRateBps.ToString(CultureInfo.InvariantCulture);
                case "treasuryBps": return community.RevenueTreasuryBps.ToString(CultureInfo.InvariantCulture);
                case "holderBps": return community.RevenueHolderBps.ToString(CultureInfo.InvariantCulture);
                case "reserveBps": return community.RevenueReserveBps.ToString(CultureInfo.InvariantCulture);
                case "holderShareToTreasury": return community.HolderShareToTreasury ? "true" : "false";
                case "capAtPaidIn": return community.CapHolderDistributions ? "true" : "false";
            }

            var dot = name.IndexOf('.', StringComparison.Ordinal);
            var kind = rules[GovernanceRules.Kind(name[..dot]).Value];
            var value = name[(dot + 1)..] switch
            {
                "quorumBps" => kind.QuorumBps,
                "thresholdBps" => kind.ThresholdBps,
                "votingPeriodHours" => kind.VotingPeriodHours,
                _ => kind.GracePeriodHours,
            };
            return value.ToString(CultureInfo.InvariantCulture);
        }

        return GovernanceRules.ParameterNames.Select(n => new ParameterChoice(n, Now(n))).ToList();
    }

    /// <summary>The rules in force per kind, for the form's hints.</summary>
    public static Task<Dictionary<ProposalKind, KindRules>> RulesAsync(MikoshiDb db, CommunityId community) =>
        GovernanceRules.InForceAsync(db, community);

    /// <summary>A string property of a proposal's payload, or null.</summary>
    public static string? Text(JsonElement payload, string name) =>
        payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;

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

    /// <summary>Basis points as a CSS percentage.</summary>
    public static string At(int bps) => (bps / 100.0).ToString(CultureInfo.InvariantCulture) + "%";

    /// <summary>The least participation that reaches quorum: ⌈quorum × total / 10,000⌉, as the tally counts it.</summary>
    public static long QuorumNeeded(int quorumBps, long totalPower) =>
        (long)(((Int128)quorumBps * totalPower + Tally.WholeBps - 1) / Tally.WholeBps);

    /// <summary>The share for among for and against, as a percent people read ("66.67"); null when nobody chose.</summary>
    public static string? ForShare(long forPower, long againstPower)
    {
        var decided = forPower + againstPower;
        if (decided == 0)
        {
            return null;
        }

        var bps = (int)((Int128)forPower * Tally.WholeBps / decided);
        return MembershipData.Percent(bps);
    }

    public static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
