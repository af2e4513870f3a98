
namespace Mikoshi.Domain;

/// <summary>
/// Splits a whole into parts by weights with the largest-remainder method: each part first gets
/// the floor of its exact share, then the units left over go one each to the parts with the
/// largest fractional remainders, ties to the earlier part. The parts always sum to the whole
/// and the same input always gives the same parts.
/// </summary>
public static class Allocation
{
    /// <summary>
    /// Splits <paramref name="total"/> (zero or more minor units) by <paramref name="weights"/>
    /// (each zero or more, at least one above zero, summing to at most <see cref="long.MaxValue"/>).
    /// </summary>
    public static Result<Int128[]> Allocate(Int128 total, IReadOnlyList<long> weights)
    {
        if (total < Int128.Zero)
        {
            return MoneyErrors.InvalidAmount;
        }

        long sum = 0;
        foreach (var weight in weights)
        {
            if (weight < 0)
            {
                return MoneyErrors.InvalidWeights;
            }

            if (weight > long.MaxValue - sum)
            {
                return MoneyErrors.InvalidWeights;
            }

            sum += weight;
        }

        if (sum == 0)
        {
            return MoneyErrors.InvalidWeights;
        }

        return Split(total, weights, sum);
    }

    // total × w / S is computed as q·w + (r·w) / S with q = total / S and r = total mod S,
    // so no intermediate exceeds S² < 2^126: exact in Int128 with no big-integer arithmetic.
    private static Int128[] Split(Int128 total, IReadOnlyList<long> weights, long sum)
    {
        var count = weights.Count;
        var parts = new Int128[count];
        var remainders = new Int128[count];
        var quotient = total / sum;
        var rest = total % sum;
        var given = Int128.Zero;
        for (var i = 0; i < count; i++)
        {
            var scaled = rest * weights[i];
            parts[i] = (quotient * weights[i]) + (scaled / sum);
            remainders[i] = scaled % sum;
            given += parts[i];
        }

        var leftover = (int)(total - given);
        if (leftover == 0)
        {
            return parts;
        }

        // leftover < number of weights above zero; hand one unit each to the largest remainders.
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

        for (var i = 0; i < leftover; i++)
        {
            parts[order[i]] += 1;
        }

        return parts;
    }
}
