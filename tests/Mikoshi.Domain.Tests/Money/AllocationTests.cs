using System.Globalization;
using System.Numerics;

namespace Mikoshi.Domain.Tests;

public class AllocationTests
{
    private static readonly Int128 TenTo30 = Int128.Parse("1" + new string('0', 30), CultureInfo.InvariantCulture);

    // Small totals make remainders and ties common; large ones exercise the Int128 arithmetic.
    private static readonly Gen<Int128> Totals = Gen.Frequency(
        (2, Gen.Int128[Int128.Zero, 1_000]),
        (1, Gen.Int128[Int128.Zero, 1_000_000_000_000]),
        (2, Gen.Int128[Int128.Zero, TenTo30]),
        (1, Gen.Const(TenTo30)));

    // Zeros, tiny weights (many ties) and weights up to 10^12; at least one weight above zero.
    private static readonly Gen<long[]> Weights = Gen.Frequency(
            (2, Gen.Const(0L)),
            (3, Gen.Long[1, 10]),
            (3, Gen.Long[0, 1_000_000_000_000]))
        .Array[1, 200]
        .Where(weights => weights.Any(w => w > 0));

    // Weights near the limit: their sum stays at most long.MaxValue, so remainder × weight needs ~126 bits.
    private static readonly Gen<long[]> HugeWeights = Gen.Long[0, long.MaxValue / 200]
        .Array[1, 200]
        .Where(weights => weights.Any(w => w > 0));

    [Fact]
    public void Allocate_AlwaysSumsToTheTotal()
    {
        Gen.Select(Totals, Weights).Sample((total, weights) =>
        {
            var parts = Allocation.Allocate(total, weights).Value;
            Assert.Equal(weights.Length, parts.Length);
            Assert.Equal(total, parts.Aggregate(Int128.Zero, (sum, part) => sum + part));
        }, iter: 1000);
    }

    [Fact]
    public void Allocate_GivesEachPartTheFloorOfItsExactShareOrOneMore()
    {
        Gen.Select(Totals, Weights).Sample((total, weights) =>
        {
            var parts = Allocation.Allocate(total, weights).Value;
            var sum = weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
            for (var i = 0; i < weights.Length; i++)
            {
                var floor = BigInteger.Divide(ToBig(total) * weights[i], sum);
                var part = ToBig(parts[i]);
                Assert.True(part == floor || part == floor + 1, $"part {i} is {part}, exact share floor is {floor}");
            }
        }, iter: 1000);
    }

    [Fact]
    public void Allocate_MatchesLargestRemainderComputedWithBigIntegers()
    {
        Gen.Select(Totals, Gen.OneOf(Weights, HugeWeights)).Sample((total, weights) =>
        {
            var parts = Allocation.Allocate(total, weights).Value;
            Assert.Equal(LargestRemainder(total, weights), parts.Select(ToBig).ToArray());
        });
    }

    [Fact]
    public void Allocate_GivesNothingToAZeroWeight()
    {
        Gen.Select(Totals, Weights).Sample((total, weights) =>
        {
            var parts = Allocation.Allocate(total, weights).Value;
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] == 0)
                {
                    Assert.Equal(Int128.Zero, parts[i]);
                }
            }
        }, iter: 1000);
    }

    [Fact]
    public void Allocate_IsDeterministicAndLeavesItsInputAlone()
    {
        Gen.Select(Totals, Weights).Sample((total, weights) =>
        {
            var copy = weights.ToArray();
            var first = Allocation.Allocate(total, weights).Value;
            var second = Allocation.Allocate(total, copy).Value;
            Assert.Equal(first, second);
            Assert.Equal(copy, weights);
        }, iter: 1000);
    }

    [Fact]
    public void Allocate_WithEqualWeights_GivesTheLeftoverToTheEarlierParts()
    {
        // With equal weights every remainder ties, so the earlier index must win each time.
        Gen.Select(Gen.Int128[Int128.Zero, 10_000], Gen.Long[1, 1_000], Gen.Int[1, 50]).Sample((total, weight, count) =>
        {
            var parts = Allocation.Allocate(total, Enumerable.Repeat(weight, count).ToArray()).Value;
            var floor = total / count;
            var leftover = (int)(total % count);
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(i < leftover ? floor + 1 : floor, parts[i]);
            }
        }, iter: 1000);
    }

    public static TheoryData<long, long[], long[]> Examples => new()
    {
        { 0, [1, 2, 3], [0, 0, 0] },
        { 1, [1, 1, 1], [1, 0, 0] },
        { 2, [1, 1, 1], [1, 1, 0] },
        { 100, [1, 1, 1], [34, 33, 33] },
        { 5, [1, 0, 1], [3, 0, 2] },
        { 5, [0, 1, 1], [0, 3, 2] },
        { 10, [3, 7], [3, 7] },
        { 10, [1, 2], [3, 7] },      // 3.33 and 6.67: the larger remainder gets the unit
        { 7, [5, 1, 1], [5, 1, 1] },
        { 1, [1, 2], [0, 1] },       // remainders 1/3 and 2/3: the larger wins although it comes later
        { 1000, [0, 0, 9], [0, 0, 1000] },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Allocate_SplitsByLargestRemainder(long total, long[] weights, long[] expected)
    {
        var parts = Allocation.Allocate(total, weights).Value;

        Assert.Equal(expected.Select(e => (Int128)e), parts);
    }

    [Fact]
    public void Allocate_ToWeightsSummingToLongMaxValue_IsExact()
    {
        var total = TenTo30 - 1;
        long[] weights = [long.MaxValue - 2, 1, 1];

        var parts = Allocation.Allocate(total, weights).Value;

        Assert.Equal(LargestRemainder(total, weights), parts.Select(ToBig).ToArray());
        Assert.Equal(total, parts[0] + parts[1] + parts[2]);
    }

    public static TheoryData<long, long[], string> Refusals => new()
    {
        { -1, [1], "invalid_amount" },
        { long.MinValue, [1, 1], "invalid_amount" },
        { 10, [1, -1, 5], "invalid_weights" },
        { 10, [long.MinValue], "invalid_weights" },
        { 10, [], "invalid_weights" },
        { 10, [0], "invalid_weights" },
        { 10, [0, 0, 0], "invalid_weights" },
        { 10, [long.MaxValue, 1], "invalid_weights" },
        { 10, [long.MaxValue / 2, long.MaxValue / 2, 2], "invalid_weights" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Allocate_RefusesANegativeTotalAndBadWeights(long total, long[] weights, string expectedCode)
    {
        var result = Allocation.Allocate(total, weights);

        Assert.False(result.IsSuccess);
        Assert.Equal(expectedCode, result.Error.Code);
    }

    [Fact]
    public void Allocate_ToAMillionWeights_SumsToTheTotal()
    {
        var weights = Enumerable.Range(0, 1_000_000).Select(i => (long)((i * 7919L) % 1_000)).ToArray();
        var total = TenTo30 - 7;

        var parts = Allocation.Allocate(total, weights).Value;

        Assert.Equal(total, parts.Aggregate(Int128.Zero, (sum, part) => sum + part));
        Assert.Equal(Int128.Zero, parts[0]); // weight 0
    }

    private static BigInteger ToBig(Int128 value) => BigInteger.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    // An independent reference: floors of the exact shares, then one unit each to the largest
    // remainders, ties to the earlier index.
    private static BigInteger[] LargestRemainder(Int128 total, long[] weights)
    {
        var sum = weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
        var exact = weights.Select(w => ToBig(total) * w).ToArray();
        var parts = exact.Select(e => BigInteger.Divide(e, sum)).ToArray();
        var leftover = ToBig(total) - parts.Aggregate(BigInteger.Zero, (s, p) => s + p);
        var order = Enumerable.Range(0, weights.Length)
            .OrderByDescending(i => BigInteger.Remainder(exact[i], sum))
            .ThenBy(i => i)
            .Take((int)leftover);
        foreach (var i in order)
        {
            parts[i] += 1;
        }

        return parts;
    }
}
