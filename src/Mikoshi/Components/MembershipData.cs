using System.Globalization;
using System.Security.Claims;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;

namespace Mikoshi.Components;

/// <summary>
/// The small conversions the membership pages' forms share (percent ⇄ basis points, idempotency keys from a
/// rendered form). What the pages read comes from their queries in Features/Pages.
/// </summary>
public static class MembershipData
{
    public static PersonId? SignedIn(ClaimsPrincipal user) => Features.Communities.Callers.PersonOf(user);

    /// <summary>
    /// The key a form carried (rendered once with the form, so a double submit acts once), bound to
    /// the route and body it asked for; null when the form sent none or something else.
    /// </summary>
    public static IdempotencyKey? Key(string? key, string route, string body) =>
        key is { Length: > 0 and <= 64 } k && k.All(char.IsAsciiLetterOrDigit)
            ? new IdempotencyKey($"ui-{k}", $"POST {route}\n{body}")
            : null;

    public static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>A form field as posted (the first value, trimmed), or null.</summary>
    public static string? Field(HttpContext http, string name) =>
        http.Request.HasFormContentType && http.Request.Form.TryGetValue(name, out var values) && values.Count > 0
            ? values[0]?.Trim()
            : null;

    /// <summary>Every value posted under one name (checkboxes, repeated inputs), blanks left out.</summary>
    public static IReadOnlyList<string> Fields(HttpContext http, string name) =>
        http.Request.HasFormContentType && http.Request.Form.TryGetValue(name, out var values)
            ? values.Select(v => v?.Trim() ?? string.Empty).Where(v => v.Length > 0).ToList()
            : [];

    /// <summary>A share as a percent people read, without the sign: 5% → "5", 1.25% → "1.25".</summary>
    public static string Percent(Domain.Bps share)
    {
        var whole = share.Value / 100;
        var rest = share.Value % 100;
        return rest == 0
            ? whole.ToString(CultureInfo.InvariantCulture)
            : FormattableString.Invariant($"{whole}.{rest:00}").TrimEnd('0');
    }

    /// <summary>A count of basis points a view carries on the wire (500 → "5", 125 → "1.25"); our own views hold only valid shares.</summary>
    public static string Percent(int bps) => Percent(Domain.Bps.Stored(bps));

    /// <summary>A typed percent ("5", "1.25", "５", "12.5%") as a share, exactly (<see cref="Domain.Bps.Parse"/>); null when it is not one.</summary>
    public static Domain.Bps? Bps(string? typed) => Domain.Bps.Parse(typed) is { IsSuccess: true } share ? share.Value : null;

    /// <summary>A day in the reader's zone (see <see cref="Times"/>).</summary>
    public static string Date(DateTimeOffset at) => Times.Date(at);

    /// <summary>A clock time in the reader's zone, with the zone's name (see <see cref="Times"/>).</summary>
    public static string DateTime(DateTimeOffset at) => Times.DateTime(at);

    public static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>
    /// A token's units of a pool as people read a share: a percent to two decimals, rounded down ("25", "0.25"),
    /// or null when it is a share below 0.01%; and N when the units are exactly 1/N of the pool ("1 of 4 tokens' worth").
    /// </summary>
    public static (string? Percent, long? OneOf) ShareOfPool(string units, string poolUnits)
    {
        if (!System.Numerics.BigInteger.TryParse(units, NumberStyles.None, CultureInfo.InvariantCulture, out var mine)
            || !System.Numerics.BigInteger.TryParse(poolUnits, NumberStyles.None, CultureInfo.InvariantCulture, out var all) || mine.IsZero || all < mine)
        {
            return (null, null);
        }

        // Hundredths of a percent are basis points, at most 10,000: they fit an int.
        var bps = (int)(mine * 10_000 / all);
        var (whole, rest) = System.Numerics.BigInteger.DivRem(all, mine);
        return (bps == 0 ? null : Percent(bps), rest.IsZero && whole <= 1_000_000 ? (long)whole : null);
    }
}
