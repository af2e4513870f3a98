using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Data.Mapping;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Membership;

/// <summary>
/// A succession plan that names you, as you see it from your own account: whose and in which community, what you
/// would receive if it ran now (the tokens, what their share of the treasury is worth, and the holders' share they
/// have accrued), where it stands and what you may do, with the dates.
/// </summary>
/// <param name="Community">The community's slug.</param>
/// <param name="CommunityName">The community's name.</param>
/// <param name="Holder">The holder's person id.</param>
/// <param name="HolderName">The holder's display name.</param>
/// <param name="Successor">Whether the plan names you as a successor.</param>
/// <param name="Guardian">Whether the plan names you as a guardian.</param>
/// <param name="Tokens">The tokens that would come to you if the plan ran now.</param>
/// <param name="Value">What those tokens' shares of the treasury are worth now, per asset.</param>
/// <param name="Accrued">The holders' share those tokens have accrued and not been paid, per asset (it passes with them when the guardians' path runs).</param>
/// <param name="Stage">holderActive, confirming, vetoWindow or ready.</param>
/// <param name="Guardians">How many guardians the plan names.</param>
/// <param name="Threshold">How many guardians must confirm.</param>
/// <param name="Confirmed">How many have.</param>
/// <param name="ConfirmedByYou">Whether you have.</param>
/// <param name="HolderLastActive">The holder's last write in the community.</param>
/// <param name="ConfirmFrom">From when the guardians may confirm (the holder's last activity plus the inactivity period).</param>
/// <param name="RunsAfter">Once confirmed: the end of the holder's veto window, after which it may run.</param>
/// <param name="MayConfirm">Whether you may confirm now.</param>
/// <param name="MayClaim">Whether you may run it now.</param>
// Wire format: the token numbers stay plain numbers.
public sealed record NamedPlanView(
    string Community,
    string CommunityName,
    string Holder,
    string HolderName,
    bool Successor,
    bool Guardian,
    IReadOnlyList<long> Tokens,
    IReadOnlyList<AmountView> Value,
    IReadOnlyList<AmountView> Accrued,
    string Stage,
    int Guardians,
    int Threshold,
    int Confirmed,
    bool ConfirmedByYou,
    DateTimeOffset HolderLastActive,
    DateTimeOffset ConfirmFrom,
    DateTimeOffset? RunsAfter,
    bool MayConfirm,
    bool MayClaim);

/// <summary>Every plan that names a person: how heirs and guardians learn of them (issue #20 part 6).</summary>
public static class NamedSuccessions
{
    /// <summary>The plans naming <paramref name="person"/> as successor or guardian, in every community, by community then holder name.</summary>
    public static async Task<IReadOnlyList<NamedPlanView>> ForAsync(MikoshiDb db, PersonId person, DateTimeOffset now)
    {
        var mine = person.ToString();
        var plans = await db.SuccessionPlans.MayName(person).AsNoTracking().ToListAsync();
        var views = new List<NamedPlanView>();
        foreach (var plan in plans)
        {
            var isSuccessor = plan.Successors.Any(s => s.Person == person);
            var isGuardian = plan.Guardians.Contains(person);
            if ((!isSuccessor && !isGuardian) || plan.Holder == person)
            {
                continue;
            }

            var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == plan.CommunityId);
            var held = await db.Tokens.AsNoTracking().Where(t => t.CommunityId == community.Id && t.OwnerId == plan.Holder)
                .OrderBy(t => t.Serial).Select(t => t.Serial).ToListAsync();
            var toMe = plan.Distribute(held).Where(d => d.To == person).Select(d => d.Token).ToList();
            var value = new SortedDictionary<string, Int128>(StringComparer.Ordinal);
            var accrued = new SortedDictionary<string, Int128>(StringComparer.Ordinal);
            foreach (var serial in toMe)
            {
                foreach (var share in await TokenBook.SharesAsync(db, community.Id, serial))
                {
                    value[share.Asset] = value.GetValueOrDefault(share.Asset) + share.Value;
                }

                foreach (var owed in await HolderShares.AccruedOfTokenAsync(db, community.Id, serial))
                {
                    accrued[owed.Owed.Asset] = accrued.GetValueOrDefault(owed.Owed.Asset) + Int128.Parse(owed.Owed.Amount, CultureInfo.InvariantCulture);
                }
            }

            var view = await Succession.ViewAsync(db, community, plan);
            var lastActive = view.HolderLastActive ?? now;
            var confirmFrom = plan.ConfirmableFrom(lastActive);
            var stage = SuccessionPlan.Stage(now, confirmFrom, view.RunsAfter) switch
            {
                SuccessionStage.HolderActive => "holderActive",
                SuccessionStage.Confirming => "confirming",
                SuccessionStage.VetoWindow => "vetoWindow",
                _ => "ready",
            };
            var confirmedByMe = view.Confirmations.Contains(mine);
            var heldAny = held.Count > 0;
            views.Add(new NamedPlanView(
                community.Slug,
                community.Name,
                plan.Holder.ToString(),
                (await MembershipNames(db, plan.Holder)) ?? "?",
                isSuccessor,
                isGuardian,
                toMe.Select(token => token.Value).ToList(),
                value.Where(v => v.Value > Int128.Zero).Select(v => AmountView.Of(v.Key, v.Value)).ToList(),
                accrued.Where(v => v.Value > Int128.Zero).Select(v => AmountView.Of(v.Key, v.Value)).ToList(),
                stage,
                plan.Guardians.Count,
                plan.Threshold,
                view.Confirmations.Count,
                confirmedByMe,
                lastActive,
                confirmFrom,
                view.RunsAfter,
                heldAny && isGuardian && !confirmedByMe && stage == "confirming",
                heldAny && stage == "ready"));
        }

        return views.OrderBy(v => v.CommunityName, StringComparer.Ordinal).ThenBy(v => v.HolderName, StringComparer.Ordinal).ToList();
    }

    private static async Task<string?> MembershipNames(MikoshiDb db, PersonId person) =>
        (await PeopleBook.NamesAsync(db, [person])).GetValueOrDefault(person);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me/succession", async (HttpContext http, MikoshiDb db, TimeProvider clock) =>
                Results.Ok(new { items = await ForAsync(db, http.Caller().RequirePerson(), clock.GetUtcNow()) }))
            .Allow(Access.SignedIn)
            .WithSummary("The succession plans that name you as successor or guardian: whose, in which community, what you would receive now, where each stands and what you may do, with its dates.")
            .Produces<NamedPlanView>();
    }
}
