using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Properties;

/// <summary>
/// Everything one community's membership and books hold, as text, to show that a refused request
/// changed nothing. Unlike <see cref="StoreSnapshot"/> it also covers tokens, approvals, lineage,
/// listings, checkpoints, succession plans, proposals, votes and delegations, and it reads only the one community (plus global
/// counts), so it stays cheap however many communities a run founds.
/// </summary>
public static class CommunitySnapshot
{
    public static async Task<string> TakeAsync(TestApp app, string slug)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Slug == slug);
        var id = community.Id;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        var policy = community.Policy;
        Line($"community {community.Slug} {policy.BasePrice} {policy.Slope} {policy.SupplyCap} {policy.RoyaltyBps} {policy.RedemptionRateBps}");
        Line($"global users {await db.Users.CountAsync()} idempotency {await db.IdempotencyKeys.CountAsync()} postings {await db.Postings.CountAsync()} audit {await db.AuditLog.CountAsync()}");
        foreach (var r in (await db.CommunityRoles.AsNoTracking().Where(r => r.CommunityId == id).ToListAsync()).OrderBy(r => (r.PersonId.Value, r.Role)))
        {
            Line($"role {r.PersonId} {r.Role}");
        }

        var audit = await db.AuditLog.AsNoTracking().Where(a => a.Chain == id.Value).OrderByDescending(a => a.Sequence).FirstOrDefaultAsync();
        Line($"audit head {audit?.Sequence} {audit?.Hash}");
        Line($"journal {await db.JournalEntries.CountAsync(e => e.CommunityId == id)}");
        var head = await db.ChainHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Chain == id.Value);
        Line($"head {head?.Version} {head?.LastEntryNumber} {head?.AuditSequence} {head?.AuditHash} {head?.People} {head?.RoleHolders}");
        foreach (var b in (await db.Balances.AsNoTracking().Where(b => b.CommunityId == id).ToListAsync()).OrderBy(b => b.Account + " " + b.Asset, StringComparer.Ordinal))
        {
            Line($"balance {b.Account} {b.Asset} {b.Units}");
        }

        foreach (var t in (await db.Tokens.AsNoTracking().Where(t => t.CommunityId == id).ToListAsync()).OrderBy(t => t.Serial))
        {
            Line($"token {t.Serial} owner {t.OwnerId} approved {t.ApprovedId} burned {t.BurnedAtUnixMs} minted {t.MintedBy} {t.MintedAtUnixMs} {t.MintPrice}");
        }

        foreach (var l in (await db.Lineage.AsNoTracking().Where(l => l.CommunityId == id).ToListAsync()).OrderBy(l => (l.Serial, l.Step)))
        {
            Line($"lineage {l.Serial} {l.Step} {l.Kind} {l.FromId} {l.ToId} {l.AtUnixMs} {l.Price}");
        }

        foreach (var l in (await db.Listings.AsNoTracking().Where(l => l.CommunityId == id).ToListAsync()).OrderBy(l => l.Number))
        {
            Line($"listing {l.Number} {l.Serial} {l.SellerId} {l.Price} {l.State} {l.ClosedAtUnixMs}");
        }

        foreach (var c in (await db.Checkpoints.AsNoTracking().Where(c => c.CommunityId == id).ToListAsync()).OrderBy(c => (c.PersonId.Value, c.Sequence)))
        {
            Line($"checkpoint {c.PersonId} {c.Sequence} {c.AtUnixMs} {c.Count}");
        }

        foreach (var p in (await db.SuccessionPlans.AsNoTracking().Where(p => p.CommunityId == id).ToListAsync()).OrderBy(p => p.Holder.Value))
        {
            Line($"plan {p.Holder} {string.Join(",", p.Successors)} {p.ByShares} {string.Join(",", p.Guardians)} {p.Threshold} {p.InactivityDays} {p.VetoDays} {p.ThresholdReachedAtUnixMs}");
        }

        foreach (var c in (await db.SuccessionConfirmations.AsNoTracking().Where(c => c.CommunityId == id).ToListAsync()).OrderBy(c => (c.HolderId.Value, c.GuardianId.Value)))
        {
            Line($"confirmation {c.HolderId} {c.GuardianId} {c.AtUnixMs}");
        }

        foreach (var p in (await db.Proposals.AsNoTracking().Where(p => p.CommunityId == id).ToListAsync()).OrderBy(p => p.Number))
        {
            Line($"proposal {p.Number} {p.Outcome?.ToString().ToLowerInvariant()} {p.CancelledAtUnixMs} {p.FailureCode}");
        }

        foreach (var v in (await db.Votes.AsNoTracking().Where(v => v.CommunityId == id).ToListAsync()).OrderBy(v => (v.ProposalNumber, v.Sequence)))
        {
            Line($"vote {v.ProposalNumber} {v.Sequence} {v.PersonId} {v.Choice} {v.Nonce}");
        }

        foreach (var d in (await db.Delegations.AsNoTracking().Where(d => d.CommunityId == id).ToListAsync()).OrderBy(d => d.Number))
        {
            Line($"delegation {d.Number} {d.DelegatorId} {d.DelegateId} {d.FromUnixMs} {d.UntilUnixMs}");
        }

        return text.ToString();
    }
}
