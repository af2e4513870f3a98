using BenchmarkDotNet.Attributes;
using Mikoshi.Domain;

namespace Mikoshi.Bench.Allocate;

/// <summary>
/// Splitting 10^24 minor units over 10^6 holders with random weights 1..10^6 — a token
/// distribution far larger than any community will have, so the figure is an upper bound.
/// </summary>
[MemoryDiagnoser]
public class AllocateBenchmarks
{
    public const int Holders = 1_000_000;

    // 10^24: a million ether in wei, far above any real payout, well inside Int128.
    public static readonly Int128 Total = Int128.Parse("1000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    private long[] weights = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261127);
        weights = new long[Holders];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = random.NextInt64(1, 1_000_001);
        }

        // The comparison is only fair if both produce the same parts; check once, outside timing.
        var mikoshi = Allocation.Allocate(Total, weights).Value;
        var naive = FloorThenDistribute.Split(Total, weights);
        if (!mikoshi.AsSpan().SequenceEqual(naive))
        {
            throw new InvalidOperationException("Allocation.Allocate and the BigInteger split disagree.");
        }
    }

    [Benchmark(Description = "Allocation.Allocate (Mikoshi, Int128)")]
    public Int128[] Mikoshi() => Allocation.Allocate(Total, weights).Value;

    [Benchmark(Baseline = true, Description = "BigInteger floor-then-distribute (naive)")]
    public Int128[] Naive() => FloorThenDistribute.Split(Total, weights);

    /// <summary>The floor: one pass that only reads and sums the weights.</summary>
    [Benchmark(Description = "sum of the weights only (memory floor)")]
    public long SumOnly()
    {
        long sum = 0;
        foreach (var weight in weights)
        {
            sum += weight;
        }

        return sum;
    }
}
