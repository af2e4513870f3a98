using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Properties;

/// <summary>
/// <see cref="CommunitySnapshot"/> plus everything project money keeps: the revenue policy and supply
/// counter, split versions and acceptances, grants and funding, revenue, the holder accumulators and
/// every token's mark, what the cap counted, claims and bank accounts. Equal text before and after a
/// refused request shows it changed nothing.
/// </summary>
public static class RevenueSnapshot
{
    public static async Task<string> TakeAsync(TestApp app, string slug)
    {
        var text = new StringBuilder(await CommunitySnapshot.TakeAsync(app, slug));
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == slug);
        var id = community.Id;
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"revenue policy {community.RevenueTreasuryBps} {community.RevenueHolderBps} {community.RevenueReserveBps} {community.HolderShareToTreasury} {community.CapHolderDistributions} supply {community.Supply}");
        Line($"global bank accounts {await db.BankAccounts.CountAsync()}");
        foreach (var a in (await db.Agreements.AsNoTracking().Include(a => a.Parties).Where(a => a.CommunityId == id).ToListAsync()).OrderBy(a => (a.ProjectNumber, a.Version)))
        {
            Line($"agreement {a.ProjectNumber} v{a.Version} {a.State} {a.InForceAtUnixMs} {a.ProposedAtUnixMs}");
            foreach (var p in a.Parties.OrderBy(p => p.Index))
            {
                Line($"  party {p.Index} {p.PersonId} {p.Weight} {p.FixedBps} {p.AcceptedAtUnixMs}");
            }
        }

        foreach (var g in (await db.Grants.AsNoTracking().Where(g => g.CommunityId == id).ToListAsync()).OrderBy(g => g.Number))
        {
            Line($"grant {g.Number} {g.ProjectNumber} {g.Asset} {g.Amount} {g.RecoupRateBps} {g.EntryNumber}");
        }

        foreach (var f in (await db.Funding.AsNoTracking().Where(f => f.CommunityId == id).ToListAsync()).OrderBy(f => f.ProjectNumber + " " + f.Asset, StringComparer.Ordinal))
        {
            Line($"funding {f.ProjectNumber} {f.Asset} {f.Granted} {f.Outstanding} {f.Recouped} {f.RecoupRateBps}");
        }

        foreach (var r in (await db.Revenue.AsNoTracking().Where(r => r.CommunityId == id).ToListAsync()).OrderBy(r => r.Number))
        {
            Line($"revenue {r.Number} {r.ProjectNumber} {r.Asset} {r.Amount} {r.OccurredAtUnixMs} v{r.AgreementVersion} {r.Recouped} {r.Treasury} {r.Holders} {r.Reserve} {r.Contributors} {r.HolderSupply} {r.EntryNumber}");
        }

        foreach (var p in (await db.HolderPools.AsNoTracking().Where(p => p.CommunityId == id).ToListAsync()).OrderBy(p => p.Asset, StringComparer.Ordinal))
        {
            Line($"pool {p.Asset} {p.PerTokenScaled} {p.CarryScaled}");
        }

        foreach (var a in (await db.TokenAccruals.AsNoTracking().Where(a => a.CommunityId == id).ToListAsync()).OrderBy(a => a.Serial + " " + a.Asset, StringComparer.Ordinal))
        {
            Line($"mark {a.Serial} {a.Asset} {a.PaidScaled}");
        }

        foreach (var p in (await db.HolderPayments.AsNoTracking().Where(p => p.CommunityId == id).ToListAsync()).OrderBy(p => p.PersonId + " " + p.Asset, StringComparer.Ordinal))
        {
            Line($"capped {p.PersonId} {p.Asset} {p.Received}");
        }

        foreach (var c in (await db.Claims.AsNoTracking().Where(c => c.CommunityId == id).ToListAsync()).OrderBy(c => c.Number))
        {
            Line($"claim {c.Number} {c.PersonId} {c.Asset} {c.Amount} {c.State} {c.EntryNumber}");
        }

        return text.ToString();
    }
}
