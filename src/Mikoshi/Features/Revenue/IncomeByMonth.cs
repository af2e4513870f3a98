using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;

namespace Mikoshi.Features.Revenue;

/// <summary>What came into a person's account in one month from one kind of entry (revenue, holder share…), in minor units.</summary>
public sealed record IncomePart(string Kind, Int128 Units);

/// <summary>One month of a person's income in one asset: its parts by kind and their total.</summary>
public sealed record IncomeMonth(DateOnly Month, IReadOnlyList<IncomePart> Parts)
{
    public Int128 Total => Parts.Aggregate(Int128.Zero, (sum, part) => sum + part.Units);
}

/// <summary>
/// "Where my money came from, by month" (issue #20): every amount that entered a person's account in one asset, grouped
/// by the month it arrived in the reader's zone and by the kind of entry that brought it. Money leaving (a claim) is not
/// income, so only positive legs count; the figures are the ledger's own integers.
/// </summary>
public static class IncomeByMonth
{
    /// <summary>The most months a chart shows, ending with the current one.</summary>
    public const int Months = 12;

    public static async Task<IReadOnlyList<IncomeMonth>> ForAsync(MikoshiDb db, CommunityId community, PersonId person, string asset, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var firstMonth = thisMonth.AddMonths(-(Months - 1));
        var since = new DateTimeOffset(firstMonth.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(firstMonth.ToDateTime(TimeOnly.MinValue))).ToUnixTimeMilliseconds();
        var account = AccountId.ForPerson(person.Value).ToString();
        var legs = await (from p in db.Postings.AsNoTracking()
                          join e in db.JournalEntries.AsNoTracking() on new { p.CommunityId, Number = p.EntryNumber } equals new { e.CommunityId, e.Number }
                          where p.CommunityId == community && p.Account == account && p.Asset == asset && e.AtUnixMs >= since
                          select new { e.AtUnixMs, e.Kind, p.Units }).ToListAsync();
        return legs.Where(l => l.Units > 0)
            .Select(l => (Month: MonthOf(l.AtUnixMs, zone), l.Kind, l.Units))
            .Where(l => l.Month >= firstMonth && l.Month <= thisMonth)
            .GroupBy(l => l.Month)
            .OrderBy(g => g.Key)
            .Select(g => new IncomeMonth(g.Key, g.GroupBy(l => l.Kind, StringComparer.Ordinal).OrderBy(k => k.Key, StringComparer.Ordinal)
                .Select(k => new IncomePart(k.Key, k.Aggregate(Int128.Zero, (sum, l) => sum + l.Units))).ToList()))
            .ToList();
    }

    private static DateOnly MonthOf(long unixMs, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs), zone);
        return new DateOnly(local.Year, local.Month, 1);
    }
}
