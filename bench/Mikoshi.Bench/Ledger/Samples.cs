namespace Mikoshi.Bench.Ledger;

/// <summary>Repeated measurements of one figure: the median and the spread, and every value.</summary>
public sealed record Samples(double Median, double Min, double Max, IReadOnlyList<double> Values)
{
    public static Samples Of(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Samples(median, sorted[0], sorted[^1], values);
    }

    /// <summary>"1,234 (1,100 – 1,300)" with the given decimals.</summary>
    public string Show(int decimals) => $"{Fmt.Num(Median, decimals)} ({Fmt.Num(Min, decimals)} – {Fmt.Num(Max, decimals)})";
}
