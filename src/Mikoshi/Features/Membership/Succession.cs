using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Notifications;
using Mikoshi.Features.Governance;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Membership;

public sealed record SuccessorRequest(string? PersonId, long? Share);

public sealed record SuccessionRequest(
    IReadOnlyList<SuccessorRequest>? Successors,
    bool ByShares,
    IReadOnlyList<string>? Guardians,
    int Threshold,
    int? InactivityDays,
    int? VetoDays);

public sealed record SuccessionView(
    string Holder,
    IReadOnlyList<SuccessorRequest> Successors,
    bool ByShares,
    IReadOnlyList<string> Guardians,
    int Threshold,
    int InactivityDays,
    int VetoDays,
    IReadOnlyList<string> Confirmations,
    DateTimeOffset? RunsAfter,
    DateTimeOffset? HolderLastActive);

public sealed record InheritedView(string Holder, IReadOnlyList<TokenMoved> Moves);

/// <summary>
/// Succession (相続): a holder names successors and guardians; the succession runs on the holder's
/// own instruction, or after their inactivity once enough guardians confirm and the veto window has
/// passed. Lineage keeps "minted by A → inherited by B".
/// </summary>
public sealed class Succession(Writer writer, MikoshiDb db)
{
    /// <summary>A member names successors and guardians for their own tokens.</summary>
    public async Task<Result<Committed<SuccessionView>>> SetPlanAsync(Caller caller, SuccessionRequest request)
    {
        var (holder, community) = (caller.RequirePerson(), caller.RequireCommunity());
        var successors = new List<Successor>();
        foreach (var named in request.Successors ?? [])
        {
            if (named is null)
            {
                // {"successors":[null]} reached here as a null reference: a 500 the fuzzer found.
                return MembershipErrors.InvalidSuccessor;
            }

            var person = await PeopleBook.FindAsync(db, named.PersonId);
            if (!person.IsSuccess)
            {
                return person.Error;
            }

            successors.Add(new Successor(person.Value, named.Share ?? 1));
        }

        var guardians = new List<PersonId>();
        foreach (var named in request.Guardians ?? [])
        {
            var person = await PeopleBook.FindAsync(db, named);
            if (!person.IsSuccess)
            {
                return person.Error;
            }

            guardians.Add(person.Value);
        }

        var (inactivityDays, vetoDays) = (request.InactivityDays ?? 365, request.VetoDays ?? 30);
        var checkedPlan = SuccessionPlan.Of(holder, successors, request.ByShares, guardians, request.Threshold, inactivityDays, vetoDays);
        if (!checkedPlan.IsSuccess)
        {
            return checkedPlan.Error;
        }

        return await writer.RunAsync(caller, Access.Member, null, async write =>
        {
            var plan = await write.Db.SuccessionPlans.FirstOrDefaultAsync(p => p.CommunityId == community.Id && p.Holder == holder);
            var named = plan is null
                ? SuccessionPlan.Name(community.Id, holder, successors, request.ByShares, guardians, request.Threshold, inactivityDays, vetoDays)
                : plan.Revise(successors, request.ByShares, guardians, request.Threshold, inactivityDays, vetoDays);
            if (!named.IsSuccess)
            {
                return named.Error;
            }

            if (plan is null)
            {
                plan = named.Value;
                write.Db.SuccessionPlans.Add(plan);
            }

            await ClearConfirmationsAsync(write, community.Id, holder);
            await write.AuditAsync("succession.planned", new
            {
                holder = holder.ToString(),
                successors = JsonSerializer.Serialize(plan.Successors.Select(s => new SuccessorRequest(s.Person.ToString(), s.Share)), Writer.Json),
                guardians = JsonSerializer.Serialize(plan.Guardians.Select(g => g.ToString()), Writer.Json),
                plan.Threshold,
                plan.ByShares,
                plan.InactivityDays,
                plan.VetoDays,
            });
            write.AnnounceTo(EventCatalogue.SuccessionNamed, new { holder = holder.ToString() }, Involved(plan).Where(p => p != holder));
            return Result<SuccessionView>.Ok(await ViewAsync(write.Db, community, plan));
        });
    }

    /// <summary>The holder's own instruction (their signed-in request is their signature): run it now.</summary>
    public Task<Result<Committed<InheritedView>>> ExecuteAsync(Caller caller, IdempotencyKey? idempotency = null) =>
        writer.RunAsync(caller, Access.SignedIn, idempotency, async write =>
        {
            var (holder, community) = (caller.RequirePerson(), caller.RequireCommunity());
            var plan = await LoadAsync(write.Db, community.Id, holder);
            return plan.IsSuccess ? await RunAsync(write, community, plan.Value, "holder's instruction", estate: false) : plan.Error;
        });

    public Task<Result<Committed<SuccessionView>>> ConfirmAsync(Caller caller, string holderId) =>
        WithPlanAsync<SuccessionView>(caller, holderId, async (write, plan) =>
        {
            var (guardian, community) = (caller.RequirePerson(), caller.RequireCommunity());
            var confirmed = await write.Db.SuccessionConfirmations
                .Where(c => c.CommunityId == community.Id && c.HolderId == plan.Holder).Select(c => c.GuardianId).ToListAsync();
            var lastActive = await LastActiveAsync(write.Db, community, plan.Holder);
            var confirmation = plan.Confirm(guardian, write.At, lastActive, confirmed);
            if (!confirmation.IsSuccess)
            {
                return confirmation.Error;
            }

            write.Db.SuccessionConfirmations.Add(confirmation.Value);
            await write.AuditAsync("succession.confirmed", new { holder = plan.Holder.ToString(), guardian = guardian.ToString() });
            if (confirmed.Count == 0)
            {
                write.AnnounceTo(EventCatalogue.SuccessionStarted, new { holder = plan.Holder.ToString(), guardian = guardian.ToString() }, Involved(plan));
            }

            write.AnnounceTo(EventCatalogue.SuccessionConfirmed, new { holder = plan.Holder.ToString(), guardian = guardian.ToString(), confirmations = confirmed.Count + 1, plan.Threshold }, Involved(plan));
            return await ViewAsync(write.Db, community, plan);
        });

    /// <summary>The holder is still here: clears every confirmation (and counts as activity, being a write of theirs).</summary>
    public Task<Result<Committed<SuccessionView>>> VetoAsync(Caller caller) =>
        writer.RunAsync(caller, Access.Member, null, async write =>
        {
            var (holder, community) = (caller.RequirePerson(), caller.RequireCommunity());
            var plan = await LoadAsync(write.Db, community.Id, holder);
            if (!plan.IsSuccess)
            {
                return plan.Error;
            }

            plan.Value.Veto();
            await ClearConfirmationsAsync(write, community.Id, holder);
            await write.AuditAsync("succession.vetoed", new { holder = holder.ToString() });
            write.AnnounceTo(EventCatalogue.SuccessionVetoed, new { holder = holder.ToString() }, Involved(plan.Value));
            return Result<SuccessionView>.Ok(await ViewAsync(write.Db, community, plan.Value));
        });

    /// <summary>After the guardians confirmed and the veto window passed, a successor or guardian runs it.</summary>
    public Task<Result<Committed<InheritedView>>> ClaimAsync(Caller caller, string holderId, IdempotencyKey? idempotency = null) =>
        WithPlanAsync<InheritedView>(caller, holderId, async (write, plan) =>
        {
            var (claimant, community) = (caller.RequirePerson(), caller.RequireCommunity());
            var confirmations = await write.Db.SuccessionConfirmations.CountAsync(c => c.CommunityId == community.Id && c.HolderId == plan.Holder);
            var may = plan.MayClaim(claimant, write.At, confirmations);
            if (!may.IsSuccess)
            {
                return may.Error;
            }

            return await RunAsync(write, community, plan, "guardians' confirmation", estate: true);
        }, idempotency);

    private async Task<Result<Committed<T>>> WithPlanAsync<T>(
        Caller caller, string holderId,
        Func<WriteScope, SuccessionPlan, Task<Result<T>>> work, IdempotencyKey? idempotency = null)
    {
        var community = caller.RequireCommunity();
        var holder = await PeopleBook.FindAsync(db, holderId);
        if (!holder.IsSuccess)
        {
            return holder.Error;
        }

        return await writer.RunAsync(caller, Access.SignedIn, idempotency, async write =>
        {
            var plan = await LoadAsync(write.Db, community.Id, holder.Value);
            return plan.IsSuccess ? await work(write, plan.Value) : plan.Error;
        });
    }

    // estate: the tokens pass after the holder's inactivity (the guardians' path), so the holders' share accrued
    // goes to the heir; on the holder's own instruction the holder keeps it.
    private static async Task<Result<InheritedView>> RunAsync(WriteScope write, Community community, SuccessionPlan plan, string why, bool estate)
    {
        if (await Chain.ChainOutbox.InChainModeAsync(write.Db, community.Id))
        {
            return Chain.ChainOutbox.OnChainOwnership;
        }

        var tokens = await write.Db.Tokens.Include(t => t.Lineage)
            .Where(t => t.CommunityId == community.Id && t.OwnerId == plan.Holder).OrderBy(t => t.Serial).ToListAsync();
        var inherited = plan.Inherit(tokens.Select(t => t.Serial).ToList());
        if (!inherited.IsSuccess)
        {
            return inherited.Error;
        }

        var distribution = inherited.Value;
        foreach (var to in distribution.Select(d => d.To).Distinct())
        {
            var consent = await LlcDao.ConsentAsync(write, community.Id, to, LlcMove.Succession);
            if (!consent.IsSuccess)
            {
                return consent.Error;
            }
        }

        var moves = new List<TokenMoved>();
        foreach (var (tokenId, to) in distribution)
        {
            var token = tokens.Single(t => t.Serial == tokenId);
            var unlocked = await TokenLocks.CheckAsync(write.Db, token, write.At);
            if (!unlocked.IsSuccess)
            {
                return unlocked.Error;
            }

            var settled = await TokenBook.MoveAsync(write, token, to, LineageKind.Inherited, estate: estate);
            moves.Add(new TokenMoved(token.Serial.Value, plan.Holder.ToString(), to.ToString(), settled));
        }

        await ClearConfirmationsAsync(write, community.Id, plan.Holder);
        await write.AuditAsync("succession.ran", new { holder = plan.Holder.ToString(), why, tokens = moves.Count });
        write.AnnounceTo(EventCatalogue.SuccessionCompleted, new { holder = plan.Holder.ToString(), why, tokens = moves.Count }, Involved(plan));
        return new InheritedView(plan.Holder.ToString(), moves);
    }

    /// <summary>Everyone a succession concerns: the holder, the successors and the guardians.</summary>
    private static IEnumerable<PersonId> Involved(SuccessionPlan plan) =>
        [plan.Holder, .. plan.Successors.Select(s => s.Person), .. plan.Guardians];

    private static async Task ClearConfirmationsAsync(WriteScope write, CommunityId community, PersonId holder)
    {
        var confirmations = await write.Db.SuccessionConfirmations.Where(c => c.CommunityId == community && c.HolderId == holder).ToListAsync();
        write.Db.SuccessionConfirmations.RemoveRange(confirmations);
    }

    private static async Task<Result<SuccessionPlan>> LoadAsync(MikoshiDb db, CommunityId community, PersonId holder)
    {
        var plan = await db.SuccessionPlans.FirstOrDefaultAsync(p => p.CommunityId == community && p.Holder == holder);
        return plan is null ? MembershipErrors.NoSuccessionPlan : plan;
    }

    /// <summary>The holder's last write in the community, from its audit chain (sign-ups and reads do not count).</summary>
    public static async Task<DateTimeOffset> LastActiveAsync(MikoshiDb db, Community community, PersonId holder)
    {
        var actor = holder.ToString();
        var last = await db.AuditLog.Where(a => a.Chain == community.Id.Value && a.Actor == actor).MaxAsync(a => (long?)a.AtUnixMs);
        return DateTimeOffset.FromUnixTimeMilliseconds(last ?? community.CreatedAt.ToUnixTimeMilliseconds());
    }

    public static async Task<SuccessionView> ViewAsync(MikoshiDb db, Community community, SuccessionPlan plan)
    {
        var confirmations = await db.SuccessionConfirmations.Where(c => c.CommunityId == community.Id && c.HolderId == plan.Holder)
            .Select(c => c.GuardianId).ToListAsync();
        confirmations.AddRange(db.SuccessionConfirmations.Local.Where(c => c.CommunityId == community.Id && c.HolderId == plan.Holder
            && db.Entry(c).State == EntityState.Added).Select(c => c.GuardianId));
        return new SuccessionView(
            plan.Holder.ToString(),
            plan.Successors.Select(s => new SuccessorRequest(s.Person.ToString(), s.Share)).ToList(),
            plan.ByShares,
            plan.Guardians.Select(g => g.ToString()).ToList(),
            plan.Threshold,
            plan.InactivityDays,
            plan.VetoDays,
            confirmations.Distinct().Select(c => c.ToString()).ToList(),
            plan.VetoEndsAt,
            await LastActiveAsync(db, community, plan.Holder));
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPut("/communities/{slug}/succession", async (SuccessionRequest request, Succession succession, HttpContext http) =>
                Problems.From(await succession.SetPlanAsync(http.Caller(), request), StatusCodes.Status200OK, http))
            .Allow(Access.Member)
            .WithSummary("Name your successors (in order, or with shares) and guardians with a threshold.")
            .Produces<SuccessionView>();
        api.MapGet("/communities/{slug}/people/{personId}/succession", async (string personId, MikoshiDb db, HttpContext http) =>
            {
                var caller = http.Caller();
                var community = caller.RequireCommunity();
                var holder = await PeopleBook.FindAsync(db, personId);
                var plan = holder.IsSuccess ? await db.SuccessionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.CommunityId == community.Id && p.Holder == holder.Value) : null;
                if (plan is null)
                {
                    return Problems.For(MembershipErrors.NoSuccessionPlan);
                }

                return plan.Involves(caller.RequirePerson()) ? Results.Ok(await ViewAsync(db, community, plan)) : Problems.For(CommonErrors.Forbidden);
            })
            .Allow(Access.SignedIn)
            .WithSummary("A succession plan and its state, for the holder, successors and guardians.")
            .Produces<SuccessionView>();
        api.MapPost("/communities/{slug}/succession/execute", (Succession succession, HttpContext http) =>
                Idempotency.WriteAsync(http, "execute", StatusCodes.Status200OK, (caller, key) => succession.ExecuteAsync(caller, key)))
            .Allow(Access.SignedIn)
            .WithSummary("Hand your tokens to your successors now, on your own instruction.")
            .Produces<InheritedView>();
        api.MapPost("/communities/{slug}/succession/veto", async (Succession succession, HttpContext http) =>
                Problems.From(await succession.VetoAsync(http.Caller()), StatusCodes.Status200OK, http))
            .Allow(Access.Member)
            .WithSummary("Still here: clear the guardians' confirmations.")
            .Produces<SuccessionView>();
        api.MapPost("/communities/{slug}/people/{personId}/succession/confirm", async (string personId, Succession succession, HttpContext http) =>
                Problems.From(await succession.ConfirmAsync(http.Caller(), personId), StatusCodes.Status200OK, http))
            .Allow(Access.SignedIn)
            .WithSummary("As a guardian, confirm that an inactive holder's succession should run.")
            .Produces<SuccessionView>();
        api.MapPost("/communities/{slug}/people/{personId}/succession/claim", (string personId, Succession succession, HttpContext http) =>
                Idempotency.WriteAsync(http, personId, StatusCodes.Status200OK, (caller, key) => succession.ClaimAsync(caller, personId, key)))
            .Allow(Access.SignedIn)
            .WithSummary("As a successor or guardian, run a confirmed succession once the veto window has passed.")
            .Produces<InheritedView>();
    }
}
