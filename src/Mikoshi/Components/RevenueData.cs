using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Payouts;
using Mikoshi.Features.Communities;

namespace Mikoshi.Components;

/// <summary>A community where a person may have something to claim: a role, a token, a team or an account there.</summary>
public sealed record EarningCommunity(string Slug, string Name);

/// <summary>The signed-in person's standing in a community, as the revenue pages decide what to offer.</summary>
public sealed record Standing(bool IsAdmin, bool CanKeepTheBooks);

/// <summary>
/// Read-only queries and form conversions the revenue pages need and the revenue use cases do not
/// offer. Every rule (what a split, an amount or a bank account may be) stays with the use case.
/// </summary>
public static class RevenueData
{
    /// <summary>The account types a Japanese bank account has, in the Zengin codes the API takes.</summary>
    public static IReadOnlyList<int> AccountTypes { get; } = [1, 2, 4, 9];

    /// <summary>Admin and treasurer powers of the signed-in person in a community (the API's Access.Admin and Access.Treasurer).</summary>
    public static async Task<Standing> StandingAsync(MikoshiDb db, CommunityId community, PersonId? person)
    {
        if (person is not { } who)
        {
            return new Standing(false, false);
        }

        var roles = await db.CommunityRoles.AsNoTracking().Where(r => r.CommunityId == community && r.PersonId == who).Select(r => r.Role).ToListAsync();
        var admin = roles.Contains(Role.Admin);
        return new Standing(admin, admin || roles.Contains(Role.Treasurer));
    }

    /// <summary>Communities where the person holds a role or a token, is on a project team, or has an account.</summary>
    public static async Task<IReadOnlyList<EarningCommunity>> CommunitiesAsync(MikoshiDb db, PersonId person)
    {
        var account = AccountId.ForPerson(person.Value).ToString();
        var ids = new HashSet<CommunityId>();
        ids.UnionWith(await db.CommunityRoles.AsNoTracking().Where(r => r.PersonId == person).Select(r => r.CommunityId).Distinct().ToListAsync());
        ids.UnionWith(await db.Tokens.AsNoTracking().Where(t => t.OwnerId == person).Select(t => t.CommunityId).Distinct().ToListAsync());
        ids.UnionWith(await db.TeamMembers.AsNoTracking().Where(m => m.PersonId == person).Select(m => m.CommunityId).Distinct().ToListAsync());
        ids.UnionWith(await db.Balances.AsNoTracking().Where(b => b.Account == account).Select(b => b.CommunityId).Distinct().ToListAsync());
        var list = ids.ToList();
        var communities = await db.Communities.AsNoTracking().Where(c => list.Contains(c.Id)).Select(c => new { c.Slug, c.Name }).ToListAsync();
        return communities.OrderBy(c => c.Name, StringComparer.CurrentCulture).ThenBy(c => c.Slug, StringComparer.Ordinal)
            .Select(c => new EarningCommunity(c.Slug, c.Name)).ToList();
    }

    /// <summary>Pending claims waiting for a batch, per asset: how many people and how much.</summary>
    public static async Task<IReadOnlyList<(string Asset, int People, Int128 Units)>> PendingClaimsAsync(MikoshiDb db, CommunityId community)
    {
        var claims = await db.Claims.AsNoTracking().Where(c => c.CommunityId == community && c.State == "pending")
            .Select(c => new { c.Asset, c.PersonId, c.Amount }).ToListAsync();
        return claims.GroupBy(c => c.Asset).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Select(c => c.PersonId).Distinct().Count(), g.Aggregate(Int128.Zero, (sum, c) => sum + c.Amount)))
            .ToList();
    }

    /// <summary>A date typed in an &lt;input type="date"&gt;, or null.</summary>
    public static DateOnly? Day(string? typed) =>
        DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An amount with its asset, in major units: "1,500 JPY".</summary>
    public static string Money(AmountView amount) => Amounts.Display(amount.Asset, amount.Amount);

    public static bool IsZero(AmountView amount) => amount.Amount == "0";

    /// <summary>The field a bank-account error is about, so the form can mark it.</summary>
    public static string? FieldOf(string? code) => code switch
    {
        PayoutErrors.Codes.InvalidBankCode => "BankCode",
        PayoutErrors.Codes.InvalidBranchCode => "BranchCode",
        PayoutErrors.Codes.InvalidAccountType => "AccountType",
        PayoutErrors.Codes.InvalidAccountNumber => "AccountNumber",
        PayoutErrors.Codes.InvalidSenderCode => "SenderCode",
        _ => null,
    };
}
