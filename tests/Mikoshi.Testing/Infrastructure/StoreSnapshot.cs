using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;

namespace Mikoshi.Tests.Infrastructure;

/// <summary>Everything the store holds that a request could change, as text, to show that a refused request changed nothing.</summary>
public static class StoreSnapshot
{
    public static async Task<string> TakeAsync(TestApp app)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var text = new StringBuilder();
        foreach (var c in await db.Communities.AsNoTracking().OrderBy(c => c.Slug).ToListAsync())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"community {c.Slug} {c.Name} {string.Join(',', c.Values)} {string.Join(',', c.Assets)}");
        }

        foreach (var r in (await db.CommunityRoles.AsNoTracking().ToListAsync()).OrderBy(r => (r.CommunityId.Value, r.PersonId.Value, r.Role)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"role {r.CommunityId} {r.PersonId} {r.Role}");
        }

        foreach (var p in (await db.Postings.AsNoTracking().ToListAsync()).OrderBy(p => (p.CommunityId.Value, p.EntryNumber, p.Index)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"posting {p.CommunityId} {p.EntryNumber} {p.Account} {p.Asset} {p.Units}");
        }

        foreach (var b in (await db.Balances.AsNoTracking().ToListAsync()).OrderBy(b => (b.CommunityId.Value, b.Account, b.Asset)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"balance {b.CommunityId} {b.Account} {b.Asset} {b.Units}");
        }

        foreach (var a in (await db.AuditLog.AsNoTracking().ToListAsync()).OrderBy(a => (a.Chain, a.Sequence)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"audit {a.Chain} {a.Sequence} {a.Hash}");
        }

        // Japan tax (issue #21).
        foreach (var t in (await db.TaxProfiles.AsNoTracking().ToListAsync()).OrderBy(t => t.PersonId.Value))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"tax-profile {t.PersonId} {t.Status} {t.LegalName} {t.Address} {t.InvoiceNumber}");
        }

        foreach (var t in (await db.CommunityTax.AsNoTracking().ToListAsync()).OrderBy(t => t.CommunityId.Value))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"community-tax {t.CommunityId} {t.RequireTaxStatus} {t.InvoiceNumber} {t.DefaultKind} {t.HalfYearly}");
        }

        foreach (var k in (await db.PayeeKinds.AsNoTracking().ToListAsync()).OrderBy(k => (k.CommunityId.Value, k.PersonId.Value)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"payee-kind {k.CommunityId} {k.PersonId} {k.Kind}");
        }

        foreach (var l in (await db.PayoutLines.AsNoTracking().ToListAsync()).OrderBy(l => (l.CommunityId.Value, l.BatchNumber, l.PersonId.Value)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"payout-line {l.CommunityId} {l.BatchNumber} {l.PersonId} {l.Kind} {l.Gross} {l.Withheld} {l.Net}");
        }

        foreach (var p in (await db.WithholdingPayments.AsNoTracking().ToListAsync()).OrderBy(p => (p.CommunityId.Value, p.Number)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"withholding-payment {p.CommunityId} {p.Number} {p.Period} {p.Amount}");
        }

        foreach (var a in (await db.BookAccounts.AsNoTracking().ToListAsync()).OrderBy(a => (a.CommunityId.Value, a.Key)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"book-account {a.CommunityId} {a.Key} {a.Name}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"idempotency {await db.IdempotencyKeys.CountAsync()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"users {await db.Users.CountAsync()}");
        return text.ToString();
    }
}
