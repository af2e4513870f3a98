using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Membership;

namespace Mikoshi.Features.Membership;

/// <summary>
/// The one place where tokens change hands, inside a write: owner, approval, lineage, holdings
/// checkpoints, listings gone stale, and the audit link. Mint, gift, sale, succession and
/// redemption all come through here, so none of them can forget a step.
/// </summary>
public static class TokenBook
{
    public static async Task<Result<TokenRow>> FindAsync(MikoshiDb db, CommunityId community, long serial)
    {
        var token = await db.Tokens.Include(t => t.Lineage).FirstOrDefaultAsync(t => t.CommunityId == community && t.Serial == serial);
        if (token is null)
        {
            return Error.Of("token_not_found", $"There is no token #{serial}.");
        }

        return token.BurnedAtUnixMs is null ? token : Error.Of("token_burned", $"Token #{serial} was redeemed and no longer exists.");
    }

    /// <summary>Tokens in circulation: minted and not burned (a counter on the community, O(1)).</summary>
    public static async Task<long> SupplyAsync(MikoshiDb db, CommunityId community) => (await TrackedAsync(db, community)).Supply;

    /// <summary>
    /// The community as it stands inside the write, under its chain's lock. A write prices, splits and pays by
    /// this one, never by the copy its request read on arrival: a parameter change may have committed between.
    /// </summary>
    public static Task<Community> CurrentAsync(MikoshiDb db, CommunityId community) => TrackedAsync(db, community);

    private static async Task<Community> TrackedAsync(MikoshiDb db, CommunityId community) =>
        await db.Communities.TrackedOrStoredAsync(c => c.Id == community)
            ?? throw new InvariantViolatedException($"Community {community} is not in the store.");

    /// <summary>Mints the next token to <paramref name="owner"/>.</summary>
    public static async Task<TokenRow> MintAsync(WriteScope write, Community community, PersonId owner, Int128 price)
    {
        var db = write.Db;
        var serial = (await db.Tokens.Where(t => t.CommunityId == community.Id).Select(t => (long?)t.Serial).MaxAsync() ?? 0) + 1;
        var token = new TokenRow
        {
            CommunityId = community.Id,
            Serial = serial,
            OwnerId = owner,
            MintedBy = owner,
            MintedAtUnixMs = write.At.ToUnixTimeMilliseconds(),
            MintPrice = price,
        };
        db.Tokens.Add(token);
        (await TrackedAsync(db, community.Id)).CountMint();
        await Revenue.HolderShares.OnMintAsync(write, token);
        AddStep(token, LineageKind.Minted, null, owner, write, price);
        await CheckpointAsync(write, community.Id, owner, +1);
        await write.AuditAsync("token.minted", new { token = serial, owner = owner.ToString(), price = price.ToString(System.Globalization.CultureInfo.InvariantCulture), asset = community.BaseAsset });
        return token;
    }

    /// <summary>Moves a token to <paramref name="to"/> (gift, sale or inheritance).</summary>
    public static async Task MoveAsync(WriteScope write, TokenRow token, PersonId to, LineageKind kind, Int128? price = null)
    {
        var from = token.OwnerId ?? throw new InvariantViolatedException("A burned token cannot move.");

        // The holders' share accrued so far belongs to the owner until now; an heir receives the
        // deceased's, since the deceased can no longer claim it.
        await Revenue.HolderShares.SettleAsync(write, [token], kind == LineageKind.Inherited ? to : from);
        token.OwnerId = to;
        token.ApprovedId = null;
        AddStep(token, kind, from, to, write, price);
        await CheckpointAsync(write, token.CommunityId, from, -1);
        await CheckpointAsync(write, token.CommunityId, to, +1);
        await CloseListingsAsync(write, token, kind == LineageKind.Sold ? "sold" : "stale");
        await write.AuditAsync($"token.{kind.ToString().ToLowerInvariant()}", new
        {
            token = token.Serial,
            from = from.ToString(),
            to = to.ToString(),
            price = price?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    /// <summary>Burns a token (redemption).</summary>
    public static async Task BurnAsync(WriteScope write, TokenRow token)
    {
        var from = token.OwnerId ?? throw new InvariantViolatedException("A burned token cannot burn again.");
        await Revenue.HolderShares.RetireAsync(write, token, from);
        (await TrackedAsync(write.Db, token.CommunityId)).CountBurn();
        token.OwnerId = null;
        token.ApprovedId = null;
        token.BurnedAtUnixMs = write.At.ToUnixTimeMilliseconds();
        AddStep(token, LineageKind.Redeemed, from, null, write, null);
        await CheckpointAsync(write, token.CommunityId, from, -1);
        await CloseListingsAsync(write, token, "stale");
        await write.AuditAsync("token.redeemed", new { token = token.Serial, from = from.ToString() });
    }

    /// <summary>
    /// Undoes a burn that a chain reorganisation took back: the token is <paramref name="owner"/>'s again,
    /// counted in the supply and owed nothing yet, and its lineage loses the redemption step.
    /// </summary>
    public static async Task RestoreAsync(WriteScope write, TokenRow token, PersonId owner)
    {
        if (token.OwnerId is not null || token.BurnedAtUnixMs is null)
        {
            throw new InvariantViolatedException($"Token #{token.Serial} is not burned.");
        }

        token.OwnerId = owner;
        token.BurnedAtUnixMs = null;
        (await TrackedAsync(write.Db, token.CommunityId)).CountMint();
        await Revenue.HolderShares.ReviveAsync(write, token);
        if (token.Lineage.Count > 0 && token.Lineage[^1].Kind == LineageKind.Redeemed)
        {
            write.Db.Lineage.Remove(token.Lineage[^1]);
            token.Lineage.RemoveAt(token.Lineage.Count - 1);
        }

        await CheckpointAsync(write, token.CommunityId, owner, +1);
        await write.AuditAsync("token.restored", new { token = token.Serial, owner = owner.ToString() });
    }

    /// <summary>A posting list without zero legs (a zero royalty, say), as one journal entry.</summary>
    public static Result<JournalEntry> Entry(string kind, string memo, params Posting[] postings) =>
        JournalEntry.Create(kind, memo, postings.Where(p => !p.Amount.IsZero).ToList());

    private static void AddStep(TokenRow token, LineageKind kind, PersonId? from, PersonId? to, WriteScope write, Int128? price) =>
        token.Lineage.Add(new LineageRow
        {
            CommunityId = token.CommunityId,
            Serial = token.Serial,
            Step = token.Lineage.Count + 1,
            Kind = kind,
            FromId = from,
            ToId = to,
            AtUnixMs = write.At.ToUnixTimeMilliseconds(),
            Price = price,
        });

    private static async Task CheckpointAsync(WriteScope write, CommunityId community, PersonId person, long delta)
    {
        var db = write.Db;
        var last = db.Checkpoints.Local.Where(c => c.CommunityId == community && c.PersonId == person).MaxBy(c => c.Sequence)
            ?? await db.Checkpoints.Where(c => c.CommunityId == community && c.PersonId == person)
                .OrderByDescending(c => c.Sequence).FirstOrDefaultAsync();
        var count = checked((last?.Count ?? 0) + delta);
        if (count < 0)
        {
            throw new InvariantViolatedException($"{person} would hold {count} tokens.");
        }

        var at = write.At.ToUnixTimeMilliseconds();
        if (last is not null && last.AtUnixMs == at)
        {
            last.Count = count;
            return;
        }

        db.Checkpoints.Add(new CheckpointRow { CommunityId = community, PersonId = person, Sequence = (last?.Sequence ?? 0) + 1, AtUnixMs = at, Count = count });
    }

    private static async Task CloseListingsAsync(WriteScope write, TokenRow token, string state)
    {
        var open = await write.Db.Listings.Where(l => l.CommunityId == token.CommunityId && l.Serial == token.Serial && l.State == "open").ToListAsync();
        foreach (var listing in open)
        {
            listing.State = state;
            listing.ClosedAtUnixMs = write.At.ToUnixTimeMilliseconds();
        }
    }
}
