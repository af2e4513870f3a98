using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Features.Governance;

/// <summary>A community's rules for one kind of proposal: quorum and threshold, and the default window and grace.</summary>
public sealed record KindRules(ProposalKind Kind, Bps QuorumBps, Bps ThresholdBps, int VotingPeriodHours, int GracePeriodHours)
{
    public const int DefaultVotingPeriodHours = 7 * 24;
    public const int DefaultGracePeriodHours = 3 * 24;

    public static KindRules Default(ProposalKind kind)
    {
        var rules = ProposalRulesFor.Default(kind);
        return new KindRules(kind, rules.QuorumBps, rules.ThresholdBps, DefaultVotingPeriodHours, DefaultGracePeriodHours);
    }

    /// <summary>Checks rules as the domain bounds them: quorum and threshold by <see cref="ProposalRulesFor.Of"/>, periods by <see cref="ProposalLifecycle.Schedule"/>.</summary>
    public static Result<KindRules> Of(ProposalKind kind, Bps quorumBps, Bps thresholdBps, int votingPeriodHours, int gracePeriodHours)
    {
        var rules = ProposalRulesFor.Of(kind, quorumBps, thresholdBps);
        if (!rules.IsSuccess)
        {
            return GovernanceErrors.ParameterOutOfRange;
        }

        var now = DateTimeOffset.UnixEpoch;
        var schedule = votingPeriodHours < 0 || gracePeriodHours < 0
            ? GovernanceErrors.InvalidProposal
            : ProposalLifecycle.Schedule(now, now, now.AddHours(votingPeriodHours), TimeSpan.FromHours(gracePeriodHours));
        return schedule.IsSuccess
            ? new KindRules(kind, quorumBps, thresholdBps, votingPeriodHours, gracePeriodHours)
            : GovernanceErrors.ParameterOutOfRange;
    }
}

/// <summary>
/// The names the API uses for kinds and strategies, every community parameter a proposal may change
/// (with its allowed range, checked by the domain type that owns it), and the per-kind rules in force.
/// </summary>
public static class GovernanceRules
{
    public static string Name(ProposalKind kind) => kind.ToString().ToLowerInvariant();

    public static string Name(VotingStrategy strategy) => strategy switch
    {
        VotingStrategy.TokenWeighted => "token-weighted",
        VotingStrategy.OneMemberOneVote => "one-member-one-vote",
        VotingStrategy.Quadratic => "quadratic",
        _ => throw new InvariantViolatedException($"Unknown strategy {strategy}."),
    };

    public static string Name(ProposalState state) => state.ToString().ToLowerInvariant();

    public static Result<ProposalKind> Kind(string? name) =>
        Enum.GetValues<ProposalKind>().FirstOrDefault(k => Name(k) == name) is var kind && Name(kind) == name
            ? kind
            : GovernanceErrors.InvalidProposal;

    public static Result<VotingStrategy> Strategy(string? name) =>
        name is null ? VotingStrategy.TokenWeighted
        : Enum.GetValues<VotingStrategy>().FirstOrDefault(s => Name(s) == name) is var strategy && Name(strategy) == name
            ? strategy
            : GovernanceErrors.InvalidProposal;

    /// <summary>Every parameter a proposal may change, by name.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } =
    [
        "mintBasePrice", "mintPriceSlope", "supplyCap", "royaltyBps", "redemptionRateBps",
        "treasuryBps", "holderBps", "reserveBps", "holderShareToTreasury", "capAtPaidIn",
        .. Enum.GetValues<ProposalKind>().SelectMany(k => new[] { "quorumBps", "thresholdBps", "votingPeriodHours", "gracePeriodHours" }.Select(p => $"{Name(k)}.{p}")),
    ];

    /// <summary>The rules in force for every kind: the community's own, or the defaults.</summary>
    public static async Task<Dictionary<ProposalKind, KindRules>> InForceAsync(MikoshiDb db, CommunityId community)
    {
        var rows = await db.GovernanceRules.AsNoTracking().Where(r => r.CommunityId == community).ToListAsync();
        return Enum.GetValues<ProposalKind>().ToDictionary(k => k, k => rows.FirstOrDefault(r => r.Kind == Name(k)) is { } row
            ? new KindRules(k, row.QuorumBps, row.ThresholdBps, row.VotingPeriodHours, row.GracePeriodHours)
            : KindRules.Default(k));
    }

    /// <summary>
    /// Changes parameter <paramref name="name"/> of <paramref name="community"/> (tracked, inside a write)
    /// to <paramref name="value"/>; with <paramref name="dryRun"/> only checks it. A value
    /// out of its range fails with <c>parameter_out_of_range</c> and changes nothing.
    /// </summary>
    public static async Task<Result<string>> ApplyAsync(MikoshiDb db, Community community, string? name, string? value, bool dryRun)
    {
        if (name is null || !ParameterNames.Contains(name))
        {
            return GovernanceErrors.UnknownParameter;
        }

        if (value is null)
        {
            return GovernanceErrors.ParameterOutOfRange;
        }

        var policy = community.Policy;
        var revenue = community.Revenue;
        switch (name)
        {
            case "mintBasePrice" or "mintPriceSlope" or "supplyCap" or "royaltyBps" or "redemptionRateBps":
                {
                    var units = Int128.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (Int128?)null;
                    if (units is null || (name is "supplyCap" or "royaltyBps" or "redemptionRateBps" && units > int.MaxValue))
                    {
                        return GovernanceErrors.ParameterOutOfRange;
                    }

                    var royalty = name == "royaltyBps" ? MembershipPolicy.Royalty((int)units.Value) : policy.RoyaltyBps;
                    var redemption = name == "redemptionRateBps" ? MembershipPolicy.RedemptionRate((int)units.Value) : policy.RedemptionRateBps;
                    var next = !royalty.IsSuccess || !redemption.IsSuccess ? GovernanceErrors.ParameterOutOfRange : MembershipPolicy.Of(
                        name == "mintBasePrice" ? units.Value : policy.BasePrice,
                        name == "mintPriceSlope" ? units.Value : policy.Slope,
                        name == "supplyCap" ? (units == 0 ? null : (int)units.Value) : policy.SupplyCap,
                        royalty.Value,
                        redemption.Value);
                    if (!next.IsSuccess)
                    {
                        return GovernanceErrors.ParameterOutOfRange;
                    }

                    if (!dryRun)
                    {
                        community.ChangePolicy(next.Value);
                    }

                    return value;
                }

            case "treasuryBps" or "holderBps" or "reserveBps" or "holderShareToTreasury" or "capAtPaidIn":
                {
                    Bps? bps = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && RevenuePolicy.Share(b) is { IsSuccess: true } share
                        ? share.Value
                        : null;
                    bool? flag = value switch { "true" => true, "false" => false, _ => null };
                    if ((name.EndsWith("Bps", StringComparison.Ordinal) && bps is null) || (!name.EndsWith("Bps", StringComparison.Ordinal) && flag is null))
                    {
                        return GovernanceErrors.ParameterOutOfRange;
                    }

                    var next = RevenuePolicy.Of(
                        name == "treasuryBps" ? bps!.Value : revenue.TreasuryBps,
                        name == "holderBps" ? bps!.Value : revenue.HolderBps,
                        name == "reserveBps" ? bps!.Value : revenue.ReserveBps,
                        name == "holderShareToTreasury" ? flag!.Value : revenue.HolderShareToTreasury,
                        name == "capAtPaidIn" ? flag!.Value : revenue.CapAtPaidIn);
                    if (!next.IsSuccess)
                    {
                        return GovernanceErrors.ParameterOutOfRange;
                    }

                    if (community.LlcDao && !next.Value.CapAtPaidIn)
                    {
                        return CommunityErrors.LlcCapRequired;
                    }

                    if (!dryRun)
                    {
                        _ = community.ChangeRevenuePolicy(next.Value);
                    }

                    return value;
                }

            default:
                {
                    var dot = name.IndexOf('.', StringComparison.Ordinal);
                    var kind = Kind(name[..dot]).Value;
                    var field = name[(dot + 1)..];
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        return GovernanceErrors.ParameterOutOfRange;
                    }

                    var current = (await InForceAsync(db, community.Id))[kind];
                    var quorum = field == "quorumBps" ? Bps.From(number, GovernanceErrors.ParameterOutOfRange) : current.QuorumBps;
                    var threshold = field == "thresholdBps" ? Bps.From(number, GovernanceErrors.ParameterOutOfRange) : current.ThresholdBps;
                    if ((quorum.Error ?? threshold.Error) is { } outOfRange)
                    {
                        return outOfRange;
                    }

                    var next = KindRules.Of(kind,
                        quorum.Value,
                        threshold.Value,
                        field == "votingPeriodHours" ? number : current.VotingPeriodHours,
                        field == "gracePeriodHours" ? number : current.GracePeriodHours);
                    if (!next.IsSuccess)
                    {
                        return next.Error;
                    }

                    if (!dryRun)
                    {
                        var row = await db.GovernanceRules.FirstOrDefaultAsync(r => r.CommunityId == community.Id && r.Kind == Name(kind));
                        if (row is null)
                        {
                            row = new GovernanceRuleRow { CommunityId = community.Id, Kind = Name(kind) };
                            db.GovernanceRules.Add(row);
                        }

                        (row.QuorumBps, row.ThresholdBps, row.VotingPeriodHours, row.GracePeriodHours) =
                            (next.Value.QuorumBps, next.Value.ThresholdBps, next.Value.VotingPeriodHours, next.Value.GracePeriodHours);
                    }

                    return value;
                }
        }
    }
}
