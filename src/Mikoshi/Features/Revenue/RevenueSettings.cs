using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Revenue;

/// <summary>A field left out keeps its value.</summary>
// Wire format: shares stay plain counts of basis points; the use case makes them Bps.
public sealed record RevenuePolicyRequest(int? TreasuryBps, int? HolderBps, int? ReserveBps, bool? HolderShareToTreasury, bool? CapAtPaidIn);

// Wire format: shares as plain counts of basis points.
public sealed record RevenuePolicyView(int TreasuryBps, int HolderBps, int ReserveBps, int ContributorsBps, bool HolderShareToTreasury, bool CapAtPaidIn)
{
    public static RevenuePolicyView Of(Community community)
    {
        var policy = community.Revenue;
        return new RevenuePolicyView(policy.TreasuryBps.Value, policy.HolderBps.Value, policy.ReserveBps.Value,
            policy.ContributorsBps.Value, policy.HolderShareToTreasury, policy.CapAtPaidIn);
    }
}

/// <summary>An admin sets how project revenue is shared (governance will take this over). Revenue already recorded keeps its split.</summary>
public sealed class RevenueSettings(Writer writer)
{
    public Task<Result<Committed<RevenuePolicyView>>> ChangeAsync(Caller caller, RevenuePolicyRequest request) =>
        writer.RunAsync(caller, Access.Admin, null, async write =>
        {
            var community = caller.RequireCommunity();
            var admin = caller.RequirePerson();
            // Fields left out keep the value in force now, not the one this request read on arrival.
            var tracked = await TokenBook.CurrentAsync(write.Db, community.Id);
            var current = tracked.Revenue;
            var treasury = Share(request.TreasuryBps, current.TreasuryBps);
            var holders = Share(request.HolderBps, current.HolderBps);
            var reserve = Share(request.ReserveBps, current.ReserveBps);
            var policy = !treasury.IsSuccess ? treasury.Error
                : !holders.IsSuccess ? holders.Error
                : !reserve.IsSuccess ? reserve.Error
                : Domain.Revenue.RevenuePolicy.Of(
                    treasury.Value,
                    holders.Value,
                    reserve.Value,
                    request.HolderShareToTreasury ?? current.HolderShareToTreasury,
                    request.CapAtPaidIn ?? current.CapAtPaidIn);
            if (!policy.IsSuccess)
            {
                return policy.Error;
            }

            var changed = tracked.ChangeRevenuePolicy(policy.Value);
            if (!changed.IsSuccess)
            {
                return changed.Error;
            }

            var view = RevenuePolicyView.Of(tracked);
            await write.AuditAsync("revenue-policy.changed", view);
            return Result<RevenuePolicyView>.Ok(view);
        });

    private static Result<Bps> Share(int? typed, Bps current) => typed is { } bps ? Domain.Revenue.RevenuePolicy.Share(bps) : current;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/revenue-policy", (HttpContext http) => Results.Ok(RevenuePolicyView.Of(http.Caller().RequireCommunity())))
            .Allow(Access.Anyone)
            .WithSummary("How project revenue is shared after recoupment: treasury, holders, reserve and contributors, in basis points; and the holder-share options.")
            .Produces<RevenuePolicyView>();
        api.MapPut("/communities/{slug}/revenue-policy", async (RevenuePolicyRequest request, RevenueSettings settings, HttpContext http) =>
            {
                var caller = http.Caller();
                return Problems.From(await settings.ChangeAsync(caller, request), StatusCodes.Status200OK, http);
            })
            .Allow(Access.Admin)
            .WithSummary("Change the revenue policy: shares in basis points (together at most 10,000), route the holder share to the treasury, or cap holder distributions at what each person paid in (LLC-DAO).")
            .Produces<RevenuePolicyView>();
    }
}
