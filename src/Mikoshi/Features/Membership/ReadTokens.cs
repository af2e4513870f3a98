using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Membership;
using Mikoshi.Features.Governance;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Membership;

public sealed record LineageView(string Kind, string? From, string? FromName, string? To, string? ToName, DateTimeOffset At, AmountView? Price);

// Wire format: the token number stays a plain number.
public sealed record PricePoint(DateTimeOffset At, string Kind, long Token, AmountView Price);

/// <summary>The community's price chart: its latest <see cref="ReadTokens.PriceHistoryPoints"/> mints and sales, oldest first.</summary>
public sealed record PriceHistoryView(IReadOnlyList<PricePoint> Points, int Limit);

// Wire format: the token number stays a plain number.
public sealed record TokenView(
    long Id,
    string Name,
    string? Owner,
    string? OwnerName,
    string? Approved,
    bool Burned,
    DateTimeOffset MintedAt,
    AmountView MintPrice,
    IReadOnlyList<LineageView> Lineage,
    AmountView? LastSale,
    ListingView? LowestListing,
    RedemptionView? Redemption,
    IReadOnlyList<PricePoint> PriceHistory)
{
    /// <summary>The token's share of each treasury pool and what it is worth now (before the redemption rate).</summary>
    public IReadOnlyList<TokenShareView> Value { get; init; } = [];

    /// <summary>The pending proposal whose "for" vote this token backed: until it is processed the token cannot move or be redeemed.</summary>
    public long? LockedByProposal { get; init; }

    /// <summary>The holders' share the token has accrued and not yet paid to its holder, per asset, with each pool's carried remainder.</summary>
    public IReadOnlyList<TokenAccrual> Accrued { get; init; } = [];
}

// Wire format: the token number stays a plain number.
public sealed record TokenSummary(long Id, string? Owner, string? OwnerName, bool Burned, DateTimeOffset MintedAt);

public sealed record TokenPage(IReadOnlyList<TokenSummary> Items, string? NextCursor);

public sealed record Attribute(string TraitType, string Value);

/// <summary>ERC-721 metadata JSON, as marketplaces read it.</summary>
public sealed record TokenMetadata(string Name, string Description, string Image, IReadOnlyList<Attribute> Attributes);

/// <summary>Reading tokens: a token with its lineage, price history and redemption value; its ERC-721 metadata and image.</summary>
public static class ReadTokens
{
    public static async Task<Result<TokenView>> FindAsync(MikoshiDb db, Community community, TokenId serial, DateTimeOffset now)
    {
        var token = await db.Tokens.AsNoTracking().Include(t => t.Lineage).FirstOrDefaultAsync(t => t.CommunityId == community.Id && t.Serial == serial);
        if (token is null)
        {
            return MembershipErrors.TokenNotFound;
        }

        var names = await PeopleBook.NamesAsync(db, token.Lineage.SelectMany(l => new[] { l.FromId, l.ToId }).Append(token.OwnerId));
        string? Name(PersonId? id) => id is { } p && names.TryGetValue(p, out var n) ? n : null;
        var lineage = token.Lineage.OrderBy(l => l.Step).Select(l => new LineageView(
            l.Kind.ToString().ToLowerInvariant(), l.FromId?.ToString(), Name(l.FromId), l.ToId?.ToString(), Name(l.ToId),
            DateTimeOffset.FromUnixTimeMilliseconds(l.AtUnixMs), l.Price is { } p ? AmountView.Of(community.BaseAsset, p) : null)).ToList();
        var lastSale = token.Lineage.Where(l => l.Kind == LineageKind.Sold).MaxBy(l => l.Step);
        var lowest = await db.Listings.AsNoTracking().Where(l => l.CommunityId == community.Id && l.State == ListingState.Open)
            .OrderBy(l => l.Price).ThenBy(l => l.Number).FirstOrDefaultAsync();
        RedemptionView? redemption = null;
        IReadOnlyList<TokenShareView> value = [];
        long? lockedBy = null;
        IReadOnlyList<TokenAccrual> accrued = [];
        if (token.BurnedAtUnixMs is null)
        {
            var preview = await RedeemToken.PreviewAsync(db, community, serial);
            redemption = preview.IsSuccess ? preview.Value : null;
            value = (await TokenBook.SharesAsync(db, community.Id, serial)).Where(s => s.Units > Int128.Zero).Select(s => TokenShareView.Of(s, null)).ToList();
            lockedBy = await TokenLocks.HeldByAsync(db, token, now);
            accrued = await HolderShares.AccruedOfTokenAsync(db, community.Id, serial);
        }

        return new TokenView(serial.Value, $"{community.Name} #{serial}", token.OwnerId?.ToString(), Name(token.OwnerId), token.ApprovedId?.ToString(),
            token.BurnedAtUnixMs is not null, DateTimeOffset.FromUnixTimeMilliseconds(token.MintedAtUnixMs), AmountView.Of(community.BaseAsset, token.MintPrice),
            lineage, lastSale?.Price is { } sale ? AmountView.Of(community.BaseAsset, sale) : null,
            lowest is null ? null : Listings.View(lowest), redemption, OwnPrices(community, token.Lineage))
        {
            Value = value,
            LockedByProposal = lockedBy,
            Accrued = accrued,
        };
    }

    /// <summary>
    /// The token view at the head version the request read, from the <see cref="ReadCache"/> (key: the community's and
    /// the instance's versions, for names, and the serial). A vote lock ends with time, not with a write (a proposal's
    /// phases close by the clock), so while the community has an open proposal the view is read afresh and not kept.
    /// </summary>
    public static async Task<Result<TokenView>> ViewAsync(MikoshiDb db, ReadCache cache, Community community, TokenId serial, DateTimeOffset now, HeadVersion? at)
    {
        if (at is not { } version)
        {
            return await FindAsync(db, community, serial, now);
        }

        var key = new ReadKey("token", community.Id.Value, version, serial.ToString());
        var read = await cache.GetOrReadAsync(key,
            async () => new TokenRead(await FindAsync(db, community, serial, now),
                await db.Proposals.AsNoTracking().AnyAsync(p => p.CommunityId == community.Id && p.Outcome == null && p.CancelledAtUnixMs == null)),
            found => found.View.IsSuccess && !found.ClockBound);
        return read.View;
    }

    /// <summary>
    /// A page of tokens (a person's membership, with <paramref name="owner"/>) at the head version the request read,
    /// from the <see cref="ReadCache"/>: a mint, transfer, sale or burn bumps the community's version.
    /// </summary>
    public static async Task<Result<TokenPage>> PageAsync(MikoshiDb db, ReadCache cache, Community community, HeadVersion? at, string? owner, string? cursor, int? limit) =>
        at is { } version
            ? await cache.GetOrReadAsync(new ReadKey("tokens", community.Id.Value, version, string.Create(CultureInfo.InvariantCulture, $"{limit}|{cursor}|{owner}")),
                () => ListAsync(db, community, owner, cursor, limit), page => page.IsSuccess)
            : await ListAsync(db, community, owner, cursor, limit);

    private sealed record TokenRead(Result<TokenView> View, bool ClockBound);

    /// <summary>The most recent mints and sales the community's price chart shows.</summary>
    public const int PriceHistoryPoints = 500;

    /// <summary>A token's own mints and sales, oldest first: its price history, which its page's chart highlights.</summary>
    private static List<PricePoint> OwnPrices(Community community, IEnumerable<LineageStep> lineage) =>
        lineage.Where(l => l.Kind is LineageKind.Minted or LineageKind.Sold).OrderBy(l => l.Step).Select(l => Point(community, l)).ToList();

    private static PricePoint Point(Community community, LineageStep l) =>
        new(DateTimeOffset.FromUnixTimeMilliseconds(l.AtUnixMs), l.Kind.ToString().ToLowerInvariant(), l.Serial.Value, AmountView.Of(community.BaseAsset, l.Price ?? Int128.Zero));

    /// <summary>
    /// The community's price over time, oldest first: its latest <see cref="PriceHistoryPoints"/> mints and sales, one
    /// indexed read of a bounded size. It is a resource of its own, not part of a token's view, so that the view's size
    /// (and cost) is the token's alone: embedded, it made the view 9.3× dearer at 10^4 members (docs/benchmarks.md 18, 19).
    /// </summary>
    public static async Task<PriceHistoryView> PriceHistoryAsync(MikoshiDb db, Community community)
    {
        var latest = await db.Lineage.AsNoTracking()
            .Where(l => l.CommunityId == community.Id && (l.Kind == LineageKind.Minted || l.Kind == LineageKind.Sold))
            .OrderByDescending(l => l.AtUnixMs).ThenByDescending(l => l.Serial).ThenByDescending(l => l.Step)
            .Take(PriceHistoryPoints).ToListAsync();
        return new PriceHistoryView(latest.AsEnumerable().Reverse().Select(l => Point(community, l)).ToList(), PriceHistoryPoints);
    }

    /// <summary>The community's price chart at the head version the request read, from the <see cref="ReadCache"/>: a mint or a sale bumps the version.</summary>
    public static async Task<PriceHistoryView> PriceHistoryAsync(MikoshiDb db, ReadCache cache, Community community, HeadVersion? at) =>
        at is { } version
            ? await cache.GetOrReadAsync(new ReadKey("price-history", community.Id.Value, version with { Instance = 0 }), () => PriceHistoryAsync(db, community))
            : await PriceHistoryAsync(db, community);

    /// <summary>What a token's chart draws: the community's latest points and every one of the token's own, oldest first, each once.</summary>
    public static IReadOnlyList<PricePoint> Chart(PriceHistoryView community, TokenView token) =>
        community.Points.Concat(token.PriceHistory).DistinctBy(p => (p.Token, p.At, p.Kind, p.Price))
            .OrderBy(p => p.At).ThenBy(p => p.Token).ToList();

    public static async Task<Result<TokenPage>> ListAsync(MikoshiDb db, Community community, string? owner, string? cursor, int? limit)
    {
        var page = Paging.Read(cursor, limit);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var after = 0L;
        if (page.Value.After is { } text && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out after))
        {
            return ApiErrors.InvalidCursor;
        }

        var query = db.Tokens.AsNoTracking().Where(t => t.CommunityId == community.Id);
        if (after > 0)
        {
            var last = TokenId.Stored(after);
            query = query.Where(t => t.Serial > last);
        }
        if (owner is not null)
        {
            var person = await PeopleBook.FindAsync(db, owner);
            if (!person.IsSuccess)
            {
                return person.Error;
            }

            query = query.Where(t => t.OwnerId == person.Value);
        }

        var rows = await query.OrderBy(t => t.Serial).Take(page.Value.Limit + 1).ToListAsync();
        var names = await PeopleBook.NamesAsync(db, rows.Select(r => r.OwnerId));
        var items = rows.Take(page.Value.Limit).Select(t => new TokenSummary(t.Serial.Value, t.OwnerId?.ToString(),
            t.OwnerId is { } o && names.TryGetValue(o, out var n) ? n : null, t.BurnedAtUnixMs is not null,
            DateTimeOffset.FromUnixTimeMilliseconds(t.MintedAtUnixMs))).ToList();
        return new TokenPage(items, rows.Count > page.Value.Limit ? Paging.Cursor(items[^1].Id.ToString(CultureInfo.InvariantCulture)) : null);
    }

    /// <summary>A token's picture: a shrine roof over its serial, in a colour drawn from the community and serial.</summary>
    public static string Svg(Community community, TokenId serial)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{community.Id}:{serial}"));
        var hue = ((hash[0] << 8) | hash[1]) % 360;
        var name = System.Net.WebUtility.HtmlEncode(community.Name);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 320" role="img" aria-label="{name} #{serial}">
              <rect width="320" height="320" fill="hsl({hue},45%,18%)"/>
              <path d="M40 130 L160 62 L280 130 Z" fill="hsl({hue},70%,55%)"/>
              <rect x="78" y="130" width="164" height="92" rx="6" fill="hsl({(hue + 30) % 360},60%,42%)"/>
              <rect x="30" y="230" width="260" height="12" rx="6" fill="hsl({hue},30%,70%)"/>
              <circle cx="160" cy="52" r="10" fill="hsl(45,90%,60%)"/>
              <text x="160" y="190" font-family="sans-serif" font-size="42" font-weight="700" text-anchor="middle" fill="#fff">#{serial}</text>
              <text x="160" y="285" font-family="sans-serif" font-size="16" text-anchor="middle" fill="#fff">{name}</text>
            </svg>
            """;
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/tokens", async (HttpContext http, MikoshiDb db, ReadCache cache, string? owner, string? cursor, int? limit) =>
                CachedAnswers.From(await PageAsync(db, cache, http.Caller().RequireCommunity(), http.ReadAt(), owner, cursor, limit)))
            .Allow(Access.Anyone)
            .WithSummary("Tokens by serial, optionally only one owner's.")
            .Produces<TokenPage>();
        api.MapGet("/communities/{slug}/tokens/{tokenId:long}", async (long tokenId, HttpContext http, MikoshiDb db, ReadCache cache, TimeProvider clock) =>
                TokenId.Of(tokenId) is { IsSuccess: true } id
                    ? CachedAnswers.From(await ViewAsync(db, cache, http.Caller().RequireCommunity(), id.Value, clock.GetUtcNow(), http.ReadAt()))
                    : Problems.For(MembershipErrors.TokenNotFound))
            .Allow(Access.Anyone)
            .WithSummary("A token: owner, lineage, last sale, lowest listing, its share of each treasury pool and redemption value, a vote lock, the holders' share it accrued, its own mints and sales (price history).")
            .Produces<TokenView>();
        api.MapGet("/communities/{slug}/price-history", async (HttpContext http, MikoshiDb db, ReadCache cache) =>
                CachedAnswers.Ok(await PriceHistoryAsync(db, cache, http.Caller().RequireCommunity(), http.ReadAt())))
            .Allow(Access.Anyone)
            .WithSummary("The membership's price chart: the community's latest 500 mints and sales, oldest first.")
            .Produces<PriceHistoryView>();
        api.MapGet("/communities/{slug}/tokens/{tokenId:long}/metadata", async (long tokenId, HttpContext http, MikoshiDb db) =>
            {
                var community = http.Caller().RequireCommunity();
                var id = TokenId.Of(tokenId);
                if (!id.IsSuccess)
                {
                    return Problems.For(id.Error);
                }

                var serial = id.Value;
                var token = await db.Tokens.AsNoTracking().FirstOrDefaultAsync(t => t.CommunityId == community.Id && t.Serial == serial);
                if (token is null)
                {
                    return Problems.For(MembershipErrors.TokenNotFound);
                }

                var image = "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Svg(community, serial)));
                var lineage = await db.Lineage.AsNoTracking().CountAsync(l => l.CommunityId == community.Id && l.Serial == serial && l.Kind == LineageKind.Inherited);
                return Results.Ok(new TokenMetadata($"{community.Name} #{tokenId}", $"Membership of {community.Name} on Mikoshi.", image,
                [
                    new("community", community.Slug),
                    new("serial", tokenId.ToString(CultureInfo.InvariantCulture)),
                    new("minted_at", DateTimeOffset.FromUnixTimeMilliseconds(token.MintedAtUnixMs).ToString("O", CultureInfo.InvariantCulture)),
                    new("generations", (lineage + 1).ToString(CultureInfo.InvariantCulture)),
                ]));
            })
            .Allow(Access.Anyone)
            .WithSummary("ERC-721 metadata JSON (name, description, image, attributes).")
            .Produces<TokenMetadata>();
        api.MapGet("/communities/{slug}/tokens/{tokenId:long}/image.svg", (long tokenId, HttpContext http) =>
                TokenId.Of(tokenId) is { IsSuccess: true } id
                    ? Results.Content(Svg(http.Caller().RequireCommunity(), id.Value), "image/svg+xml")
                    : Problems.For(MembershipErrors.TokenNotFound))
            .Allow(Access.Anyone)
            .WithSummary("The token's picture (SVG).");
    }
}
