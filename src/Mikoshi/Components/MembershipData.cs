using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Components;

/// <summary>A person to pick in a form: their id (sent) and display name (shown).</summary>
public sealed record PersonChoice(string Id, string Name);

/// <summary>A sale in the market's recent history.</summary>
public sealed record RecentSale(long Token, string? Seller, string? SellerName, string? Buyer, string? BuyerName, Int128 Price, DateTimeOffset At);

/// <summary>The holders' share a token move settled: paid to <see cref="To"/>, and (LLC-DAO cap) kept by the treasury.</summary>
public sealed record SettledView(string To, IReadOnlyList<Features.Communities.AmountView> Paid, IReadOnlyList<Features.Communities.AmountView>? ToTreasury)
{
    /// <summary>The amounts paid that are more than zero.</summary>
    public IReadOnlyList<Features.Communities.AmountView> PaidAny => Paid.Where(a => a.Amount != "0").ToList();

    public IReadOnlyList<Features.Communities.AmountView> KeptAny => (ToTreasury ?? []).Where(a => a.Amount != "0").ToList();

    public bool IsEmpty => PaidAny.Count == 0 && KeptAny.Count == 0;
}

/// <summary>
/// Read-only queries the membership pages need and the use cases do not offer, and the small
/// conversions their forms share (percent ⇄ basis points, idempotency keys from a rendered form).
/// </summary>
public static class MembershipData
{
    public static Task<Community?> CommunityAsync(MikoshiDb db, string slug) =>
        db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);

    public static PersonId? SignedIn(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? Api.AccessExtensions.PersonOf(user) : null;

    /// <summary>People a form may name: members, role holders and past holders of the community, by name.</summary>
    public static async Task<IReadOnlyList<PersonChoice>> PeopleAsync(MikoshiDb db, CommunityId community)
    {
        var holders = await db.Lineage.AsNoTracking().Where(l => l.CommunityId == community && l.ToId != null)
            .Select(l => l.ToId!.Value).Distinct().ToListAsync();
        var roles = await db.CommunityRoles.AsNoTracking().Where(r => r.CommunityId == community)
            .Select(r => r.PersonId).Distinct().ToListAsync();
        var ids = holders.Concat(roles).Select(p => p.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync();
        return users.OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).ThenBy(u => u.Id)
            .Select(u => new PersonChoice(new PersonId(u.Id).ToString(), u.DisplayName)).ToList();
    }

    /// <summary>A person's account balance in one asset, in minor units.</summary>
    public static async Task<Int128> BalanceAsync(MikoshiDb db, CommunityId community, PersonId person, string asset)
    {
        var account = AccountId.ForPerson(person.Value).ToString();
        var row = await db.Balances.AsNoTracking().FirstOrDefaultAsync(b => b.CommunityId == community && b.Account == account && b.Asset == asset);
        return row?.Units ?? Int128.Zero;
    }

    /// <summary>The newest sales, newest first.</summary>
    public static async Task<IReadOnlyList<RecentSale>> RecentSalesAsync(MikoshiDb db, CommunityId community, int count)
    {
        var sales = await db.Lineage.AsNoTracking().Where(l => l.CommunityId == community && l.Kind == LineageKind.Sold)
            .OrderByDescending(l => l.AtUnixMs).ThenByDescending(l => l.Serial).Take(count).ToListAsync();
        var names = await Features.Membership.ReadTokens.NamesAsync(db, sales.SelectMany(s => new[] { s.FromId, s.ToId }));
        string? Name(PersonId? id) => id is { } p && names.TryGetValue(p, out var n) ? n : null;
        return sales.Select(s => new RecentSale(s.Serial, s.FromId?.ToString(), Name(s.FromId), s.ToId?.ToString(), Name(s.ToId),
            s.Price ?? Int128.Zero, DateTimeOffset.FromUnixTimeMilliseconds(s.AtUnixMs))).ToList();
    }

    /// <summary>Names of the given people, by the id the API writes.</summary>
    public static async Task<Dictionary<string, string>> NamesAsync(MikoshiDb db, IEnumerable<string?> ids)
    {
        var people = ids.Select(i => Guid.TryParse(i, out var g) ? new PersonId(g) : (PersonId?)null);
        var names = await Features.Membership.ReadTokens.NamesAsync(db, people);
        return names.ToDictionary(n => n.Key.ToString(), n => n.Value);
    }

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

    /// <summary>Basis points as a percent people read: 500 → "5", 125 → "1.25".</summary>
    public static string Percent(int bps)
    {
        var whole = bps / 100;
        var rest = bps % 100;
        return rest == 0
            ? whole.ToString(CultureInfo.InvariantCulture)
            : FormattableString.Invariant($"{whole}.{rest:00}").TrimEnd('0');
    }

    /// <summary>A typed percent ("5", "1.25", "５") as basis points, exactly; null when it is not one.</summary>
    public static int? Bps(string? typed)
    {
        // A percent with two decimals reads exactly like an amount of a two-decimal asset.
        var units = Amounts.MajorToMinor(typed, Domain.Asset.Usd);
        return units.IsSuccess && units.Value.Length <= 6 ? int.Parse(units.Value, CultureInfo.InvariantCulture) : null;
    }

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

    /// <summary>The holders' share a token move settled (gift, sale, redemption), as the move answered it; null when the answer has none.</summary>
    public static SettledView? Settled(string json) => JsonSerializer.Deserialize<MoveAnswer>(json, Writer.Json)?.Settled;

    /// <summary>
    /// What <paramref name="person"/>'s own write with the form key <paramref name="key"/> settled, read back from its
    /// stored answer: the page it redirects to shows the outcome without carrying amounts in the address.
    /// </summary>
    public static async Task<SettledView?> ReceiptAsync(MikoshiDb db, PersonId person, string? key)
    {
        if (key is not { Length: > 0 and <= 64 } k || !k.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        var scope = person.ToString();
        var stored = $"ui-{k}";
        var row = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == stored);
        return row is null ? null : Settled(row.ResponseJson);
    }

    private sealed record MoveAnswer(SettledView? Settled);
}
