using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Revenue;

namespace Mikoshi.Features.Books;

/// <summary>The account-name table: every key with the name the export writes, and whether it is the default.</summary>
public sealed record BookAccountView(string Key, string Name, bool IsDefault);

public sealed record BookAccountsRequest(IReadOnlyDictionary<string, string>? Names);

/// <summary>
/// The journal as a 仕訳帳 CSV in the import layout of マネーフォワード クラウド会計 (issue #21): account names come from
/// a per-community table an admin edits, with defaults (the bank side → 普通預金, withholding → 預り金, the community's own share → 売上高 …).
/// Each journal entry is one 取引No. Every internal account holds money the community owes or keeps (a person's
/// balance, the payout escrow, 預り金, its own funds) and the outside world stands for the bank: so a leg whose account
/// receives is a credit (貸方) and one that gives is a debit (借方) — money arriving is 借方 普通預金, a payout is
/// 借方 未払金 / 貸方 普通預金 and 預り金. Yen only: the layout's amounts are 金額(円).
/// </summary>
public sealed class BooksExport(Writer writer)
{
    /// <summary>The 27 columns of the import layout, A to AA, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "取引No", "取引日", "借方勘定科目", "借方補助科目", "借方部門", "借方取引先", "借方税区分", "借方インボイス", "借方金額(円)", "借方税額",
        "貸方勘定科目", "貸方補助科目", "貸方部門", "貸方取引先", "貸方税区分", "貸方インボイス", "貸方金額(円)", "貸方税額",
        "摘要", "仕訳メモ", "タグ", "MF仕訳タイプ", "決算整理仕訳", "作成日時", "作成者", "最終更新日時", "最終更新者",
    ];

    /// <summary>Japan has one offset all year (no daylight saving): the 取引日 is the entry's day in Japan.</summary>
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    /// <summary>The keys an admin may name, with their default account names.</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["treasury"] = "売上高",
        ["project"] = "売上高",
        ["person"] = "未払金",
        ["holder-pool"] = "未払金",
        ["dust"] = "雑収入",
        ["escrow:payouts"] = "未払金",
        ["escrow:withholding"] = "預り金",
        ["escrow"] = "仮受金",
        ["external"] = "普通預金",
        ["external:revenue"] = "普通預金",
        ["external:deposit"] = "普通預金",
        ["external:payout"] = "普通預金",
        ["external:withholding-payment"] = "普通預金",
    };

    /// <summary>The key that names a posting's account: escrow by its own key when named, the outside world by the entry's kind when named.</summary>
    public static string KeyOf(string account, string entryKind)
    {
        var parsed = AccountId.Parse(account);
        if (!parsed.IsSuccess)
        {
            return "external";
        }

        var id = parsed.Value;
        return id.Kind switch
        {
            AccountKind.Escrow => Defaults.ContainsKey(account) ? account : "escrow",
            AccountKind.External => Defaults.ContainsKey($"external:{entryKind}") ? $"external:{entryKind}" : "external",
            AccountKind.Person => "person",
            AccountKind.Project => "project",
            _ => account,
        };
    }

    public static async Task<List<BookAccountView>> AccountsAsync(MikoshiDb db, CommunityId community)
    {
        var set = await db.BookAccounts.AsNoTracking().Where(a => a.CommunityId == community).ToDictionaryAsync(a => a.Key, a => a.Name);
        return Defaults.Select(d => set.TryGetValue(d.Key, out var name) ? new BookAccountView(d.Key, name, false) : new BookAccountView(d.Key, d.Value, true)).ToList();
    }

    /// <summary>Sets the names given; a key not in the table or an empty, over-long or control-character name refuses the whole request.</summary>
    public Task<Result<Committed<List<BookAccountView>>>> SetAccountsAsync(Caller admin, BookAccountsRequest request) =>
        writer.RunAsync(admin, Access.Admin, null, async write =>
        {
            var community = admin.RequireCommunity();
            var names = request.Names ?? new Dictionary<string, string>();
            foreach (var (key, name) in names)
            {
                if (!Defaults.ContainsKey(key))
                {
                    return BookErrors.UnknownBookAccount;
                }

                if (BoundedText.Line(name, BookRules.MaxAccountNameLength, BookErrors.InvalidBookAccountName) is { IsSuccess: false } refused)
                {
                    return refused.Error;
                }
            }

            var db = write.Db;
            var rows = await db.BookAccounts.Where(a => a.CommunityId == community.Id).ToDictionaryAsync(a => a.Key);
            foreach (var (key, name) in names)
            {
                if (!rows.TryGetValue(key, out var row))
                {
                    row = new BookAccountRow { CommunityId = community.Id, Key = key };
                    db.BookAccounts.Add(row);
                    rows[key] = row;
                }

                row.Name = name.Trim();
            }

            await write.AuditAsync("books.accounts", new { names = names.ToDictionary(n => n.Key, n => n.Value.Trim()) });
            var merged = Defaults.Select(d => rows.TryGetValue(d.Key, out var row) ? new BookAccountView(d.Key, row.Name, false) : new BookAccountView(d.Key, d.Value, true)).ToList();
            return Result<List<BookAccountView>>.Ok(merged);
        });

    /// <summary>The yen journal entries whose day in Japan lies in [from, to] (either end open) as the 仕訳帳 CSV, UTF-8 with BOM.</summary>
    public static async Task<Result<string>> CsvAsync(MikoshiDb db, CommunityId community, DateOnly? from, DateOnly? to)
    {
        if (from is { } f && to is { } t && f > t)
        {
            return BookErrors.InvalidExportPeriod;
        }

        var names = (await AccountsAsync(db, community)).ToDictionary(a => a.Key, a => a.Name);
        // No entry is older than 1970; an earlier first day (down to year 1, which UTC+9 would push before the calendar) bounds nothing.
        var start = from is { } first && first > Earnings.EarliestStatementDay ? new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), JapanOffset).ToUnixTimeMilliseconds() : long.MinValue;
        var end = to is { } last && last < DateOnly.MaxValue ? new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), JapanOffset).ToUnixTimeMilliseconds() : long.MaxValue;
        var entries = await db.JournalEntries.AsNoTracking().Include(e => e.Postings)
            .Where(e => e.CommunityId == community && e.AtUnixMs >= start && e.AtUnixMs < end)
            .OrderBy(e => e.Number).ToListAsync();
        var csv = new StringBuilder("\uFEFF").AppendJoin(',', Columns).Append("\r\n");
        var number = 0;
        foreach (var entry in entries)
        {
            var legs = entry.Postings.Where(p => p.Asset == Asset.Jpy.Code && p.Units != Int128.Zero).OrderBy(p => p.Index).ToList();
            if (legs.Count == 0)
            {
                continue;
            }

            number++;
            var day = DateTimeOffset.FromUnixTimeMilliseconds(entry.AtUnixMs).ToOffset(JapanOffset).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
            var memo = CsvText.Field(entry.Memo);
            var note = $"mikoshi #{entry.Number} {entry.Kind}";
            var debits = legs.Where(p => p.Units < Int128.Zero).ToList();
            var credits = legs.Where(p => p.Units > Int128.Zero).ToList();
            string Name(PostingRow leg) => CsvText.Field(names[KeyOf(leg.Account, entry.Kind)]);
            string Debit(PostingRow leg) => $"{Name(leg)},,,,対象外,,{(-leg.Units).ToString(CultureInfo.InvariantCulture)},";
            string Credit(PostingRow leg) => $"{Name(leg)},,,,対象外,,{leg.Units.ToString(CultureInfo.InvariantCulture)},";
            const string None = ",,,,,,,";
            if (debits.Count == 1 && credits.Count == 1)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{number},{day},{Debit(debits[0])},{Credit(credits[0])},{memo},{note},,,,,,,\r\n");
                continue;
            }

            // A compound entry (複合仕訳): same 取引No and day on every row, debits and credits summing alike.
            foreach (var leg in legs)
            {
                var sides = leg.Units < Int128.Zero ? $"{Debit(leg)},{None}" : $"{None},{Credit(leg)}";
                csv.Append(CultureInfo.InvariantCulture, $"{number},{day},{sides},{memo},{note},,,,,,,\r\n");
            }
        }

        return csv.ToString();
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/books/accounts", async (HttpContext http, MikoshiDb db) =>
                Results.Ok(await AccountsAsync(db, http.Caller().RequireCommunity().Id)))
            .Allow(Access.Treasurer)
            .WithSummary("The account names the 仕訳帳 export writes, per key, with the defaults where none is set.")
            .Produces<List<BookAccountView>>();
        api.MapPut("/communities/{slug}/books/accounts", async (BookAccountsRequest request, BooksExport books, HttpContext http) =>
                Problems.From(await books.SetAccountsAsync(http.Caller(), request), StatusCodes.Status200OK, http))
            .Allow(Access.Admin)
            .WithSummary("Rename accounts for the export, as the accounting software spells them ({\"names\": {\"treasury\": \"普通預金\"}}).")
            .Produces<List<BookAccountView>>();
        api.MapGet("/communities/{slug}/books/export", async (DateOnly? from, DateOnly? to, HttpContext http, MikoshiDb db) =>
            {
                var community = http.Caller().RequireCommunity();
                var csv = await CsvAsync(db, community.Id, from, to);
                return csv.IsSuccess
                    ? Results.File(Encoding.UTF8.GetBytes(csv.Value), "text/csv; charset=utf-8", $"shiwakecho-{community.Slug}.csv")
                    : Problems.For(csv.Error);
            })
            .Allow(Access.Treasurer)
            .WithSummary("The yen journal as a 仕訳帳 CSV in the マネーフォワード クラウド会計 import layout (27 columns, UTF-8 with BOM); from/to are days in Japan.");
    }
}
