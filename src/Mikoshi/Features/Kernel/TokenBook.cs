using Microsoft.EntityFrameworkCore;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Notifications;

namespace Mikoshi.Features.Kernel;

/// <summary>
/// The one place where tokens change hands, inside a write: owner, approval, lineage, holdings
/// checkpoints, listings gone stale, and the audit link. Mint, gift, sale, succession and
/// redemption all come through here, so none of them can forget a step.
/// </summary>
public static class TokenBook
{
    public static async Task<Result<Token>> FindAsync(MikoshiDb db, CommunityId community, TokenId serial)
    {
        var token = await TokenOf.For(db)(db, community, serial);
        if (token is null)
        {
            return MembershipErrors.TokenNotFound;
        }

        // Only the last step, which the tracker attaches to the token: a move appends after it, and a token's history can
        // be long (docs/benchmarks.md 7b). Its own read on the lineage's key, not a filtered Include: EF translated that
        // as a window over every token's lineage in the store (ROW_NUMBER() OVER (PARTITION BY …)), 24 ms a transfer
        // with 10^4 tokens in the store, whatever the community (docs/benchmarks.md section 20).
        await LastStepOf.For(db)(db, community, serial).ToListAsync();

        return token.IsBurned ? MembershipErrors.TokenBurned : token;
    }

    // Compiled once: every move, sale, redemption and succession finds its token so (KeyedRows says why).
    private static readonly CompiledQuery<Func<MikoshiDb, CommunityId, TokenId, Task<Token?>>> TokenOf =
        new(() => EF.CompileAsyncQuery((MikoshiDb db, CommunityId community, TokenId serial) =>
            db.Tokens.FirstOrDefault(t => t.CommunityId == community && t.Serial == serial)));

    private static readonly CompiledQuery<Func<MikoshiDb, CommunityId, TokenId, IAsyncEnumerable<LineageStep>>> LastStepOf =
        new(() => EF.CompileAsyncQuery((MikoshiDb db, CommunityId community, TokenId serial) =>
            db.Lineage.Where(l => l.CommunityId == community && l.Serial == serial).OrderByDescending(l => l.Step).Take(1)));

    /// <summary>Tokens in circulation: minted and not burned (a counter on the community, O(1)).</summary>
    public static async Task<long> SupplyAsync(MikoshiDb db, CommunityId community) => (await TrackedAsync(db, community)).Supply;

    /// <summary>
    /// The community as it stands inside the write, under its chain's lock. A write prices, splits and pays by
    /// this one, never by the copy its request read on arrival: a parameter change may have committed between.
    /// </summary>
    public static Task<Community> CurrentAsync(MikoshiDb db, CommunityId community) => TrackedAsync(db, community);

    private static async Task<Community> TrackedAsync(MikoshiDb db, CommunityId community) =>
        await KeyedRows.CommunityAsync(db, community)
            ?? throw new InvariantViolatedException($"Community {community} is not in the store.");

    /// <summary>What the next token receives of the base asset's pool, and the least it may cost (its value).</summary>
    public static async Task<MintTerms> MintTermsAsync(MikoshiDb db, Community community)
    {
        var pool = await KeyedRows.PoolAsync(db, community.Id, community.BaseAsset);
        var balance = await TreasuryPools.BalanceAsync(db, community.Id, community.BaseAsset);
        return (pool?.Pool ?? TreasuryPool.Empty).MintTerms(balance, community.Supply);
    }

    /// <summary>
    /// The next primary price: the policy's (fixed or curve), raised to the floor when a token already holds more
    /// of the treasury than that, with the terms it buys.
    /// </summary>
    public static async Task<NextMint> NextMintAsync(MikoshiDb db, Community community)
    {
        var policyPrice = community.Policy.PriceAt(community.Supply);
        var terms = await MintTermsAsync(db, community);
        return new NextMint(Int128.Max(policyPrice, terms.Floor), policyPrice, terms);
    }

    /// <summary>
    /// The token's units of each pool and what they are worth now, in asset order: the token's share of the
    /// treasury (what it redeems for at a 100% rate; redeeming applies the rate).
    /// </summary>
    public static async Task<IReadOnlyList<TokenShare>> SharesAsync(MikoshiDb db, CommunityId community, TokenId serial)
    {
        var held = (await db.TokenUnits.Where(u => u.CommunityId == community && u.Serial == serial).ToListAsync())
            .Union(db.TokenUnits.Local.Where(u => u.CommunityId == community && u.Serial == serial))
            .ToDictionary(u => u.Asset, StringComparer.Ordinal);
        var shares = new List<TokenShare>();
        foreach (var row in await TreasuryPools.AllAsync(db, community))
        {
            var pool = row.Pool;
            var units = held.TryGetValue(row.Asset, out var mine) ? pool.UnitsOf(mine.Holds, mine.Mark) : pool.UnitsOf(Int128.Zero, Int128.Zero);
            var balance = await TreasuryPools.BalanceAsync(db, community, row.Asset);
            shares.Add(new TokenShare(row.Asset, pool, units, balance, pool.ValueOf(units, balance)));
        }

        return shares;
    }

    /// <summary>
    /// The serial the next minted token will carry: one past the highest ever minted, burned ones included, so a
    /// mint's memo names the token it makes (the supply counts only live tokens and repeats after a redemption).
    /// </summary>
    public static Task<long> NextSerialAsync(MikoshiDb db, CommunityId community) =>
        ChainHeads.PeekAsync(db, community.Value, SerialCounter);

    /// <summary>The chain counter of token serials.</summary>
    private const string SerialCounter = "tokens";

    /// <summary>Mints the next token to <paramref name="owner"/>, with <paramref name="units"/> of the base asset's pool.</summary>
    public static async Task<Token> MintAsync(WriteScope write, Community community, PersonId owner, Int128 price, Int128 units)
    {
        var db = write.Db;
        var serial = TokenId.Stored(await ChainHeads.TakeAsync(db, community.Id.Value, SerialCounter));
        var token = Token.Mint(community.Id, serial, owner, price, write.At);
        db.Tokens.Add(token);

        // The new token counts from each pool's issuance as it stands, and holds only the base units it paid for.
        var basePool = await TreasuryPools.RowAsync(db, community.Id, community.BaseAsset);
        basePool.Pool = basePool.Pool.Minted(units);
        foreach (var pool in await TreasuryPools.AllAsync(db, community.Id))
        {
            db.TokenUnits.Add(new TokenUnitsRow
            {
                CommunityId = community.Id,
                Serial = serial,
                Asset = pool.Asset,
                Mark = pool.IssuedPerToken,
                Holds = pool.Asset == community.BaseAsset ? units : Int128.Zero,
            });
        }

        (await TrackedAsync(db, community.Id)).CountMint();
        await HolderShares.OnMintAsync(write, token);
        await CheckpointAsync(write, community.Id, owner, +1);
        await write.AuditAsync("token.minted", new
        {
            token = serial,
            owner = owner.ToString(),
            price = price.ToString(System.Globalization.CultureInfo.InvariantCulture),
            asset = community.BaseAsset,
            units = units.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return token;
    }

    /// <summary>
    /// Moves a token to <paramref name="to"/> (gift, sale or inheritance), and says what holders' share it settled.
    /// The share accrued so far belongs to whoever held the token while it accrued, so it is paid to the owner
    /// until now — a living giver keeps it — except when an estate passes after the holder's inactivity
    /// (<paramref name="estate"/>): the holder can no longer claim it, so it goes with the token to the heir.
    /// </summary>
    public static async Task<SettledShare> MoveAsync(WriteScope write, Token token, PersonId to, LineageKind kind, Int128? price = null, bool estate = false)
    {
        // Every caller found the token in circulation first; the share accrued goes to whoever held it meanwhile.
        var from = token.OwnerId ?? throw new InvariantViolatedException("A burned token cannot move.");
        var settled = await HolderShares.SettleAsync(write, [token], estate ? to : from);
        token.Transfer(to, kind, write.At, price);
        await CheckpointAsync(write, token.CommunityId, from, -1);
        await CheckpointAsync(write, token.CommunityId, to, +1);
        await CloseListingsAsync(write, token, kind == LineageKind.Sold ? ListingState.Sold : ListingState.Stale);
        await write.AuditAsync($"token.{kind.ToString().ToLowerInvariant()}", new
        {
            token = token.Serial,
            from = from.ToString(),
            to = to.ToString(),
            price = price?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return settled;
    }

    /// <summary>
    /// Burns a token (redemption), after whatever it was paid left the treasury: its units leave every pool,
    /// so what it was not paid stays with the tokens that stay. The token's rows keep the units it had.
    /// </summary>
    public static async Task<SettledShare> BurnAsync(WriteScope write, Token token)
    {
        var from = token.OwnerId ?? throw new InvariantViolatedException("A burned token cannot burn again.");
        var settled = await HolderShares.RetireAsync(write, token, from);
        foreach (var share in await SharesAsync(write.Db, token.CommunityId, token.Serial))
        {
            var pool = await TreasuryPools.RowAsync(write.Db, token.CommunityId, share.Asset);
            pool.Pool = share.Pool.Burned(share.Units, share.Balance);
            var mine = await UnitsRowAsync(write.Db, token, share.Asset);
            (mine.Holds, mine.Mark) = (share.Units, share.Pool.IssuedPerToken);
        }

        (await TrackedAsync(write.Db, token.CommunityId)).CountBurn();
        token.Burn(write.At);

        await CheckpointAsync(write, token.CommunityId, from, -1);
        await CloseListingsAsync(write, token, ListingState.Stale);
        await write.AuditAsync("token.redeemed", new { token = token.Serial, from = from.ToString() });
        return settled;
    }

    /// <summary>
    /// Undoes a burn that a chain reorganisation took back: the token is <paramref name="owner"/>'s again,
    /// counted in the supply and owed nothing yet, and its lineage loses the redemption step.
    /// </summary>
    public static async Task RestoreAsync(WriteScope write, Token token, PersonId owner)
    {
        var dropped = token.Restore(owner);

        // Back with the units it burned with, counting issuance from now; its payment comes back after this.
        foreach (var pool in await TreasuryPools.AllAsync(write.Db, token.CommunityId))
        {
            var mine = await UnitsRowAsync(write.Db, token, pool.Asset);
            pool.Pool = pool.Pool.Minted(mine.Holds);
            mine.Mark = pool.IssuedPerToken;
        }

        (await TrackedAsync(write.Db, token.CommunityId)).CountMint();
        await HolderShares.ReviveAsync(write, token);
        if (dropped is not null)
        {
            write.Db.Lineage.Remove(dropped);
        }

        await CheckpointAsync(write, token.CommunityId, owner, +1);
        await write.AuditAsync("token.restored", new { token = token.Serial, owner = owner.ToString() });
    }

    private static async Task<TokenUnitsRow> UnitsRowAsync(MikoshiDb db, Token token, string asset)
    {
        var row = await db.TokenUnits.FindAsync(token.CommunityId, token.Serial, asset);
        if (row is null)
        {
            // No row: it held nothing of this pool and counted every issuance.
            row = new TokenUnitsRow { CommunityId = token.CommunityId, Serial = token.Serial, Asset = asset };
            db.TokenUnits.Add(row);
        }

        return row;
    }

    private static async Task CheckpointAsync(WriteScope write, CommunityId community, PersonId person, long delta)
    {
        var db = write.Db;
        var last = db.Checkpoints.Local.Where(c => c.CommunityId == community && c.PersonId == person).MaxBy(c => c.Sequence)
            ?? await LastCheckpoint.For(db)(db, community, person);
        var count = checked((last?.Count ?? 0) + delta);
        if (count < 0)
        {
            throw new InvariantViolatedException($"{person} would hold {count} tokens.");
        }

        var before = count - delta;
        if (before == 0 && count > 0)
        {
            // A checkpoint before this one means the person held a token once already: they come back.
            write.AnnounceToMembers(last is null ? EventCatalogue.MemberJoined : EventCatalogue.MemberReturned, new { person = person.ToString() });
            write.MembersChanged(+1);
        }
        else if (before > 0 && count == 0)
        {
            write.AnnounceToMembers(EventCatalogue.MemberLeft, new { person = person.ToString() });
            write.MembersChanged(-1);
        }

        var at = write.At.ToUnixTimeMilliseconds();
        (await TrackedAsync(db, community)).HoldingsChanged(at);
        if (last is not null && last.AtUnixMs == at)
        {
            last.Count = count;
            return;
        }

        db.Checkpoints.Add(new CheckpointRow { CommunityId = community, PersonId = person, Sequence = (last?.Sequence ?? 0) + 1, AtUnixMs = at, Count = count });
    }

    // Compiled once: every mint and move reads it for each person it touches (KeyedRows says why).
    private static readonly CompiledQuery<Func<MikoshiDb, CommunityId, PersonId, Task<CheckpointRow?>>> LastCheckpoint =
        new(() => EF.CompileAsyncQuery((MikoshiDb db, CommunityId community, PersonId person) =>
            db.Checkpoints.Where(c => c.CommunityId == community && c.PersonId == person).OrderByDescending(c => c.Sequence).FirstOrDefault()));

    private static async Task CloseListingsAsync(WriteScope write, Token token, ListingState state)
    {
        var open = await write.Db.Listings.Where(l => l.CommunityId == token.CommunityId && l.Serial == token.Serial && l.State == ListingState.Open).ToListAsync();
        foreach (var listing in open)
        {
            if (state == ListingState.Sold)
            {
                listing.Sell(write.At);
            }
            else
            {
                listing.GoStale(write.At);
            }
        }
    }
}

/// <summary>A token's part of one treasury pool: its units and what they are worth out of the balance now.</summary>
public sealed record TokenShare(string Asset, TreasuryPool Pool, Int128 Units, Int128 Balance, Int128 Value);

/// <summary>The next primary price, the policy's price it came from, and what the token receives (units, floor).</summary>
public sealed record NextMint(Int128 Price, Int128 PolicyPrice, MintTerms Terms);
