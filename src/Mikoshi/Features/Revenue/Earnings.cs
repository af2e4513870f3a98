using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain.Communities;
using Mikoshi.Domain.Ledger;
using Mikoshi.Domain.Membership;
using Mikoshi.Domain.Payouts;
using Mikoshi.Domain.Revenue;
using Mikoshi.Domain;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Projects;

namespace Mikoshi.Features.Revenue;

public sealed record ClaimRequest(string? Asset);

/// <summary>What a person can claim in one asset: their account, plus their tokens' holder share not yet settled.</summary>
public sealed record EarningLine(string Asset, AmountView Balance, AmountView HolderShareAccrued, AmountView Claimable, AmountView Pending, AmountView Paid);

public sealed record EarningsView(string PersonId, bool BankAccountOnFile, bool CapAtPaidIn, IReadOnlyList<EarningLine> Assets, IReadOnlyList<ClaimView> Claims);

public sealed record ClaimView(long Id, AmountView Amount, string State, long? Batch, DateTimeOffset At, long Entry);

public sealed record StatementLine(long Entry, DateTimeOffset At, string Kind, string Memo, string Reference, AmountView Amount, AmountView Balance);

public sealed record StatementView(string PersonId, string DisplayName, DateOnly From, DateOnly To, string Asset, AmountView Opening, AmountView Closing, IReadOnlyList<StatementLine> Lines);

/// <summary>
/// "My earnings": what a person can claim in each asset, the claim itself (the holder share settled
/// and the whole balance moved to the payout escrow, exactly once), and statements per period.
/// </summary>
public sealed class Earnings(Writer writer)
{
    public static async Task<EarningsView> ViewAsync(MikoshiDb db, Community community, PersonId person)
    {
        var account = AccountId.ForPerson(person.Value).ToString();
        var balances = await db.Balances.AsNoTracking().Where(b => b.CommunityId == community.Id && b.Account == account).ToListAsync();
        var accrued = await HolderShares.AccruedAsync(db, community, person);
        var claims = await db.Claims.AsNoTracking().Where(c => c.CommunityId == community.Id && c.PersonId == person)
            .OrderByDescending(c => c.Number).ToListAsync();
        var lines = community.Assets.Select(asset =>
        {
            var balance = balances.FirstOrDefault(b => b.Asset == asset)?.Units ?? Int128.Zero;
            var share = accrued.GetValueOrDefault(asset);
            var pending = claims.Where(c => c.Asset == asset && c.State != ClaimState.Paid).Aggregate(Int128.Zero, (sum, c) => sum + c.Amount);
            var paid = claims.Where(c => c.Asset == asset && c.State == ClaimState.Paid).Aggregate(Int128.Zero, (sum, c) => sum + c.Amount);
            return new EarningLine(asset, AmountView.Of(asset, balance), AmountView.Of(asset, share), AmountView.Of(asset, balance + share),
                AmountView.Of(asset, pending), AmountView.Of(asset, paid));
        }).ToList();
        var onFile = await db.BankAccounts.AsNoTracking().AnyAsync(b => b.PersonId == person);
        return new EarningsView(person.ToString(), onFile, community.CapHolderDistributions, lines, claims.Select(ClaimViewOf).ToList());
    }

    /// <summary>
    /// Claims everything claimable in an asset: settles the holder share of every token the person
    /// holds, then moves their whole balance to the payout escrow as one pending claim. Yen needs a
    /// bank account on file, since a Zengin transfer is how yen is paid.
    /// </summary>
    public Task<Result<Committed<ClaimView>>> ClaimAsync(Caller caller, ClaimRequest request, IdempotencyKey? idempotency) =>
        writer.RunAsync(caller, Access.SignedIn, idempotency, async write =>
        {
            var community = caller.RequireCommunity();
            var person = caller.RequirePerson();
            var db = write.Db;
            var asset = community.Accepts(request.Asset);
            if (!asset.IsSuccess)
            {
                return asset.Error;
            }

            if (asset.Value == Asset.Jpy && !await db.BankAccounts.AnyAsync(b => b.PersonId == person))
            {
                return RevenueErrors.BankAccountRequired;
            }

            var tokens = await db.Tokens.Where(t => t.CommunityId == community.Id && t.OwnerId == person).ToListAsync();
            await HolderShares.SettleAsync(write, tokens, person);
            var account = AccountId.ForPerson(person.Value).ToString();
            var balance = await db.Balances.FindAsync(community.Id, account, asset.Value.Code);
            var units = balance?.Units ?? Int128.Zero;
            if (units == Int128.Zero)
            {
                return RevenueErrors.NothingToClaim;
            }

            var posted = await write.PostAsync(JournalEntry.Move("claim", "claimed for payout", AccountId.ForPerson(person.Value), AccountId.PayoutEscrow, Money.Of(asset.Value, units)).Value);
            if (!posted.IsSuccess)
            {
                return posted.Error;
            }

            var number = await ChainHeads.TakeAsync(db, community.Id.Value, "claims");
            var made = Claim.Make(community.Id, number, person, Money.Of(asset.Value, units), write.At, posted.Value);
            if (!made.IsSuccess)
            {
                return made.Error;
            }

            var claim = made.Value;
            db.Claims.Add(claim);
            await write.AuditAsync("claim.made", new { claim = number, person = person.ToString(), asset = claim.Asset, amount = units.ToString(CultureInfo.InvariantCulture) });
            return Result<ClaimView>.Ok(ClaimViewOf(claim));
        });

    /// <summary>The instant <paramref name="day"/> begins in <paramref name="zone"/> (UTC when null); a skipped midnight moves on.</summary>
    private static DateTimeOffset DayStart(DateOnly day, TimeZoneInfo? zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var where = zone ?? TimeZoneInfo.Utc;
        while (where.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return new DateTimeOffset(midnight, where.GetUtcOffset(midnight));
    }

    /// <summary>No entry is older than the Unix epoch the ledger counts from.</summary>
    public static readonly DateOnly EarliestStatementDay = new(1970, 1, 1);

    /// <summary>A period ends at the start of the day after its last: the calendar's last day has none.</summary>
    public static readonly DateOnly LatestStatementDay = DateOnly.MaxValue.AddDays(-1);

    /// <summary>
    /// Every movement of a person's account in one asset, with running balances, for the days <paramref name="from"/> to <paramref name="to"/> as they begin and end in
    /// <paramref name="zone"/>: the reader's zone on a page (issue #20), UTC for the API when null.
    /// </summary>
    public static async Task<Result<StatementView>> StatementAsync(MikoshiDb db, Community community, PersonId person, DateOnly? from, DateOnly? to, string? assetCode, DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        var asset = community.Accepts(assetCode ?? community.BaseAsset);
        if (!asset.IsSuccess)
        {
            return asset.Error;
        }

        var last = to ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone ?? TimeZoneInfo.Utc).DateTime);
        var first = from ?? new DateOnly(last.Year, last.Month, 1);
        if (first > last)
        {
            return MembershipErrors.InvalidStatementPeriod;
        }

        if (first < EarliestStatementDay || last > LatestStatementDay)
        {
            return MembershipErrors.InvalidStatementPeriod;
        }

        var start = DayStart(first, zone).ToUnixTimeMilliseconds();
        var end = DayStart(last.AddDays(1), zone).ToUnixTimeMilliseconds();
        var account = AccountId.ForPerson(person.Value).ToString();
        var legs = await (from p in db.Postings.AsNoTracking()
                          join e in db.JournalEntries.AsNoTracking() on new { p.CommunityId, Number = p.EntryNumber } equals new { e.CommunityId, e.Number }
                          where p.CommunityId == community.Id && p.Account == account && p.Asset == asset.Value.Code && e.AtUnixMs < end
                          orderby e.Number
                          select new { e.Number, e.AtUnixMs, e.Kind, e.Memo, e.Reference, p.Units }).ToListAsync();
        var opening = legs.Where(l => l.AtUnixMs < start).Aggregate(Int128.Zero, (sum, l) => sum + l.Units);
        var running = opening;
        var lines = new List<StatementLine>();
        foreach (var leg in legs.Where(l => l.AtUnixMs >= start))
        {
            running += leg.Units;
            lines.Add(new StatementLine(leg.Number, ProjectBook.Instant(leg.AtUnixMs), leg.Kind, leg.Memo, leg.Reference,
                AmountView.Of(asset.Value.Code, leg.Units), AmountView.Of(asset.Value.Code, running)));
        }

        var names = await PeopleBook.NamesAsync(db, [person]);
        return new StatementView(person.ToString(), names.GetValueOrDefault(person, string.Empty), first, last, asset.Value.Code,
            AmountView.Of(asset.Value.Code, opening), AmountView.Of(asset.Value.Code, running), lines);
    }

    /// <summary>A statement as CSV a spreadsheet opens (UTF-8 with BOM, amounts in major units).</summary>
    public static string Csv(StatementView statement)
    {
        var csv = new StringBuilder("\uFEFFentry,date,kind,memo,reference,amount,balance,asset\r\n");
        var asset = Asset.FromKnownCode(statement.Asset).Value;
        string Major(AmountView amount) => Money.Of(asset, Int128.Parse(amount.Amount, CultureInfo.InvariantCulture)).ToPlainString();
        csv.Append(CultureInfo.InvariantCulture, $",{statement.From:yyyy-MM-dd},opening,,,,{Major(statement.Opening)},{statement.Asset}\r\n");
        foreach (var line in statement.Lines)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{line.Entry},{line.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{line.Kind},{CsvText.Field(line.Memo)},{CsvText.Field(line.Reference)},{Major(line.Amount)},{Major(line.Balance)},{statement.Asset}\r\n");
        }

        csv.Append(CultureInfo.InvariantCulture, $",{statement.To:yyyy-MM-dd},closing,,,,{Major(statement.Closing)},{statement.Asset}\r\n");
        return csv.ToString();
    }

    /// <summary>A statement as PDF (Japanese unless <paramref name="lang"/> is "en"); <paramref name="extra"/> adds fields under the heading.</summary>
    public static async Task<byte[]> PdfAsync(MikoshiDb db, StatementView statement, Community community, DateTimeOffset now, string? lang, IReadOnlyList<PdfField>? extra = null)
    {
        var language = PdfDocuments.Language(lang);
        var fields = await Features.Tax.TaxReports.PdfFieldsAsync(db, community.Id, language, new Features.Tax.TaxPeriod(new PersonId(Guid.Parse(statement.PersonId)), statement.From, statement.To, statement.Asset));
        fields.AddRange(extra ?? []);
        return RevenuePdfs.Statement(statement, community.Name, now, language, fields);
    }

    private static async Task<IResult> StatementResultAsync(HttpContext http, MikoshiDb db, PersonId person, DateOnly? from, DateOnly? to, string? asset, string? format, string? lang, TimeProvider clock)
    {
        var community = http.Caller().RequireCommunity();
        var statement = await StatementAsync(db, community, person, from, to, asset, clock.GetUtcNow(), DaysOf(community));
        if (!statement.IsSuccess)
        {
            return Problems.For(statement.Error);
        }

        var name = $"statement-{community.Slug}-{statement.Value.From:yyyyMMdd}-{statement.Value.To:yyyyMMdd}";
        return format switch
        {
            "csv" => Results.File(Encoding.UTF8.GetBytes(Csv(statement.Value)), "text/csv; charset=utf-8", name + ".csv"),
            "pdf" => Results.File(await PdfAsync(db, statement.Value, community, clock.GetUtcNow(), lang), PdfDocuments.ContentType, name + ".pdf"),
            _ => Results.Ok(statement.Value),
        };
    }

    /// <summary>
    /// Whose days a statement's from/to are: the community's time zone (Asia/Tokyo unless it chose another), so a
    /// Japanese salon's November or 2026 is November or 2026 in JST for the API, the CSV, the PDF and the CLI alike.
    /// </summary>
    public static TimeZoneInfo DaysOf(Community community) => Components.Times.Find(community.TimeZone) ?? Components.Times.Tokyo;

    private static ClaimView ClaimViewOf(Claim c) =>
        new(c.Number, AmountView.Of(c.Asset, c.Amount), c.State.ToString().ToLowerInvariant(), c.BatchNumber, ProjectBook.Instant(c.AtUnixMs), c.EntryNumber);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/communities/{slug}/me/earnings", async (HttpContext http, MikoshiDb db) =>
            {
                var caller = http.Caller();
                return Results.Ok(await ViewAsync(db, caller.RequireCommunity(), caller.RequirePerson()));
            })
            .Allow(Access.SignedIn)
            .WithSummary("My earnings per asset: balance, holder share accrued, claimable, pending and paid claims.")
            .Produces<EarningsView>();
        api.MapPost("/communities/{slug}/me/claims", (ClaimRequest request, Earnings earnings, HttpContext http) =>
                Idempotency.WriteAsync(http, request, StatusCodes.Status201Created, (caller, key) => earnings.ClaimAsync(caller, request, key)))
            .Allow(Access.SignedIn)
            .WithSummary("Claim everything claimable in an asset for the next payout batch (yen needs a bank account on file). Takes an Idempotency-Key.")
            .Produces<ClaimView>(StatusCodes.Status201Created);
        api.MapGet("/communities/{slug}/me/statement", (DateOnly? from, DateOnly? to, string? asset, string? format, string? lang, HttpContext http, MikoshiDb db, TimeProvider clock) =>
                StatementResultAsync(http, db, http.Caller().RequirePerson(), from, to, asset, format, lang, clock))
            .Allow(Access.SignedIn)
            .WithSummary("My statement for a period (from/to dates, days in the community's time zone — Asia/Tokyo unless it chose another; default this month; a whole month or year makes a monthly or yearly statement) in one asset; format=csv for a spreadsheet, format=pdf for a PDF with an embedded Japanese font (lang=en for English labels).")
            .Produces<StatementView>();
        api.MapGet("/communities/{slug}/people/{personId}/statement", async (string personId, DateOnly? from, DateOnly? to, string? asset, string? format, string? lang, HttpContext http, MikoshiDb db, TimeProvider clock) =>
            {
                var person = await PeopleBook.FindAsync(db, personId);
                return person.IsSuccess ? await StatementResultAsync(http, db, person.Value, from, to, asset, format, lang, clock) : Problems.For(person.Error);
            })
            .Allow(Access.Treasurer)
            .WithSummary("A person's statement for a period, for the community's treasurers; format=csv for a spreadsheet, format=pdf for a PDF.")
            .Produces<StatementView>();
    }
}
