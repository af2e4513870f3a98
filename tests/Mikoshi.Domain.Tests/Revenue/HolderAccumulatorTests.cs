using System.Numerics;
using Mikoshi.Domain.Revenue;

namespace Mikoshi.Domain.Tests.Revenue;

public class HolderAccumulatorTests
{
    private abstract record Step;

    private sealed record Distribute(long Units) : Step;

    private sealed record Mint(int Owner) : Step;

    private sealed record Move(int Token, int To) : Step;

    private sealed record Claim(int Owner) : Step;

    private sealed record Burn(int Token) : Step;

    private static readonly Gen<Step> Steps = Gen.Frequency(
        (4, Gen.Long[0, 1_000_000].Select(u => (Step)new Distribute(u))),
        (2, Gen.Int[0, 4].Select(o => (Step)new Mint(o))),
        (2, Gen.Select(Gen.Int[0, 30], Gen.Int[0, 4]).Select((t, o) => (Step)new Move(t, o))),
        (2, Gen.Int[0, 4].Select(o => (Step)new Claim(o))),
        (1, Gen.Int[0, 30].Select(t => (Step)new Burn(t))));

    /// <summary>
    /// Random sequences of revenue, mints, transfers (settled first), claims and burns: after every step
    /// the pool holds exactly what holders can claim plus a remainder below one unit per token ever
    /// minted. Against an exact rational replay, each person is paid within one unit per token: a
    /// token's fraction below one unit is never lost, it travels with the token, so a new owner may
    /// receive less than one unit that accrued before they held it.
    /// </summary>
    [Fact]
    public void Pool_AlwaysEqualsClaimablePlusASmallCarriedRemainder_AndEveryoneGetsTheirExactShare()
    {
        Steps.Array[1, 80].Sample(steps =>
        {
            var accumulator = HolderAccumulator.Empty;
            var owners = new List<int?>();           // token → owner (null when burned)
            var paidMark = new List<BigInteger>();   // token → scaled amount accounted to its owners so far
            var pool = Int128.Zero;                  // units in the holder pool
            var received = new Int128[5];            // units each person has been credited
            var exact = new BigRational[5];          // the exact share each person is entitled to
            var inbound = new int[5];                // tokens that reached each person by a move
            for (var i = 0; i < exact.Length; i++)
            {
                exact[i] = BigRational.Zero;
            }

            void Settle(int token)
            {
                var (units, mark) = accumulator.Owed(paidMark[token]);
                paidMark[token] = mark;
                received[owners[token]!.Value] += units;
                pool -= units;
            }

            foreach (var step in steps)
            {
                var live = Enumerable.Range(0, owners.Count).Where(t => owners[t] is not null).ToList();
                switch (step)
                {
                    case Distribute d when live.Count > 0:
                        accumulator = accumulator.Distribute(d.Units, live.Count);
                        pool += d.Units;
                        foreach (var t in live)
                        {
                            exact[owners[t]!.Value] += new BigRational(d.Units, live.Count);
                        }

                        break;
                    case Mint m:
                        owners.Add(m.Owner);
                        paidMark.Add(accumulator.PerToken); // a new token earns nothing from the past
                        break;
                    case Move mv when mv.Token < owners.Count && owners[mv.Token] is not null:
                        Settle(mv.Token);
                        owners[mv.Token] = mv.To;
                        inbound[mv.To]++;
                        break;
                    case Claim c:
                        foreach (var t in live.Where(t => owners[t] == c.Owner))
                        {
                            Settle(t);
                        }

                        break;
                    case Burn b when b.Token < owners.Count && owners[b.Token] is not null:
                        Settle(b.Token);
                        owners[b.Token] = null;
                        break;
                }

                var claimable = Int128.Zero;
                for (var t = 0; t < owners.Count; t++)
                {
                    if (owners[t] is not null)
                    {
                        claimable += accumulator.Owed(paidMark[t]).Units;
                    }
                }

                var remainder = pool - claimable;
                Assert.True(remainder >= Int128.Zero, $"pool {pool} < claimable {claimable}");
                Assert.True(remainder <= owners.Count, $"remainder {remainder} above one unit per token ({owners.Count})");
                for (var p = 0; p < received.Length; p++)
                {
                    // Whatever was credited exceeds the exact entitlement only by fractions that came with moved tokens…
                    var paid = new BigRational((BigInteger)received[p], 1);
                    Assert.True(paid <= exact[p] || paid < exact[p] + new BigRational(inbound[p], 1), $"person {p} over-paid: {received[p]} > {exact[p]}");
                }
            }

            // …and once everyone claims, each is short by less than one unit per token they held.
            for (var t = 0; t < owners.Count; t++)
            {
                if (owners[t] is not null)
                {
                    Settle(t);
                }
            }

            for (var p = 0; p < received.Length; p++)
            {
                var shortfall = exact[p] - new BigRational((BigInteger)received[p], 1);
                Assert.True(shortfall < new BigRational(owners.Count + 1, 1), $"person {p} short by {shortfall}");
            }
        }, iter: 400);
    }

    [Fact]
    public void Distribute_IsConstantWork_WhateverTheSupply()
    {
        // A million holders: one division, one new accumulator. 10^30 units spread over 3 tokens
        // leaves a carry that the next distribution picks up, so no unit is lost.
        var big = HolderAccumulator.Empty.Distribute(1_000_000, 1_000_000);
        Assert.Equal(1, big.Owed(BigInteger.Zero).Units);

        var thirds = HolderAccumulator.Empty.Distribute(1, 3).Distribute(1, 3).Distribute(1, 3);
        Assert.Equal(1, thirds.Owed(BigInteger.Zero).Units);
    }

    /// <summary>An exact fraction, for the reference model.</summary>
    private readonly record struct BigRational(BigInteger Numerator, BigInteger Denominator)
    {
        public static BigRational Zero => new(0, 1);

        public static BigRational operator +(BigRational a, BigRational b) =>
            Reduce(new BigRational((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator));

        public static BigRational operator -(BigRational a, BigRational b) =>
            Reduce(new BigRational((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator));

        public static bool operator <=(BigRational a, BigRational b) => a.Numerator * b.Denominator <= b.Numerator * a.Denominator;

        public static bool operator >=(BigRational a, BigRational b) => b <= a;

        public static bool operator <(BigRational a, BigRational b) => !(b <= a);

        public static bool operator >(BigRational a, BigRational b) => b < a;

        private static BigRational Reduce(BigRational r)
        {
            var gcd = BigInteger.GreatestCommonDivisor(r.Numerator, r.Denominator);
            return gcd.IsZero ? r : new BigRational(r.Numerator / gcd, r.Denominator / gcd);
        }

        public override string ToString() => $"{Numerator}/{Denominator}";
    }
}
