using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Features.Communities;

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

        var rows = await db.JournalEntries.AsNoTracking().Include(e => e.Postings)
            .Where(e => e.CommunityId == community && e.Number < before)
            .OrderByDescending(e => e.Number).Take(page.Value.Limit + 1).ToListAsync();
        var items = rows.Take(page.Value.Limit).Select(e => new EntryView(
            e.Number, e.Kind, e.Memo, e.Reference, DateTimeOffset.FromUnixTimeMilliseconds(e.AtUnixMs), e.Actor,
            e.Postings.OrderBy(p => p.Index).Select(p => new PostingView(p.Account, p.Asset, p.Units.ToString(CultureInfo.InvariantCulture))).ToList()))
            .ToList();
        var next = rows.Count > page.Value.Limit ? Paging.Cursor(items[^1].Entry.ToString(CultureInfo.InvariantCulture)) : null;
        return new LedgerPage(items, next);
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
        api.MapGet("/communities/{slug}/ledger", async (HttpContext http, MikoshiDb db, PublicNames names, string? cursor, int? limit) =>
            {
                var caller = http.Caller();
                var community = caller.RequireCommunity().Id;
                var page = await PageAsync(db, community, cursor, limit);
                return page.IsSuccess
                    ? Results.Ok(await names.LedgerAsync(db, community, PublicNames.IsInsider(caller.Roles), page.Value))
                    : Problems.For(page.Error);
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
