using System.Globalization;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Membership;

/// <summary>
/// Amounts are strings of minor units of the base asset; basis points are integers. A field left out
/// keeps its value; a supply cap of 0 removes the cap.
/// </summary>
// Wire format: basis points stay plain counts; the use case makes them Bps.
public sealed record ParametersRequest(string? MintBasePrice, string? MintPriceSlope, int? SupplyCap, int? RoyaltyBps, int? RedemptionRateBps);

/// <summary>
/// <see cref="NextPrice"/> is what the next token costs: the policy's price (<see cref="PolicyPrice"/>), raised to
/// <see cref="Floor"/> — what one token already holds of the treasury's base asset — when that is more, so that
/// minting and redeeming at once can never take the other members' money.
/// </summary>
// Wire format: basis points as plain counts.
public sealed record MembershipView(AmountView MintBasePrice, AmountView MintPriceSlope, int? SupplyCap, int RoyaltyBps, int RedemptionRateBps, long Supply,
    AmountView NextPrice, AmountView PolicyPrice, AmountView Floor);

/// <summary>An admin changes the membership parameters (governance will take this over).</summary>
public sealed class ChangeParameters(Writer writer)
{
    public static async Task<MembershipView> ViewAsync(MikoshiDb db, Community community)
    {
        var policy = community.Policy;
        var next = await TokenBook.NextMintAsync(db, community);
        return new MembershipView(AmountView.Of(community.BaseAsset, policy.BasePrice), AmountView.Of(community.BaseAsset, policy.Slope),
            policy.SupplyCap, policy.RoyaltyBps.Value, policy.RedemptionRateBps.Value, community.Supply, AmountView.Of(community.BaseAsset, next.Price),
            AmountView.Of(community.BaseAsset, next.PolicyPrice), AmountView.Of(community.BaseAsset, next.Terms.Floor));
    }

    public Task<Result<Committed<MembershipView>>> HandleAsync(Caller admin, ParametersRequest request) =>
        writer.RunAsync(admin, Access.Admin, null, async write =>
        {
            var community = admin.RequireCommunity();
            // Fields left out keep the value in force now, not the one this request read on arrival.
            var tracked = await TokenBook.CurrentAsync(write.Db, community.Id);
            var current = tracked.Policy;
            var basePrice = request.MintBasePrice is null ? current.BasePrice : ParseUnits(request.MintBasePrice);
            var slope = request.MintPriceSlope is null ? current.Slope : ParseUnits(request.MintPriceSlope);
            if (basePrice is null || slope is null)
            {
                return MembershipErrors.InvalidParameter;
            }

            var cap = request.SupplyCap switch
            {
                null => current.SupplyCap,
                0 => null,
                var other => other,
            };
            var royalty = request.RoyaltyBps is { } typedRoyalty ? MembershipPolicy.Royalty(typedRoyalty) : current.RoyaltyBps;
            var redemption = request.RedemptionRateBps is { } typedRate ? MembershipPolicy.RedemptionRate(typedRate) : current.RedemptionRateBps;
            var policy = !royalty.IsSuccess ? royalty.Error
                : !redemption.IsSuccess ? redemption.Error
                : MembershipPolicy.Of(basePrice.Value, slope.Value, cap, royalty.Value, redemption.Value);
            if (!policy.IsSuccess)
            {
                return policy.Error;
            }

            tracked.ChangePolicy(policy.Value);
            await write.AuditAsync("parameters.changed", new
            {
                mintBasePrice = policy.Value.BasePrice.ToString(CultureInfo.InvariantCulture),
                mintPriceSlope = policy.Value.Slope.ToString(CultureInfo.InvariantCulture),
                policy.Value.SupplyCap,
                RoyaltyBps = policy.Value.RoyaltyBps.Value,
                RedemptionRateBps = policy.Value.RedemptionRateBps.Value,
            });
            return Result<MembershipView>.Ok(await ViewAsync(write.Db, tracked));
        });

    private static Int128? ParseUnits(string text) =>
        text == "0" ? Int128.Zero : Money.Parse(Asset.Jpy, text) is { IsSuccess: true } parsed ? parsed.Value.Units : null;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/membership", async (HttpContext http, MikoshiDb db) => Results.Ok(await ViewAsync(db, http.Caller().RequireCommunity())))
            .Allow(Access.Anyone)
            .WithSummary("Membership parameters, supply and the next primary price.")
            .Produces<MembershipView>();
        api.MapPut("/communities/{slug}/parameters", async (ParametersRequest request, ChangeParameters change, HttpContext http) =>
                Problems.From(await change.HandleAsync(http.Caller(), request), StatusCodes.Status200OK, http))
            .Allow(Access.Admin)
            .WithSummary("Change the mint price (fixed or linear curve), supply cap, royalty and redemption rate.")
            .Produces<MembershipView>();
    }
}
