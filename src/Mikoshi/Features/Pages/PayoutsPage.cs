using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Revenue;

namespace Mikoshi.Features.Pages;

/// <summary>The payouts page: who is reading and, for a treasurer, the paying account, the pending claims per asset and the batches.</summary>
public sealed record PayoutsView(
    Caller Caller, PayoutSenderRequest? Sender, IReadOnlyList<(string Asset, int People, Int128 Units)> Pending, IReadOnlyList<BatchView> Batches);

/// <summary>The payouts page's one query.</summary>
public sealed class PayoutsPage(MikoshiDb db, Callers callers)
{
    /// <summary>The page, or null when there is no such community.</summary>
    public async Task<PayoutsView?> LoadAsync(string slug, PersonId reader)
    {
        if (await callers.InAsync(slug, reader) is not { } caller)
        {
            return null;
        }

        if (!caller.CanKeepTheBooks)
        {
            return new PayoutsView(caller, null, [], []);
        }

        var community = caller.RequireCommunity().Id;
        var sender = await db.PayoutSenders.AsNoTracking().FirstOrDefaultAsync(s => s.CommunityId == community);
        return new PayoutsView(caller, sender is null ? null : Payouts.SenderViewOf(sender),
            await PageReads.PendingClaimsAsync(db, community), await Payouts.ListAsync(db, community));
    }
}
