using Mikoshi.Domain.Communities;

namespace Mikoshi.Domain.Membership;

/// <summary>Where a succession stands, in the order it moves through.</summary>
public enum SuccessionStage
{
    /// <summary>The holder was active recently: guardians cannot confirm yet.</summary>
    HolderActive,

    /// <summary>The holder has been inactive long enough; guardians are confirming.</summary>
    Confirming,

    /// <summary>Enough guardians confirmed; the holder may still veto.</summary>
    VetoWindow,

    /// <summary>A successor or guardian may run it.</summary>
    Ready,
}

/// <summary>Someone named to receive a holder's tokens, with a share when tokens are split.</summary>
/// <param name="Person">The successor.</param>
/// <param name="Share">Their weight when the plan splits by shares (ignored in order mode).</param>
public sealed record Successor(PersonId Person, long Share);

/// <summary>A guardian's confirmation that a holder's succession should run.</summary>
public sealed class SuccessionConfirmation
{
    private SuccessionConfirmation()
    {
    }

    internal SuccessionConfirmation(CommunityId community, PersonId holder, PersonId guardian, DateTimeOffset at)
    {
        CommunityId = community;
        HolderId = holder;
        GuardianId = guardian;
        AtUnixMs = at.ToUnixTimeMilliseconds();
    }

    /// <summary>The community.</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>Whose plan.</summary>
    public PersonId HolderId { get; private set; }

    /// <summary>The guardian who confirmed.</summary>
    public PersonId GuardianId { get; private set; }

    /// <summary>When (Unix milliseconds).</summary>
    public long AtUnixMs { get; private set; }
}

/// <summary>
/// A holder's succession plan (相続): who receives their tokens — the first successor takes all
/// (order mode), or tokens are split by shares with largest remainder (shares mode) — and which
/// guardians, how many of them, after how long an inactivity, may set it in motion; the holder can
/// veto during a waiting window. Its steps are verbs: <see cref="Name"/> and <see cref="Revise"/> by the holder,
/// <see cref="Confirm"/> by a guardian, <see cref="Veto"/> by the holder, <see cref="Inherit"/> when it runs.
/// </summary>
public sealed class SuccessionPlan
{
    private SuccessionPlan()
    {
        Successors = [];
        Guardians = [];
    }

    /// <summary>Most successors or guardians a plan names.</summary>
    public const int MaxNamed = 10;

    /// <summary>Shortest inactivity period, in days.</summary>
    public const int MinInactivityDays = 30;

    /// <summary>Longest inactivity period, in days.</summary>
    public const int MaxInactivityDays = 36_500;

    /// <summary>Longest veto window, in days.</summary>
    public const int MaxVetoDays = 365;

    /// <summary>Largest share a successor may have in shares mode.</summary>
    public const long MaxShare = 1_000_000;

    /// <summary>The community (default for a plan made with <see cref="Of"/> to check the rules alone).</summary>
    public CommunityId CommunityId { get; private set; }

    /// <summary>Whose plan.</summary>
    public PersonId Holder { get; private set; }

    /// <summary>The successors, in order.</summary>
    public IReadOnlyList<Successor> Successors { get; private set; }

    /// <summary>True to split by shares; false to give all to the first successor.</summary>
    public bool ByShares { get; private set; }

    /// <summary>Who may confirm a succession after the holder's inactivity.</summary>
    public IReadOnlyList<PersonId> Guardians { get; private set; }

    /// <summary>How many guardians must confirm (0 when there are none: only the holder's instruction runs it).</summary>
    public int Threshold { get; private set; }

    /// <summary>How long the holder must have done nothing in the community before guardians may confirm (30–36,500 days).</summary>
    public int InactivityDays { get; private set; }

    /// <summary>How long the holder may still veto once the guardians have confirmed (1–365 days).</summary>
    public int VetoDays { get; private set; }

    /// <summary>When the guardians' confirmations reached the threshold (Unix milliseconds); null while they have not.</summary>
    public long? ThresholdReachedAtUnixMs { get; private set; }

    /// <summary>When the guardians' confirmations reached the threshold; null while they have not.</summary>
    public DateTimeOffset? ThresholdReachedAt =>
        ThresholdReachedAtUnixMs is { } reached ? DateTimeOffset.FromUnixTimeMilliseconds(reached) : null;

    /// <summary>Once the threshold was reached: the end of the holder's veto window, after which it may run.</summary>
    public DateTimeOffset? VetoEndsAt => ThresholdReachedAt is { } reached ? RunsAfter(reached) : null;

    /// <summary>Whether the plan names <paramref name="person"/> (as holder, successor or guardian).</summary>
    public bool Involves(PersonId person) =>
        Holder == person || Guardians.Contains(person) || Successors.Any(s => s.Person == person);

    /// <summary>Makes a plan, checking every rule (without a community: the rules alone).</summary>
    public static Result<SuccessionPlan> Of(PersonId holder, IReadOnlyList<Successor> successors, bool byShares,
        IReadOnlyList<PersonId> guardians, int threshold, int inactivityDays, int vetoDays)
    {
        if (successors.Count is 0 or > MaxNamed || successors.Select(s => s.Person).Distinct().Count() != successors.Count)
        {
            return MembershipErrors.InvalidSuccessor;
        }

        if (successors.Any(s => s.Person == holder))
        {
            return MembershipErrors.InvalidSuccessor;
        }

        if (byShares && successors.Any(s => s.Share is < 1 or > MaxShare))
        {
            return MembershipErrors.InvalidSuccessor;
        }

        if (guardians.Count > MaxNamed || guardians.Distinct().Count() != guardians.Count)
        {
            return MembershipErrors.InvalidGuardian;
        }

        if (guardians.Contains(holder))
        {
            return MembershipErrors.InvalidGuardian;
        }

        if (threshold > guardians.Count || threshold < 0 || (guardians.Count > 0 && threshold == 0))
        {
            return MembershipErrors.InvalidThreshold;
        }

        if (inactivityDays is < MinInactivityDays or > MaxInactivityDays || vetoDays is < 1 or > MaxVetoDays)
        {
            return MembershipErrors.InvalidPeriod;
        }

        return new SuccessionPlan
        {
            Holder = holder,
            Successors = [.. successors],
            ByShares = byShares,
            Guardians = [.. guardians],
            Threshold = threshold,
            InactivityDays = inactivityDays,
            VetoDays = vetoDays,
        };
    }

    /// <summary>A holder names their successors and guardians in <paramref name="community"/>: every rule of <see cref="Of"/>.</summary>
    public static Result<SuccessionPlan> Name(CommunityId community, PersonId holder, IReadOnlyList<Successor> successors, bool byShares,
        IReadOnlyList<PersonId> guardians, int threshold, int inactivityDays, int vetoDays)
    {
        var plan = Of(holder, successors, byShares, guardians, threshold, inactivityDays, vetoDays);
        if (plan.IsSuccess)
        {
            plan.Value.CommunityId = community;
        }

        return plan;
    }

    /// <summary>
    /// The holder names again: the plan takes the new terms (every rule of <see cref="Of"/>) and the guardians'
    /// confirmations so far no longer count (the caller clears them).
    /// </summary>
    public Result<SuccessionPlan> Revise(IReadOnlyList<Successor> successors, bool byShares,
        IReadOnlyList<PersonId> guardians, int threshold, int inactivityDays, int vetoDays)
    {
        var revised = Of(Holder, successors, byShares, guardians, threshold, inactivityDays, vetoDays);
        if (!revised.IsSuccess)
        {
            return revised.Error;
        }

        Successors = revised.Value.Successors;
        ByShares = revised.Value.ByShares;
        Guardians = revised.Value.Guardians;
        Threshold = revised.Value.Threshold;
        InactivityDays = revised.Value.InactivityDays;
        VetoDays = revised.Value.VetoDays;
        ThresholdReachedAtUnixMs = null;
        return this;
    }

    /// <summary>
    /// <paramref name="guardian"/> confirms at <paramref name="now"/>: refused as <see cref="MayConfirm"/> says; the
    /// confirmation that reaches the threshold opens the veto window. Returns the confirmation to keep.
    /// </summary>
    public Result<SuccessionConfirmation> Confirm(PersonId guardian, DateTimeOffset now, DateTimeOffset holderLastActive, IReadOnlyCollection<PersonId> confirmed)
    {
        var may = MayConfirm(guardian, now, holderLastActive, confirmed);
        if (!may.IsSuccess)
        {
            return may.Error;
        }

        if (IsReachedBy(confirmed.Count + 1) && ThresholdReachedAtUnixMs is null)
        {
            ThresholdReachedAtUnixMs = now.ToUnixTimeMilliseconds();
        }

        return new SuccessionConfirmation(CommunityId, Holder, guardian, now);
    }

    /// <summary>The holder is still here: the veto window closes and the confirmations no longer count (the caller clears them).</summary>
    public void Veto() => ThresholdReachedAtUnixMs = null;

    /// <summary>
    /// The succession runs over the holder's <paramref name="tokens"/>: <c>nothing_to_inherit</c> without one; otherwise
    /// who receives each, and the plan is back to waiting (its confirmations are used up).
    /// </summary>
    public Result<IReadOnlyList<(TokenId Token, PersonId To)>> Inherit(IReadOnlyList<TokenId> tokens)
    {
        if (tokens.Count == 0)
        {
            return MembershipErrors.NothingToInherit;
        }

        ThresholdReachedAtUnixMs = null;
        return Result<IReadOnlyList<(TokenId Token, PersonId To)>>.Ok(Distribute(tokens));
    }

    /// <summary>Who receives each token, in the order given.</summary>
    public IReadOnlyList<(TokenId Token, PersonId To)> Distribute(IReadOnlyList<TokenId> tokens)
    {
        if (!ByShares)
        {
            return tokens.Select(t => (t, Successors[0].Person)).ToList();
        }

        var counts = Allocation.Allocate(tokens.Count, Successors.Select(s => s.Share).ToList()).Value;
        var result = new List<(TokenId, PersonId)>(tokens.Count);
        var next = 0;
        for (var i = 0; i < Successors.Count; i++)
        {
            for (var k = Int128.Zero; k < counts[i]; k++)
            {
                result.Add((tokens[next++], Successors[i].Person));
            }
        }

        return result;
    }

    /// <summary>
    /// Whether <paramref name="guardian"/> may confirm now, given the holder's last activity and
    /// who has confirmed already.
    /// </summary>
    public Result<bool> MayConfirm(PersonId guardian, DateTimeOffset now, DateTimeOffset holderLastActive, IReadOnlyCollection<PersonId> confirmed)
    {
        if (!Guardians.Contains(guardian))
        {
            return MembershipErrors.NotAGuardian;
        }

        if (confirmed.Contains(guardian))
        {
            return MembershipErrors.AlreadyConfirmed;
        }

        if (now - holderLastActive < TimeSpan.FromDays(InactivityDays))
        {
            return MembershipErrors.HolderActive;
        }

        return true;
    }

    /// <summary>Whether <paramref name="claimant"/> may run the succession now, with the plan's own threshold time.</summary>
    public Result<bool> MayClaim(PersonId claimant, DateTimeOffset now, int confirmations) =>
        MayClaim(claimant, now, ThresholdReachedAt, confirmations);

    /// <summary>When the succession may run, once the threshold was reached at <paramref name="thresholdReachedAt"/>.</summary>
    public DateTimeOffset RunsAfter(DateTimeOffset thresholdReachedAt) => thresholdReachedAt + TimeSpan.FromDays(VetoDays);

    /// <summary>From when guardians may confirm: the holder's last activity plus the inactivity period.</summary>
    public DateTimeOffset ConfirmableFrom(DateTimeOffset holderLastActive) => holderLastActive + TimeSpan.FromDays(InactivityDays);

    /// <summary>Whether <paramref name="confirmations"/> guardians' confirmations reach the threshold.</summary>
    public bool IsReachedBy(int confirmations) => confirmations >= Threshold;

    /// <summary>Where the plan stands at <paramref name="now"/>, given the holder's last activity and when the threshold was reached (if it was).</summary>
    public SuccessionStage StageAt(DateTimeOffset now, DateTimeOffset holderLastActive, DateTimeOffset? thresholdReachedAt) =>
        Stage(now, ConfirmableFrom(holderLastActive), thresholdReachedAt is { } reached ? RunsAfter(reached) : null);

    /// <summary>
    /// Where a plan stands at <paramref name="now"/>: ready once its veto window has ended, in the window once the
    /// guardians confirmed, else confirming once the holder has been inactive long enough.
    /// </summary>
    public static SuccessionStage Stage(DateTimeOffset now, DateTimeOffset confirmableFrom, DateTimeOffset? runsAfter) => runsAfter switch
    {
        { } runs when now >= runs => SuccessionStage.Ready,
        not null => SuccessionStage.VetoWindow,
        _ when now < confirmableFrom => SuccessionStage.HolderActive,
        _ => SuccessionStage.Confirming,
    };

    /// <summary>
    /// Whether <paramref name="claimant"/> may run the succession now: a guardian or successor, once the guardians'
    /// confirmations reached the threshold and the holder's veto window has passed.
    /// </summary>
    public Result<bool> MayClaim(PersonId claimant, DateTimeOffset now, DateTimeOffset? thresholdReachedAt, int confirmations)
    {
        if (!Guardians.Contains(claimant) && Successors.All(s => s.Person != claimant))
        {
            return MembershipErrors.NotAGuardian;
        }

        if (thresholdReachedAt is not { } reached || !IsReachedBy(confirmations))
        {
            return MembershipErrors.NotConfirmed;
        }

        if (now < RunsAfter(reached))
        {
            return MembershipErrors.VetoWindowOpen;
        }

        return true;
    }
}
