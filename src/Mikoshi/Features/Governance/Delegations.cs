using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Governance;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Governance;

/// <summary>Delegate your voting power to <c>delegate</c> (a person id), or revoke with null.</summary>
public sealed record DelegationRequest(string? Delegate);

public sealed record DelegationView(string Delegator, string? Delegate, DateTimeOffset? Since);

/// <summary>
/// Revocable delegation: from now on, on proposals that open later, your own power goes to your delegate
/// unless you vote yourself. A delegation that would close a loop is refused.
/// </summary>
public sealed class Delegations(Writer writer)
{
    public Task<Result<Committed<DelegationView>>> SetAsync(Caller member, DelegationRequest request) =>
        writer.RunAsync(member, Access.Member, null, async write =>
        {
            var db = write.Db;
            var community = member.RequireCommunity();
            var delegator = member.RequirePerson();
            PersonId? target = null;
            if (request.Delegate is not null)
            {
                var found = await PeopleBook.FindAsync(db, request.Delegate);
                if (!found.IsSuccess)
                {
                    return found.Error;
                }

                target = found.Value;
                var inForce = await db.Delegations.AsNoTracking().Where(d => d.CommunityId == community.Id && d.UntilUnixMs == null)
                    .ToDictionaryAsync(d => d.DelegatorId.Value, d => d.DelegateId.Value);
                inForce.Remove(delegator.Value);
                if (Delegation.WouldLoop(inForce, delegator.Value, target.Value.Value))
                {
                    return GovernanceErrors.DelegationLoop;
                }
            }

            var now = write.At.ToUnixTimeMilliseconds();
            var current = await db.Delegations.FirstOrDefaultAsync(d => d.CommunityId == community.Id && d.DelegatorId == delegator && d.UntilUnixMs == null);
            if (current is not null)
            {
                current.UntilUnixMs = now;
            }

            if (target is { } to)
            {
                var number = await ChainHeads.TakeAsync(db, community.Id.Value, "delegations");
                db.Delegations.Add(new DelegationRow { CommunityId = community.Id, Number = number, DelegatorId = delegator, DelegateId = to, FromUnixMs = now });
            }

            await write.AuditAsync(target is null ? "delegation.revoked" : "delegation.set", new { delegator = delegator.ToString(), @delegate = target?.ToString() });
            return Result<DelegationView>.Ok(new DelegationView(delegator.ToString(), target?.ToString(), target is null ? null : write.At));
        });

    public static async Task<DelegationView> ViewAsync(MikoshiDb db, CommunityId community, PersonId delegator)
    {
        var current = await db.Delegations.AsNoTracking().FirstOrDefaultAsync(d => d.CommunityId == community && d.DelegatorId == delegator && d.UntilUnixMs == null);
        return new DelegationView(delegator.ToString(), current?.DelegateId.ToString(), current is null ? null : Proposals.Instant(current.FromUnixMs));
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/delegation", async (MikoshiDb db, HttpContext http) =>
            {
                var caller = http.Caller();
                return Results.Ok(await ViewAsync(db, caller.RequireCommunity().Id, caller.RequirePerson()));
            })
            .Allow(Access.SignedIn)
            .WithSummary("Your delegation in this community, if any.")
            .Produces<DelegationView>();
        api.MapPut("/communities/{slug}/delegation", async (DelegationRequest request, Delegations delegations, HttpContext http) =>
            {
                return Problems.From(await delegations.SetAsync(http.Caller(), request), StatusCodes.Status200OK, http);
            })
            .Allow(Access.Member)
            .WithSummary("Delegate your voting power {delegate: personId}, or revoke it {delegate: null}. Applies to proposals that open from now on; your own vote always overrides it. Loops are refused.")
            .Produces<DelegationView>();
    }
}
