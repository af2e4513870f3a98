using System.Globalization;
using System.Text.RegularExpressions;

namespace Mikoshi.Domain.Identity;

/// <summary>RFC 3339 <c>date-time</c>, the only time format EIP-4361 allows.</summary>
internal static partial class Rfc3339
{
    /// <summary>
    /// <c>YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)</c>, ASCII digits only; T and Z in either case, as RFC 3339
    /// allows. A leap second (:60) cannot be held by <see cref="DateTimeOffset"/> and is refused; fraction digits
    /// past the seventh (100 ns) are dropped.
    /// </summary>
    public static DateTimeOffset? Parse(string text)
    {
        var m = DateTime().Match(text);
        if (!m.Success)
        {
            return null;
        }

        int Part(string name) => int.Parse(m.Groups[name].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

        var (year, month, day, hour, minute, second) = (Part("y"), Part("mo"), Part("d"), Part("h"), Part("mi"), Part("s"));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > System.DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var offset = TimeSpan.Zero;
        if (m.Groups["oh"].Success)
        {
            var (offsetHours, offsetMinutes) = (Part("oh"), Part("om"));
            if (offsetHours > 23 || offsetMinutes > 59)
            {
                return null;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (m.Groups["sign"].Value == "-")
            {
                offset = -offset;
            }

            if (offset.Duration() > TimeSpan.FromHours(14))
            {
                // DateTimeOffset holds offsets up to ±14:00, which covers every time zone on Earth.
                return null;
            }
        }

        var ticks = 0L;
        if (m.Groups["f"].Success)
        {
            var digits = m.Groups["f"].Value;
            digits = digits.Length > 7 ? digits[..7] : digits.PadRight(7, '0');
            ticks = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        try
        {
            return new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(ticks);
        }
        catch (ArgumentOutOfRangeException)
        {
            // 0001-01-01T00:00:00+01:00 is before the first instant DateTimeOffset holds.
            return null;
        }
    }

    /// <summary>The same instant and offset written back: fraction only when there is one, <c>Z</c> for UTC.</summary>
    public static string Format(DateTimeOffset value)
    {
        var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var fraction = value.Ticks % TimeSpan.TicksPerSecond;
        if (fraction != 0)
        {
            text += "." + fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0');
        }

        return text + (value.Offset == TimeSpan.Zero ? "Z" : value.ToString("zzz", CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})[Tt](?<h>[0-9]{2}):(?<mi>[0-9]{2}):(?<s>[0-9]{2})(\.(?<f>[0-9]+))?([Zz]|(?<sign>[+-])(?<oh>[0-9]{2}):(?<om>[0-9]{2}))\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateTime();
}
