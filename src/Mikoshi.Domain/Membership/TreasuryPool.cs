using System.Numerics;

namespace Mikoshi.Domain.Membership;

/// <summary>
/// One asset of the treasury as the common property of the tokens in circulation (share accounting in the
/// spirit of ERC-4626): tokens hold <em>units</em> of the pool, and a unit is worth the pool's owned balance
/// divided by the units outstanding. Value comes in and goes out without touching any token:
/// <list type="bullet">
/// <item>an inflow (royalty, the treasury's revenue share, a deposit) raises the value of every unit alike;</item>
/// <item>an approved outflow (a grant, an executed fund proposal) spends the unowned part first, then lowers the
/// value of every unit alike;</item>
/// <item>a mint adds units worth no more than it paid, so nobody is diluted;</item>
/// <item>a redemption takes the token's units out and pays at most what they are worth, so nobody is diluted.</item>
/// </list>
/// An inflow of an asset no token holds units of is issued to every token in circulation equally, through
/// <see cref="IssuedPerToken"/> (a token's units are what it holds plus what was issued per token since its
/// mark): one row written, whatever the number of tokens. Value that arrives while no token exists is
/// <see cref="Unowned"/>: it belongs to the community, never to whoever mints next.
/// </summary>
public readonly record struct TreasuryPool
{
    /// <summary>Units a token receives when a pool starts, and when an asset is first issued to every token.</summary>
    public const long UnitsPerToken = 1_000_000_000_000;

    private TreasuryPool(Int128 units, Int128 issuedPerToken, Int128 unowned)
    {
        Units = units;
        IssuedPerToken = issuedPerToken;
        Unowned = unowned;
    }

    /// <summary>Units held by the tokens in circulation, in all.</summary>
    public Int128 Units { get; }

    /// <summary>Units issued to every token in circulation at once, cumulative since the pool began.</summary>
    public Int128 IssuedPerToken { get; }

    /// <summary>The part of the treasury's balance of this asset that no token holds units of.</summary>
    public Int128 Unowned { get; }

    /// <summary>A pool with nothing in it.</summary>
    public static TreasuryPool Empty => default;

    /// <summary>A pool as stored; every figure is zero or more.</summary>
    public static TreasuryPool Of(Int128 units, Int128 issuedPerToken, Int128 unowned) =>
        units < Int128.Zero || issuedPerToken < Int128.Zero || unowned < Int128.Zero
            ? throw new InvariantViolatedException($"A treasury pool cannot hold {units} units, {issuedPerToken} issued per token, {unowned} unowned.")
            : new TreasuryPool(units, issuedPerToken, unowned);

    /// <summary>
    /// The pool as it stands when an existing community moves to share accounting: every token in circulation
    /// receives an equal share of the balance as it stands; with no token, it is all unowned.
    /// </summary>
    public static TreasuryPool Opened(Int128 balance, long supply) =>
        supply > 0
            ? new TreasuryPool(checked(UnitsPerToken * (Int128)supply), UnitsPerToken, Int128.Zero)
            : new TreasuryPool(Int128.Zero, Int128.Zero, balance);

    /// <summary>The part of <paramref name="balance"/> the units own.</summary>
    public Int128 Owned(Int128 balance) =>
        balance >= Unowned ? balance - Unowned : throw new InvariantViolatedException($"The treasury holds {balance}, less than its unowned {Unowned}.");

    /// <summary>A token's units: what it <paramref name="holds"/> plus what was issued per token since its <paramref name="mark"/>.</summary>
    public Int128 UnitsOf(Int128 holds, Int128 mark) =>
        IssuedPerToken >= mark ? checked(holds + IssuedPerToken - mark) : throw new InvariantViolatedException("A token's mark is past the pool's issuance.");

    /// <summary>What <paramref name="units"/> are worth out of <paramref name="balance"/>, rounded down.</summary>
    public Int128 ValueOf(Int128 units, Int128 balance) =>
        Units == Int128.Zero ? Int128.Zero : (Int128)((BigInteger)units * Owned(balance) / Units);

    /// <summary>
    /// <paramref name="amount"/> came in for every token (not for one token: mints and redemptions have their
    /// own verbs). With units outstanding it raises each unit's value; with none, it is issued to the
    /// <paramref name="supply"/> tokens in circulation equally, or is unowned when there are none.
    /// </summary>
    public TreasuryPool Received(Int128 amount, long supply)
    {
        if (amount <= Int128.Zero || Units > Int128.Zero)
        {
            return this;
        }

        return supply > 0
            ? new TreasuryPool(checked(UnitsPerToken * (Int128)supply), checked(IssuedPerToken + UnitsPerToken), Unowned)
            : new TreasuryPool(Units, IssuedPerToken, checked(Unowned + amount));
    }

    /// <summary>
    /// <paramref name="amount"/> went out for the community (a grant): the unowned part pays first, then every
    /// unit loses value alike. <paramref name="balanceAfter"/> is the balance once it is paid.
    /// </summary>
    public TreasuryPool Spent(Int128 amount, Int128 balanceAfter)
    {
        var unowned = Int128.Max(Int128.Zero, Unowned - amount);
        return new TreasuryPool(Units, IssuedPerToken, Units == Int128.Zero ? balanceAfter : Int128.Min(unowned, balanceAfter));
    }

    /// <summary>
    /// The pool after the treasury's balance moved by <paramref name="delta"/> in a flow that is every token's alike
    /// (deposits, royalties, grants…): an inflow is <see cref="Received"/>, an outflow <see cref="Spent"/>.
    /// <paramref name="balanceAfter"/> is the treasury's balance once it moved.
    /// </summary>
    public TreasuryPool Moved(Int128 delta, long supply, Int128 balanceAfter) =>
        delta > Int128.Zero ? Received(delta, supply) : Spent(-delta, balanceAfter);

    /// <summary>
    /// What a new token receives, and the least it may pay: the average units a token in circulation holds (a
    /// fresh pool starts at <see cref="UnitsPerToken"/>), and their value rounded up, so that paying the floor
    /// and redeeming at once can never return more than was paid.
    /// </summary>
    public MintTerms MintTerms(Int128 balance, long supply)
    {
        if (Units == Int128.Zero || supply <= 0)
        {
            return new MintTerms(UnitsPerToken, Int128.Zero);
        }

        var units = Units / supply;
        var (floor, remainder) = BigInteger.DivRem((BigInteger)units * Owned(balance), (BigInteger)Units);
        return new MintTerms(units, (Int128)(remainder.IsZero ? floor : floor + 1));
    }

    /// <summary>A new token took <paramref name="units"/> (its price is already in the balance).</summary>
    public TreasuryPool Minted(Int128 units) => new(checked(Units + units), IssuedPerToken, Unowned);

    /// <summary>
    /// What redeeming a token of <paramref name="units"/> pays out of <paramref name="balance"/> when
    /// <paramref name="supply"/> tokens are in circulation: the units' value × (r + (1 − r) / s), rounded
    /// down. At r = 100% a token takes exactly its value; below, part of it stays with those who stay, more
    /// so in a large community (the last token out always takes its whole value).
    /// </summary>
    public Int128 Redemption(Int128 units, Int128 balance, long supply, Bps rateBps)
    {
        if (units == Int128.Zero || Units == Int128.Zero)
        {
            return Int128.Zero;
        }

        if (units > Units || supply < 1)
        {
            throw new InvariantViolatedException($"Cannot redeem {units} of {Units} units among {supply} tokens at {rateBps} bps.");
        }

        // units·owned·(R·s + (W − R)) / (Units·W·s): the value, times the curve, one division so one rounding.
        var numerator = (BigInteger)units * Owned(balance) * (((BigInteger)rateBps.Value * supply) + rateBps.Rest.Value);
        var denominator = (BigInteger)Units * MembershipPolicy.Whole * supply;
        return (Int128)(numerator / denominator);
    }

    /// <summary>
    /// A token of <paramref name="units"/> burned and was paid; <paramref name="balanceAfter"/> is what is left.
    /// When its units were the last, what is left belongs to no token any more.
    /// </summary>
    public TreasuryPool Burned(Int128 units, Int128 balanceAfter)
    {
        if (units > Units)
        {
            throw new InvariantViolatedException($"Cannot burn {units} of {Units} units.");
        }

        var left = Units - units;
        return new TreasuryPool(left, IssuedPerToken, left == Int128.Zero ? balanceAfter : Unowned);
    }
}

/// <summary>What a new token receives of the base asset's pool, and the least it may cost.</summary>
/// <param name="Units">The units it receives.</param>
/// <param name="Floor">Their value, rounded up: the primary price never goes below it.</param>
public readonly record struct MintTerms(Int128 Units, Int128 Floor);
