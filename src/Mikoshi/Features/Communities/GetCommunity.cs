using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Communities;

public sealed record CharterView(string Text, IReadOnlyList<string> Values);

/// <summary>The newest link of the community's audit chain: keep it to detect a truncated log later.</summary>
public sealed record AuditHead(long Sequence, string Hash);

/// <summary>
/// The headline figures: what the treasury holds, how many people hold a role, how many entries the
/// journal has, and the head of the audit chain.
/// </summary>
/// <summary>
/// A community's headline figures. <paramref name="People"/> counts its members: the distinct persons holding at least one
/// token (issue #20); <paramref name="RoleHolders"/> counts those with a role (admin, treasurer…), shown apart.
/// </summary>
public sealed record Figures(IReadOnlyList<AmountView> Treasury, int People, long JournalEntries, AuditHead? AuditHead, int RoleHolders = 0);

public sealed record CommunityView(
    string Id,
    string Slug,
    string Name,
    CharterView Charter,
    string BaseAsset,
    IReadOnlyList<string> Assets,
    DateTimeOffset CreatedAt,
    Figures Figures)
{
    public static CommunityView Of(Community c, Figures figures) =>
        new(c.Id.ToString(), c.Slug, c.Name, new CharterView(c.CharterText, c.Values), c.BaseAsset, c.Assets, c.CreatedAt, figures);
}

public sealed record CommunityList(IReadOnlyList<CommunityView> Items, string? NextCursor);

/// <summary>A community's charter, parameters and headline figures; and the list of communities.</summary>
public static class GetCommunity
{
    public static async Task<Figures> FiguresAsync(MikoshiDb db, CommunityId id)
    {
        var treasury = AccountId.Treasury.ToString();
        var balances = await db.Balances.AsNoTracking().Where(b => b.CommunityId == id && b.Account == treasury).ToListAsync();
        // The counts are the chain's head row, kept by every write: reading them costs the same whatever the community's size.
        var head = await db.ChainHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Chain == id.Value) ?? new ChainHeadRow();
        var audit = head.AuditSequence == 0 ? null : new AuditHead(head.AuditSequence, head.AuditHash);
        return new Figures(balances.OrderBy(b => b.Asset, StringComparer.Ordinal).Select(b => AmountView.Of(b.Asset, b.Units)).ToList(), head.People, head.LastEntryNumber, audit, head.RoleHolders);
    }

    /// <summary>
    /// The public view of a community at the head version the request read (<paramref name="at"/>): read once per
    /// version and kept in the <see cref="ReadCache"/>; read afresh when there is no version (the CLI).
    /// </summary>
    public static async Task<CommunityView> ViewAsync(MikoshiDb db, ReadCache cache, Community community, HeadVersion? at) =>
        at is { } version
            ? await cache.GetOrReadAsync(new ReadKey("community-view", community.Id.Value, version with { Instance = 0 }),
                async () => CommunityView.Of(community, await FiguresAsync(db, community.Id)))
            : CommunityView.Of(community, await FiguresAsync(db, community.Id));

    public static async Task<CommunityView?> FindAsync(MikoshiDb db, string slug)
    {
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug);
        return community is null ? null : CommunityView.Of(community, await FiguresAsync(db, community.Id));
    }

    public static async Task<Result<CommunityList>> ListAsync(MikoshiDb db, string? cursor, int? limit)
    {
        var page = Paging.Read(cursor, limit);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var after = page.Value.After ?? string.Empty;
        var communities = await db.Communities.AsNoTracking()
            .Where(c => c.Slug.CompareTo(after) > 0)
            .OrderBy(c => c.Slug).Take(page.Value.Limit + 1).ToListAsync();
        var items = new List<CommunityView>();
        foreach (var community in communities.Take(page.Value.Limit))
        {
            items.Add(CommunityView.Of(community, await FiguresAsync(db, community.Id)));
        }

        return new CommunityList(items, communities.Count > page.Value.Limit ? Paging.Cursor(items[^1].Slug) : null);
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities", async (MikoshiDb db, string? cursor, int? limit) => Problems.From(await ListAsync(db, cursor, limit)))
            .Allow(Access.Anyone)
            .WithSummary("Every community, by slug.")
            .Produces<CommunityList>();
        api.MapGet("/communities/{slug}", async (HttpContext http, MikoshiDb db, ReadCache cache) =>
                CachedAnswers.Ok(await ViewAsync(db, cache, http.Caller().RequireCommunity(), http.ReadAt())))
            .Allow(Access.Anyone)
            .WithSummary("A community's charter, parameters and headline figures.")
            .Produces<CommunityView>();
    }
}
