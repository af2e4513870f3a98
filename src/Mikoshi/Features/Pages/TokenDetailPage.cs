using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain.ChainMode;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Chain;
using Mikoshi.Features.Communities;
using Mikoshi.Features.Membership;

namespace Mikoshi.Features.Pages;

/// <summary>
/// A token's page: the token; what the reader's own move settled (read back from its stored answer); in chain mode the
/// redemption waiting for the chain and the reader's latest one the chain refused; the open listing; and, for its holder,
/// the people they may give it to and the redemption preview when asked for; the community's price chart with the token's own points.
/// </summary>
public sealed record TokenDetailView(
    Caller Caller,
    TokenView Token,
    SettledView? Settled,
    string? SettledTo,
    bool OnChain,
    ChainOutboxRow? PendingRedemption,
    ChainOutboxRow? ClosedRedemption,
    Listing? OwnListing,
    IReadOnlyList<PersonChoice> People,
    Result<RedemptionView>? Preview,
    IReadOnlyList<PricePoint> Chart);

/// <summary>The token page's one query (named apart from <see cref="TokenPage"/>, the API's page of tokens).</summary>
public sealed class TokenDetailPage(MikoshiDb db, Callers callers)
{
    public Task<Community?> CommunityAsync(string slug) => PageReads.CommunityAsync(db, slug);

    /// <summary>The page, or null when there is no such token. <paramref name="receipt"/> is the form key whose answer to read back.</summary>
    public async Task<TokenDetailView?> LoadAsync(Community community, TokenId serial, PersonId? reader, DateTimeOffset now, string? receipt, bool preview)
    {
        var found = await ReadTokens.FindAsync(db, community, serial, now);
        if (!found.IsSuccess)
        {
            return null;
        }

        var token = found.Value;
        SettledView? settled = null;
        string? settledTo = null;
        if (reader is { } person && receipt is not null && await PageReads.ReceiptAsync(db, person, receipt) is { } read)
        {
            settled = read;
            settledTo = (await PageReads.NamesAsync(db, [read.To])).GetValueOrDefault(read.To);
        }

        var onChain = await ChainOutbox.InChainModeAsync(db, community.Id);
        ChainOutboxRow? pending = null;
        ChainOutboxRow? closed = null;
        if (onChain)
        {
            pending = await ChainOutbox.PendingRedemptionAsync(db, community.Id, serial);

            // The requester's latest redemption of this token, if the chain refused it (the token had moved).
            var latest = reader is { } asker
                ? await db.ChainOutbox.AsNoTracking().Where(o => o.CommunityId == community.Id && o.Kind == "burn" && o.Serial == serial && o.PersonId == asker)
                    .OrderByDescending(o => o.Number).FirstOrDefaultAsync()
                : null;
            closed = latest?.State == ChainOutboxState.Failed ? latest : null;
        }

        var ownListing = await db.Listings.AsNoTracking()
            .Where(l => l.CommunityId == community.Id && l.Serial == serial && l.State == ListingState.Open).OrderByDescending(l => l.Number).FirstOrDefaultAsync();
        var mine = reader is { } holder && token.Owner == holder.ToString();
        return new TokenDetailView(await callers.InAsync(community, reader), token, settled, settledTo, onChain, pending, closed, ownListing,
            mine ? await PageReads.PeopleAsync(db, community.Id) : [],
            mine && preview ? (Result<RedemptionView>?)await RedeemToken.PreviewAsync(db, community, serial) : null,
            ReadTokens.Chart(await ReadTokens.PriceHistoryAsync(db, community), token));
    }
}
