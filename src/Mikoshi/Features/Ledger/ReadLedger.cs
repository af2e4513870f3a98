using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Features.Kernel;

namespace Mikoshi.Features.Ledger;

/// <summary>A posting; <paramref name="Name"/> is the person's display name where the reader may see it.</summary>
public sealed record PostingView(string Account, string Asset, string Amount, string? Name = null);

public sealed record EntryView(long Entry, string Kind, string Memo, string Reference, DateTimeOffset At, string Actor, IReadOnlyList<PostingView> Postings);

public sealed record LedgerPage(IReadOnlyList<EntryView> Items, string? NextCursor);

public sealed record BalanceView(string Account, string Asset, string Amount, int Decimals);

public sealed record AccountsView(IReadOnlyList<BalanceView> Items);

/// <summary>The public journal (newest first), the caller's balances, and the audit log as JSON Lines.</summary>
public static class ReadLedger
{
    public static async Task<Result<LedgerPage>> PageAsync(MikoshiDb db, CommunityId community, string? cursor, int? limit)
    {
        var page = Paging.Read(cursor, limit);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var before = long.MaxValue;
        if (page.Value.After is { } after && !long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out before))
        {
            return ApiErrors.InvalidCursor;
        }

        var take = page.Value.Limit + 1;
        var rows = await ReadCache.QueryAsync(db, PageSql, command =>
            {
                ReadCache.Parameter(db, command, "@community", community.Value);
                ReadCache.Parameter(db, command, "@before", before);
                ReadCache.Parameter(db, command, "@take", take);
            },
            ReadEntriesAsync);
        var items = rows.Count > page.Value.Limit ? rows.GetRange(0, page.Value.Limit) : rows;
        var next = rows.Count > page.Value.Limit ? Paging.Cursor(items[^1].Entry.ToString(CultureInfo.InvariantCulture)) : null;
        return new LedgerPage(items, next);
    }

    // One statement for a page: the page's entries (newest first, by the primary key) joined to their postings in
    // order. Amounts come back as the store's own digits (TEXT on SQLite, numeric cast to text on PostgreSQL), which
    // is what the API writes: nothing is parsed to be printed again.
    private const string PageSql = """
        SELECT e."Number", e."Kind", e."Memo", e."Reference", e."AtUnixMs", e."Actor", p."Account", p."Asset", CAST(p."Units" AS TEXT)
        FROM (SELECT "CommunityId", "Number", "Kind", "Memo", "Reference", "AtUnixMs", "Actor" FROM journal_entries
              WHERE "CommunityId" = @community AND "Number" < @before ORDER BY "Number" DESC LIMIT @take) AS e
        LEFT JOIN postings AS p ON p."CommunityId" = e."CommunityId" AND p."EntryNumber" = e."Number"
        ORDER BY e."Number" DESC, p."Index"
        """;

    private static async Task<List<EntryView>> ReadEntriesAsync(System.Data.Common.DbDataReader reader)
    {
        var entries = new List<EntryView>();
        List<PostingView>? postings = null;
        var current = long.MinValue;
        while (await reader.ReadAsync())
        {
            var number = reader.GetInt64(0);
            if (number != current || postings is null)
            {
                current = number;
                postings = [];
                entries.Add(new EntryView(number, reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), reader.GetString(5), postings));
            }

            if (!reader.IsDBNull(6))
            {
                postings.Add(new PostingView(reader.GetString(6), reader.GetString(7), reader.GetString(8)));
            }
        }

        return entries;
    }

    /// <summary>
    /// A journal page as this reader may see it (names or pseudonyms), at the head version the request read: one
    /// answer per (versions, insider or not, cursor, limit), kept in the <see cref="ReadCache"/>. The instance's
    /// version is part of the key because names and who chose to be shown are written on the instance's chain.
    /// </summary>
    public static async Task<Result<LedgerPage>> NamedPageAsync(MikoshiDb db, ReadCache cache, PublicNames names, CommunityId community, bool insider, HeadVersion? at, string? cursor, int? limit)
    {
        async Task<Result<LedgerPage>> ReadAsync()
        {
            var page = await PageAsync(db, community, cursor, limit);
            return page.IsSuccess ? await names.LedgerAsync(db, community, insider, page.Value) : page;
        }

        if (at is not { } version)
        {
            return await ReadAsync();
        }

        var key = new ReadKey("ledger", community.Value, version, string.Create(CultureInfo.InvariantCulture, $"{insider}|{limit}|{cursor}"));
        return await cache.GetOrReadAsync(key, ReadAsync, page => page.IsSuccess);
    }

    /// <summary>The caller's own balances; a treasurer or admin sees every account.</summary>
    public static async Task<AccountsView> AccountsAsync(MikoshiDb db, CommunityId community, PersonId person, bool all)
    {
        var own = AccountId.ForPerson(person.Value).ToString();
        var rows = await db.Balances.AsNoTracking()
            .Where(b => b.CommunityId == community && (all || b.Account == own)).ToListAsync();
        return new AccountsView(rows.OrderBy(b => b.Account, StringComparer.Ordinal).ThenBy(b => b.Asset, StringComparer.Ordinal)
            .Select(b =>
            {
                var amount = AmountView.Of(b.Asset, b.Units);
                return new BalanceView(b.Account, b.Asset, amount.Amount, amount.Decimals);
            }).ToList());
    }

    /// <summary>Writes a community's audit chain as JSON Lines, oldest first, streaming.</summary>
    public static async Task WriteAuditAsync(MikoshiDb db, Guid chain, Stream output, CancellationToken cancellationToken)
    {
        var newline = "\n"u8.ToArray();
        await foreach (var row in db.AuditLog.AsNoTracking().Where(a => a.Chain == chain).OrderBy(a => a.Sequence)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await JsonSerializer.SerializeAsync(output, WriteScope.ToRecord(row), Writer.Json, cancellationToken);
            await output.WriteAsync(newline, cancellationToken);
        }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/ledger", async (HttpContext http, MikoshiDb db, ReadCache cache, PublicNames names, string? cursor, int? limit) =>
            {
                var caller = http.Caller();
                return CachedAnswers.From(await NamedPageAsync(db, cache, names, caller.RequireCommunity().Id, PublicNames.IsInsider(caller.Roles), http.ReadAt(), cursor, limit));
            })
            .Allow(Access.Anyone)
            .WithSummary("The public journal, newest first, paged. Outside the community a person's postings and actions appear under a pseudonym (person:member-…) unless they chose to be shown; members see ids and names.")
            .Produces<LedgerPage>();
        api.MapGet("/communities/{slug}/accounts", async (HttpContext http, MikoshiDb db) =>
            {
                var caller = http.Caller();
                return Results.Ok(await AccountsAsync(db, caller.RequireCommunity().Id, caller.RequirePerson(), caller.CanKeepTheBooks));
            })
            .Allow(Access.SignedIn)
            .WithSummary("Balances of the caller's accounts; treasurers and admins see every account.")
            .Produces<AccountsView>();
        api.MapGet("/communities/{slug}/audit", (HttpContext http, MikoshiDb db) =>
            {
                var community = http.Caller().RequireCommunity();
                return Results.Stream(stream => WriteAuditAsync(db, community.Id.Value, stream, http.RequestAborted),
                    "application/jsonl; charset=utf-8", $"{community.Slug}-audit.jsonl");
            })
            .Allow(Access.Insider)
            .WithSummary("The community's hash-chained audit log as JSON Lines, for its members, treasurers and admins (it names people by id); check it offline with `mikoshi verify --file`.")
            .Produces(StatusCodes.Status200OK, contentType: "application/jsonl");
    }

    internal static string Csv(IEnumerable<EntryView> entries)
    {
        var csv = new StringBuilder("entry,at,kind,account,asset,amount,reference,memo\n");
        foreach (var entry in entries)
        {
            foreach (var posting in entry.Postings)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{entry.Entry},{entry.At:O},{entry.Kind},{posting.Account},{posting.Asset},{posting.Amount},{Quote(entry.Reference)},{Quote(entry.Memo)}\n");
            }
        }

        return csv.ToString();
    }

    // A leading = + - @ would make a spreadsheet run the cell as a formula: prefix it with a quote.
    private static string Quote(string text)
    {
        var safe = text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
