using System.Globalization;

namespace Mikoshi.Bench;

/// <summary>Numbers as the report prints them, whatever the machine's culture.</summary>
public static class Fmt
{
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Num(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A duration given in nanoseconds, in the unit that reads best.</summary>
    public static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => Num(nanoseconds / 1e9, 2) + " s",
        >= 1e6 => Num(nanoseconds / 1e6, 2) + " ms",
        >= 1e3 => Num(nanoseconds / 1e3, 2) + " µs",
        _ => Num(nanoseconds, 1) + " ns",
    };

    public static string Bytes(long? bytes) => bytes switch
    {
        null => "n/a",
        >= 1L << 20 => Num(bytes.Value / 1048576.0, 1) + " MiB",
        >= 1L << 10 => Num(bytes.Value / 1024.0, 1) + " KiB",
        _ => bytes.Value.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
