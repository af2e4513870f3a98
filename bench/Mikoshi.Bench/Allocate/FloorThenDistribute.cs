using System.Numerics;

namespace Mikoshi.Bench.Allocate;

/// <summary>
/// The obvious largest-remainder split, written for comparison only: every share computed as
/// total × weight / sum in arbitrary-precision integers, floors first, then one unit each to the
/// largest remainders with ties to the earlier part (the same rule as Mikoshi's, so the same parts).
/// </summary>
public static class FloorThenDistribute
{
    public static Int128[] Split(Int128 total, long[] weights)
    {
        var whole = (BigInteger)total;
        var sum = BigInteger.Zero;
        foreach (var weight in weights)
        {
            sum += weight;
        }

        var count = weights.Length;
        var floors = new BigInteger[count];
        var remainders = new BigInteger[count];
        var given = BigInteger.Zero;
        for (var i = 0; i < count; i++)
        {
            floors[i] = BigInteger.DivRem(whole * weights[i], sum, out remainders[i]);
            given += floors[i];
        }

        var order = new int[count];
        for (var i = 0; i < count; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byRemainder = remainders[b].CompareTo(remainders[a]);
            return byRemainder != 0 ? byRemainder : a.CompareTo(b);
        });

        var leftover = (int)(whole - given);
        for (var i = 0; i < leftover; i++)
        {
            floors[order[i]] += BigInteger.One;
        }

        var parts = new Int128[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = (Int128)floors[i];
        }

        return parts;
    }
}
