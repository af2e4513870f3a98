using System.Numerics;

namespace Mikoshi.Domain.Revenue;

/// <summary>
/// The holders' share of revenue in O(1) whatever the number of holders: one cumulative amount per
/// token (scaled by 2^128) that only grows, plus, per token, how much of it has been paid out.
/// Distributing writes nothing per holder; a token's owed amount is read on demand and settled on
/// transfer, redemption, succession and claim. Nothing is ever lost: the division remainder of each
/// distribution is carried into the next, and each token keeps its own fraction below one unit.
/// </summary>
public sealed record HolderAccumulator
{
    /// <summary>The scale of <see cref="PerToken"/>: 2^128.</summary>
    public static BigInteger Scale { get; } = BigInteger.One << 128;

    private HolderAccumulator(BigInteger perToken, BigInteger carry)
    {
        PerToken = perToken;
        Carry = carry;
    }

    /// <summary>Units owed to every token since the beginning, times <see cref="Scale"/>.</summary>
    public BigInteger PerToken { get; }

    /// <summary>Scaled units not yet spread because they did not divide by the supply (less than the supply).</summary>
    public BigInteger Carry { get; }

    /// <summary>Nothing distributed yet.</summary>
    public static HolderAccumulator Empty { get; } = new(BigInteger.Zero, BigInteger.Zero);

    /// <summary>Restores a stored accumulator.</summary>
    public static HolderAccumulator Of(BigInteger perToken, BigInteger carry)
    {
        if (perToken.Sign < 0 || carry.Sign < 0)
        {
            throw new InvariantViolatedException("An accumulator never goes below zero.");
        }

        return new HolderAccumulator(perToken, carry);
    }

    /// <summary>
    /// Spreads <paramref name="units"/> over <paramref name="supply"/> tokens: O(1), no per-holder write.
    /// </summary>
    public HolderAccumulator Distribute(Int128 units, long supply)
    {
        if (units < Int128.Zero || supply < 1)
        {
            throw new InvariantViolatedException($"Cannot spread {units} over {supply} tokens.");
        }

        var scaled = ((BigInteger)units * Scale) + Carry;
        var perToken = BigInteger.DivRem(scaled, supply, out var carry);
        return new HolderAccumulator(PerToken + perToken, carry);
    }

    /// <summary>
    /// What a token is owed now, given what was already accounted to it (<paramref name="paidScaled"/>,
    /// scaled): whole units, and the new paid mark that keeps the token's fraction for later.
    /// </summary>
    public (Int128 Units, BigInteger PaidScaled) Owed(BigInteger paidScaled)
    {
        if (paidScaled > PerToken)
        {
            throw new InvariantViolatedException("A token cannot have been paid more than it accrued.");
        }

        var units = BigInteger.Divide(PerToken - paidScaled, Scale);
        return ((Int128)units, paidScaled + (units * Scale));
    }

    /// <summary>
    /// Takes back the fraction below one unit that a burned token leaves behind, so the next
    /// distribution spreads it over the tokens still in circulation and nothing is stranded.
    /// </summary>
    public HolderAccumulator Absorb(BigInteger scaledFraction)
    {
        if (scaledFraction.Sign < 0 || scaledFraction >= Scale)
        {
            throw new InvariantViolatedException("Only a fraction below one unit is taken back.");
        }

        return new HolderAccumulator(PerToken, Carry + scaledFraction);
    }
}

/// <summary>
/// The Japan LLC-DAO (合同会社型DAO) mode: a person's holder distributions in total never exceed what
/// they paid in (出資額); the excess goes to the treasury.
/// </summary>
public static class DistributionCap
{
    /// <summary>
    /// Splits <paramref name="owed"/> into what the person may receive given <paramref name="paidIn"/> and
    /// what they <paramref name="received"/> before, and the excess for the treasury.
    /// </summary>
    public static (Int128 ToPerson, Int128 ToTreasury) Apply(Int128 owed, Int128 paidIn, Int128 received)
    {
        if (owed < Int128.Zero || paidIn < Int128.Zero || received < Int128.Zero)
        {
            throw new InvariantViolatedException("Amounts under a distribution cap are never negative.");
        }

        var room = Int128.Max(Int128.Zero, paidIn - received);
        var toPerson = Int128.Min(owed, room);
        return (toPerson, owed - toPerson);
    }
}
