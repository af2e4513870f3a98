using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Payouts;
using Mikoshi.Domain.Tax;
using Mikoshi.Domain;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Projects;
using Mikoshi.Features.Secrets;

namespace Mikoshi.Features.Tax;

public sealed record WithholdingPaymentRequest(string? Period);

/// <summary>Whose statement a PDF prints tax fields for: the person, the period and the asset.</summary>
public sealed record TaxPeriod(PersonId Person, DateOnly From, DateOnly To, string Asset);

/// <summary>Withholding of one kind within a period.</summary>
public sealed record WithholdingKindTotal(string Kind, int Payments, AmountView Gross, AmountView Withheld);

/// <summary>What a period owes the tax office: withheld from paid batches, already paid, and outstanding.</summary>
public sealed record WithholdingDueView(string Period, DateOnly First, DateOnly Last, DateOnly Due, bool HalfYearly, AmountView Withheld, AmountView Paid, AmountView Outstanding, IReadOnlyList<WithholdingKindTotal> Kinds);

public sealed record WithholdingPaymentView(long Id, string Period, AmountView Amount, long Entry, DateTimeOffset At);

/// <summary>One paid payout to a person: the batch, its transfer day, the kind, gross, withheld and net.</summary>
public sealed record TaxLine(long Batch, DateOnly TransferDate, string Kind, AmountView Gross, AmountView Withheld, AmountView Net);

/// <summary>
/// A person's paid yen payouts in a period, with the invoice number on file — what a 支払通知 shows, and what a
/// PDF statement of the period can print (per person and period: gross, withheld, net, T-number).
/// </summary>
public sealed record PersonTaxSummary(string PersonId, string DisplayName, string LegalName, string Status, string? InvoiceNumber, DateOnly From, DateOnly To,
    AmountView Gross, AmountView Withheld, AmountView Net, IReadOnlyList<TaxLine> Lines);

/// <summary>A person's own 支払通知 for a year: the payer, its invoice number, and the person's summary.</summary>
public sealed record PaymentNotice(int Year, string Payer, string? PayerInvoiceNumber, PersonTaxSummary Payee);

/// <summary>One row of the 報酬、料金、契約金及び賞金の支払調書 data: a payee and one kind, for a calendar year.</summary>
public sealed record AnnualRow(string PersonId, string Name, string Address, string Status, string? InvoiceNumber, string Kind, string KindJapanese, AmountView Gross, AmountView Withheld);

public sealed record AnnualReport(int Year, string Payer, string? PayerInvoiceNumber, IReadOnlyList<AnnualRow> Rows, AmountView TotalGross, AmountView TotalWithheld, int People);

/// <summary>
/// Withholding after payment (issue #21): what each month (or 納期の特例 half year) owes the tax office, the payment
/// of it as a journal entry, a person's summary and 支払通知, and the year's 支払調書 data.
/// </summary>
public sealed class TaxReports(Writer writer)
{
    public const int EarliestYear = 2000;
    public const int LatestYear = 9998;

    /// <summary>What <paramref name="period"/> owes: the withholding of paid yen batches whose transfer day falls in it.</summary>
    public static async Task<Result<WithholdingDueView>> DueAsync(MikoshiDb db, CommunityId community, string? period)
    {
        var parsed = WithholdingPeriod.Parse(period);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var settings = await TaxSettings.CommunityAsync(db, community);
        var p = parsed.Value;
        if (p.IsHalfYear && !settings.HalfYearly)
        {
            return TaxErrors.HalfYearlyNotApproved;
        }

        // Under 納期の特例 the eligible kinds are paid half-yearly and the rest monthly; without it, everything monthly.
        bool Counts(WithholdingKind kind) => !settings.HalfYearly || kind.HalfYearly == p.IsHalfYear;
        var lines = (await PaidLinesAsync(db, community, p.First, p.Last))
            .Where(l => Counts(WithholdingKind.Of(l.Line.Kind).Value) && l.Line.Withheld > Int128.Zero).ToList();
        var withheld = lines.Aggregate(Int128.Zero, (sum, l) => sum + l.Line.Withheld);
        var paid = (await db.WithholdingPayments.AsNoTracking().Where(w => w.CommunityId == community && w.Period == p.Code).Select(w => w.Amount).ToListAsync())
            .Aggregate(Int128.Zero, (sum, a) => sum + a);
        var kinds = lines.GroupBy(l => l.Line.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new WithholdingKindTotal(g.Key, g.Count(), Yen(g.Aggregate(Int128.Zero, (s, l) => s + l.Line.Gross)), Yen(g.Aggregate(Int128.Zero, (s, l) => s + l.Line.Withheld))))
            .ToList();
        return new WithholdingDueView(p.Code, p.First, p.Last, p.Due, p.IsHalfYear, Yen(withheld), Yen(paid), Yen(withheld - paid), kinds);
    }

    /// <summary>Records the payment of a period's outstanding withholding to the tax office: 預り金 → outside, once per amount due.</summary>
    public Task<Result<Committed<WithholdingPaymentView>>> PayAsync(Caller caller, WithholdingPaymentRequest request) =>
        writer.RunAsync(caller, Access.Treasurer, null, async write =>
        {
            var community = caller.RequireCommunity();
            var treasurer = caller.RequirePerson();
            var db = write.Db;
            var due = await DueAsync(db, community.Id, request.Period);
            if (!due.IsSuccess)
            {
                return due.Error;
            }

            var outstanding = Int128.Parse(due.Value.Outstanding.Amount, CultureInfo.InvariantCulture);
            if (outstanding <= Int128.Zero)
            {
                return TaxErrors.NothingDue;
            }

            var entry = JournalEntry.Move("withholding-payment", $"源泉所得税 {due.Value.Period} 納付", PayoutTax.WithholdingLiability, AccountId.External, Money.Of(Asset.Jpy, outstanding));
            var posted = await write.PostAsync(entry.Value, $"withholding {due.Value.Period}");
            if (!posted.IsSuccess)
            {
                return posted.Error;
            }

            var number = await ChainHeads.TakeAsync(db, community.Id.Value, "withholding-payments");
            var row = new WithholdingPaymentRow
            {
                CommunityId = community.Id,
                Number = number,
                Period = due.Value.Period,
                Amount = outstanding,
                EntryNumber = posted.Value,
                PaidById = treasurer,
                AtUnixMs = write.At.ToUnixTimeMilliseconds(),
            };
            db.WithholdingPayments.Add(row);
            await write.AuditAsync("withholding.paid", new { payment = number, period = row.Period, amount = outstanding.ToString(CultureInfo.InvariantCulture) });
            return Result<WithholdingPaymentView>.Ok(ViewOf(row));
        });

    public static async Task<List<WithholdingPaymentView>> PaymentsAsync(MikoshiDb db, CommunityId community) =>
        (await db.WithholdingPayments.AsNoTracking().Where(w => w.CommunityId == community).OrderByDescending(w => w.Number).ToListAsync()).Select(ViewOf).ToList();

    private static WithholdingPaymentView ViewOf(WithholdingPaymentRow row) =>
        new(row.Number, row.Period, Yen(row.Amount), row.EntryNumber, ProjectBook.Instant(row.AtUnixMs));

    /// <summary>Every person's paid yen payouts within [from, to], by transfer day.</summary>
    public static async Task<List<PersonTaxSummary>> ForPeriodAsync(MikoshiDb db, CommunityId community, DateOnly from, DateOnly to, PersonId? only = null)
    {
        var lines = (await PaidLinesAsync(db, community, from, to)).Where(l => only is null || l.Line.PersonId == only).ToList();
        var people = lines.Select(l => l.Line.PersonId).Distinct().ToList();
        if (only is { } one && !people.Contains(one))
        {
            people.Add(one);
        }

        var names = await PeopleBook.NamesAsync(db, people);
        var profiles = await db.TaxProfiles.AsNoTracking().Where(p => people.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId);
        return people.Select(person =>
        {
            var mine = lines.Where(l => l.Line.PersonId == person).OrderBy(l => l.Day).ThenBy(l => l.Line.BatchNumber).ToList();
            var profile = profiles.GetValueOrDefault(person);
            return new PersonTaxSummary(person.ToString(), names.GetValueOrDefault(person, string.Empty), profile?.LegalName ?? string.Empty, profile?.Status ?? string.Empty,
                profile?.InvoiceNumber, from, to,
                Yen(mine.Aggregate(Int128.Zero, (s, l) => s + l.Line.Gross)), Yen(mine.Aggregate(Int128.Zero, (s, l) => s + l.Line.Withheld)), Yen(mine.Aggregate(Int128.Zero, (s, l) => s + l.Line.Net)),
                mine.Select(l => new TaxLine(l.Line.BatchNumber, l.Day, l.Line.Kind, Yen(l.Line.Gross), Yen(l.Line.Withheld), Yen(l.Line.Net))).ToList());
        }).OrderBy(s => s.DisplayName, StringComparer.Ordinal).ThenBy(s => s.PersonId, StringComparer.Ordinal).ToList();
    }

    /// <summary>A person's own summary for [from, to] — the query a PDF statement prints from.</summary>
    public static async Task<PersonTaxSummary> ForPersonAsync(MikoshiDb db, CommunityId community, PersonId person, DateOnly from, DateOnly to) =>
        (await ForPeriodAsync(db, community, from, to, person)).Single();

    /// <summary>
    /// What a PDF document prints about tax: the community's issuer number, and for a person's statement their own
    /// number and, for yen, the tax withheld from what they were paid in the period.
    /// </summary>
    public static async Task<List<PdfField>> PdfFieldsAsync(MikoshiDb db, CommunityId community, System.Globalization.CultureInfo language, TaxPeriod? statement = null)
    {
        var fields = new List<PdfField>();
        if ((await TaxSettings.CommunityAsync(db, community)).InvoiceNumber is { } issuer)
        {
            fields.Add(new(PdfDocuments.Text(language, "CommunityInvoiceNumber"), issuer));
        }

        if (statement is null)
        {
            return fields;
        }

        var summary = await ForPersonAsync(db, community, statement.Person, statement.From, statement.To);
        if (summary.InvoiceNumber is { } own)
        {
            fields.Add(new(PdfDocuments.Text(language, "InvoiceNumber"), own));
        }

        if (statement.Asset == Asset.Jpy.Code && summary.Withheld.Amount != "0")
        {
            fields.Add(new(PdfDocuments.Text(language, "Withheld"), PdfDocuments.Amount(summary.Withheld)));
        }

        return fields;
    }

    public static Result<int> Year(int? year, DateTimeOffset now)
    {
        var y = year ?? now.UtcDateTime.Year;
        return y is < EarliestYear or > LatestYear ? TaxErrors.InvalidYear : y;
    }

    public static async Task<Result<PaymentNotice>> NoticeAsync(MikoshiDb db, Community community, PersonId person, int? year, DateTimeOffset now)
    {
        var y = Year(year, now);
        if (!y.IsSuccess)
        {
            return y.Error;
        }

        var settings = await TaxSettings.CommunityAsync(db, community.Id);
        var summary = await ForPersonAsync(db, community.Id, person, new DateOnly(y.Value, 1, 1), new DateOnly(y.Value, 12, 31));
        return new PaymentNotice(y.Value, community.Name, settings.InvoiceNumber, summary);
    }

    /// <summary>The year's 支払調書 data: one row per payee and kind, with the payee's address opened for the operator.</summary>
    public static async Task<Result<AnnualReport>> AnnualAsync(MikoshiDb db, SecretBox box, Community community, int? year, DateTimeOffset now)
    {
        var y = Year(year, now);
        if (!y.IsSuccess)
        {
            return y.Error;
        }

        var settings = await TaxSettings.CommunityAsync(db, community.Id);
        var summaries = await ForPeriodAsync(db, community.Id, new DateOnly(y.Value, 1, 1), new DateOnly(y.Value, 12, 31));
        var people = summaries.Select(s => new PersonId(Guid.Parse(s.PersonId))).ToList();
        var profiles = await db.TaxProfiles.AsNoTracking().Where(p => people.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId);
        var rows = new List<AnnualRow>();
        foreach (var summary in summaries)
        {
            var address = string.Empty;
            if (profiles.GetValueOrDefault(new PersonId(Guid.Parse(summary.PersonId))) is { } profile)
            {
                var opened = box.Open(profile.Address, SecretBox.PayeeAddress);
                if (!opened.IsSuccess)
                {
                    return opened.Error;
                }

                address = opened.Value;
            }

            foreach (var kind in summary.Lines.GroupBy(l => l.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                rows.Add(new AnnualRow(summary.PersonId, summary.LegalName.Length > 0 ? summary.LegalName : summary.DisplayName, address, summary.Status, summary.InvoiceNumber,
                    kind.Key, WithholdingKind.Of(kind.Key).Value.Japanese, Yen(kind.Aggregate(Int128.Zero, (s, l) => s + Units(l.Gross))), Yen(kind.Aggregate(Int128.Zero, (s, l) => s + Units(l.Withheld)))));
            }
        }

        return new AnnualReport(y.Value, community.Name, settings.InvoiceNumber, rows,
            Yen(rows.Aggregate(Int128.Zero, (s, r) => s + Units(r.Gross))), Yen(rows.Aggregate(Int128.Zero, (s, r) => s + Units(r.Withheld))), summaries.Count);
    }

    /// <summary>
    /// The 支払調書 data as CSV, UTF-8 with a BOM so Excel reads the Japanese: one row per payee and kind, then a 合計
    /// row. The My Number column is left empty for the operator to fill outside Mikoshi.
    /// </summary>
    public static string AnnualCsv(AnnualReport report)
    {
        var csv = new StringBuilder("\uFEFF年,支払者,支払者登録番号,支払を受ける者の氏名又は名称,住所,個人番号又は法人番号,個人・法人,登録番号,区分,支払金額,源泉徴収税額,person_id\r\n");
        foreach (var row in report.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{report.Year},{CsvText.Field(report.Payer)},{report.PayerInvoiceNumber},{CsvText.Field(row.Name)},{CsvText.Field(row.Address)},,{StatusJapanese(row.Status)},{row.InvoiceNumber},{row.KindJapanese},{row.Gross.Amount},{row.Withheld.Amount},{row.PersonId}\r\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $"{report.Year},{CsvText.Field(report.Payer)},{report.PayerInvoiceNumber},合計,,,,,,{report.TotalGross.Amount},{report.TotalWithheld.Amount},\r\n");
        return csv.ToString();
    }

    private static string StatusJapanese(string status) => status switch
    {
        "individual" => "個人",
        "company" => "法人",
        _ => string.Empty,
    };

    private static Int128 Units(AmountView view) => Int128.Parse(view.Amount, CultureInfo.InvariantCulture);

    private static AmountView Yen(Int128 units) => AmountView.Of(Asset.Jpy.Code, units);

    private static async Task<List<(PayoutLineRow Line, DateOnly Day)>> PaidLinesAsync(MikoshiDb db, CommunityId community, DateOnly from, DateOnly to)
    {
        var batches = (await db.PayoutBatches.AsNoTracking().Where(b => b.CommunityId == community && b.State == PayoutBatchState.Paid && b.Asset == "JPY").ToListAsync())
            .Select(b => (b.Number, Day: b.TransferDay))
            .Where(b => b.Day >= from && b.Day <= to).ToDictionary(b => b.Number, b => b.Day);
        var numbers = batches.Keys.ToList();
        var lines = await db.PayoutLines.AsNoTracking().Where(l => l.CommunityId == community && numbers.Contains(l.BatchNumber)).ToListAsync();
        return lines.Select(l => (l, batches[l.BatchNumber])).ToList();
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/tax/withholding-due", async (string? period, HttpContext http, MikoshiDb db) =>
                Problems.From(await DueAsync(db, http.Caller().RequireCommunity().Id, period)))
            .Allow(Access.Treasurer)
            .WithSummary("What a month (period=2026-11) or a 納期の特例 half year (period=2026-H2) owes the tax office: withheld, paid, outstanding, due date.")
            .Produces<WithholdingDueView>();
        api.MapGet("/communities/{slug}/tax/withholding-payments", async (HttpContext http, MikoshiDb db) =>
                Results.Ok(await PaymentsAsync(db, http.Caller().RequireCommunity().Id)))
            .Allow(Access.Treasurer)
            .WithSummary("Payments of withheld tax to the tax office, newest first.")
            .Produces<List<WithholdingPaymentView>>();
        api.MapPost("/communities/{slug}/tax/withholding-payments", async (WithholdingPaymentRequest request, TaxReports reports, HttpContext http) =>
            {
                var caller = http.Caller();
                return Problems.From(await reports.PayAsync(caller, request), StatusCodes.Status201Created, http);
            })
            .Allow(Access.Treasurer)
            .WithSummary("Record that a period's outstanding withholding was paid to the tax office: 預り金 → outside, in the journal.")
            .Produces<WithholdingPaymentView>(StatusCodes.Status201Created);
        api.MapGet("/communities/{slug}/tax/annual", async (int? year, string? format, HttpContext http, MikoshiDb db, SecretBox box, TimeProvider clock) =>
            {
                var community = http.Caller().RequireCommunity();
                var report = await AnnualAsync(db, box, community, year, clock.GetUtcNow());
                if (!report.IsSuccess || format != "csv")
                {
                    return Problems.From(report);
                }

                return Results.File(Encoding.UTF8.GetBytes(AnnualCsv(report.Value)), "text/csv; charset=utf-8", $"shiharai-chosho-{community.Slug}-{report.Value.Year}.csv");
            })
            .Allow(Access.Treasurer)
            .WithSummary("The year's 支払調書 data per payee and kind, with totals: JSON, or format=csv (UTF-8 with BOM). No My Number is ever included.")
            .Produces<AnnualReport>();
        api.MapGet("/communities/{slug}/me/tax/notice", async (int? year, HttpContext http, MikoshiDb db, TimeProvider clock) =>
            {
                var caller = http.Caller();
                return Problems.From(await NoticeAsync(db, caller.RequireCommunity(), caller.RequirePerson(), year, clock.GetUtcNow()));
            })
            .Allow(Access.SignedIn)
            .WithSummary("My 支払通知 for a year: what the community paid me, withheld and net, with both invoice numbers.")
            .Produces<PaymentNotice>();
    }
}
