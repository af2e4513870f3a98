using Mikoshi.Domain.Membership;

namespace Mikoshi.Domain.Revenue;

/// <summary>
/// How a community splits a project's revenue, in basis points of what remains after recoupment:
/// the treasury's share, the holders' share and the project's reserve; contributors get the rest by
/// their split agreement. Fixed by policy; changed by governance.
/// </summary>
public sealed record RevenuePolicy
{
    private RevenuePolicy(Bps treasuryBps, Bps holderBps, Bps reserveBps, bool holderShareToTreasury, bool capAtPaidIn)
    {
        CapAtPaidIn = capAtPaidIn;
        TreasuryBps = treasuryBps;
        HolderBps = holderBps;
        ReserveBps = reserveBps;
        HolderShareToTreasury = holderShareToTreasury;
    }

    /// <summary>Basis points in a whole.</summary>
    public const int Whole = Bps.WholeValue;

    /// <summary>The treasury's share (原資 for the next projects).</summary>
    public Bps TreasuryBps { get; }

    /// <summary>The token holders' share.</summary>
    public Bps HolderBps { get; }

    /// <summary>What the project keeps for itself.</summary>
    public Bps ReserveBps { get; }

    /// <summary>What is left for the contributors: the whole less the treasury's, the holders' and the reserve's shares.</summary>
    public Bps ContributorsBps => Bps.Stored(Whole - TreasuryBps.Value - HolderBps.Value - ReserveBps.Value);

    /// <summary>Route the holders' share to the treasury instead: holders gain through a higher redemption floor.</summary>
    public bool HolderShareToTreasury { get; }

    /// <summary>
    /// Japan LLC-DAO mode (合同会社型DAO): what a person receives from the holders' share never exceeds in
    /// total what they paid in (出資額, their mint prices); the excess goes to the treasury.
    /// </summary>
    public bool CapAtPaidIn { get; }

    /// <summary>A starting policy: 20% to the treasury, 10% to holders, no reserve, 70% to contributors.</summary>
    public static RevenuePolicy Default { get; } = new(Bps.Stored(2_000), Bps.Stored(1_000), Bps.Zero, false, false);

    /// <summary>A share of a revenue policy typed as a count of basis points: 0 to 10,000; <c>invalid_parameter</c> otherwise.</summary>
    public static Result<Bps> Share(int bps) => Bps.From(bps, MembershipErrors.InvalidParameter);

    /// <summary>Makes a policy; the three shares together are at most the whole (<c>invalid_parameter</c> otherwise).</summary>
    public static Result<RevenuePolicy> Of(Bps treasuryBps, Bps holderBps, Bps reserveBps, bool holderShareToTreasury, bool capAtPaidIn = false) =>
        Bps.Sum(MembershipErrors.InvalidParameter, treasuryBps, holderBps, reserveBps)
            .Map(_ => new RevenuePolicy(treasuryBps, holderBps, reserveBps, holderShareToTreasury, capAtPaidIn));
}

/// <summary>Where every unit of one revenue event went.</summary>
/// <param name="Recouped">Back to the treasury against its grant to the project.</param>
/// <param name="Treasury">The treasury's share.</param>
/// <param name="Holders">The holders' share (to the holder pool, or to the treasury when so routed).</param>
/// <param name="Reserve">The project's reserve.</param>
/// <param name="Contributors">Each party of the split agreement, in the agreement's order.</param>
public sealed record WaterfallResult(Int128 Recouped, Int128 Treasury, Int128 Holders, Int128 Reserve, IReadOnlyList<Int128> Contributors)
{
    /// <summary>The sum of every part: always the revenue itself.</summary>
    public Int128 Total => Recouped + Treasury + Holders + Reserve + Contributors.Aggregate(Int128.Zero, (a, b) => a + b);
}

/// <summary>The revenue waterfall: recoupment → treasury → holders → reserve → contributors, exact to the unit.</summary>
public static class Waterfall
{
    /// <summary>
    /// Splits <paramref name="revenue"/>: first up to <paramref name="recoupRateBps"/> of it back to the
    /// treasury, capped at <paramref name="outstandingGrant"/>; then the policy's shares of the rest by
    /// largest remainder; the contributors' part by the <paramref name="agreement"/> (fixed shares, then
    /// weights; largest remainder, ties to the earlier party). With no holders, the holders' share goes
    /// to the treasury.
    /// </summary>
    public static Result<WaterfallResult> Run(
        Int128 revenue,
        Int128 outstandingGrant,
        Bps recoupRateBps,
        RevenuePolicy policy,
        SplitTerms agreement,
        bool anyHolders)
    {
        if (revenue <= Int128.Zero || outstandingGrant < Int128.Zero)
        {
            return MoneyErrors.InvalidAmount;
        }

        var recouped = Int128.Min(outstandingGrant, recoupRateBps.Of(revenue));
        var rest = revenue - recouped;
        var shares = Allocation.Allocate(rest, [policy.TreasuryBps.Value, policy.HolderBps.Value, policy.ReserveBps.Value, policy.ContributorsBps.Value]).Value;
        var (treasury, holders, reserve, contributorsPart) = (shares[0], shares[1], shares[2], shares[3]);
        if (!anyHolders || policy.HolderShareToTreasury)
        {
            treasury += holders;
            holders = Int128.Zero;
        }

        return new WaterfallResult(recouped, treasury, holders, reserve, agreement.Split(contributorsPart));
    }
}
