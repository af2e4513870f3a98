using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Tax;

/// <summary>Japan tax (issue #21): withholding on payouts, the tax office's share, the annual report, invoice numbers and the accounting export.</summary>
public sealed class TaxTests
{
    private const string PayerNumber = "T4011001098993";
    private const string AkiNumber = "T7123456789012";

    private sealed record World(TestApp App, string Slug, Person Admin, Person Aki, Person Ben, Person Cai)
    {
        public string Community => $"/api/v1/communities/{Slug}";
    }

    private static async Task<World> WorldAsync(TestApp app)
    {
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync(displayName: "Aki");
        var ben = await app.SignUpAsync(displayName: "Ben");
        var cai = await app.SignUpAsync(displayName: "Cai");
        var slug = await admin.FoundCommunityAsync();
        foreach (var (person, yen) in new[] { (aki, "1200000"), (ben, "300000"), (cai, "50000") })
        {
            await admin.DepositAsync(slug, yen, personId: person.Id);
            await Revenue.RevenueSetup.SetBankAccountAsync(person);
        }

        return new World(app, slug, admin, aki, ben, cai);
    }

    private static async Task ClaimAsync(World w, Person person) =>
        Assert.Equal(HttpStatusCode.Created, (await person.Client.PostJsonAsync($"{w.Community}/me/claims", new { asset = "JPY" })).StatusCode);

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<Dictionary<string, string>> BalancesAsync(World w) =>
        (await (await w.Admin.Client.GetAsync($"{w.Community}/accounts")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Where(b => b.GetProperty("asset").GetString() == "JPY")
            .ToDictionary(b => b.GetProperty("account").GetString()!, b => b.GetProperty("amount").GetString()!);

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Payout_ToAnIndividualDesigner_PaysNetThroughZengin_HoldsTheTaxUntilPaid_AndReportsTheYear(string provider)
    {
        await using var app = TestApp.Create(provider);
        var w = await WorldAsync(app);
        await OkAsync(await w.Aki.Client.PutAsJsonAsync("/api/v1/me/tax-profile", new { status = "individual", legalName = "山田 明", address = "東京都渋谷区1-2-3", invoiceNumber = AkiNumber }));
        await OkAsync(await w.Ben.Client.PutAsJsonAsync("/api/v1/me/tax-profile", new { status = "company", legalName = "株式会社ベン", address = "大阪市北区4-5-6" }));
        await OkAsync(await w.Cai.Client.PutAsJsonAsync("/api/v1/me/tax-profile", new { status = "individual", legalName = "蔡", address = "福岡市" }));
        await OkAsync(await w.Admin.Client.PutAsJsonAsync($"{w.Community}/tax-settings", new { requireTaxStatus = true, invoiceNumber = PayerNumber, defaultKind = "none" }));
        await OkAsync(await w.Admin.Client.PutAsJsonAsync($"{w.Community}/payees/{w.Aki.Id}/kind", new { kind = "design" }));
        await OkAsync(await w.Admin.Client.PutAsJsonAsync($"{w.Community}/payees/{w.Ben.Id}/kind", new { kind = "design" }));
        foreach (var person in new[] { w.Aki, w.Ben, w.Cai })
        {
            await ClaimAsync(w, person);
        }

        await new Revenue.RevenueSetup(app, w.Slug, w.Admin, w.Aki, w.Ben, w.Cai, "").SetSenderAsync();
        var batch = await OkAsync(await w.Admin.Client.PostJsonAsync($"{w.Community}/payouts", new { asset = "JPY", transferDate = "2026-11-30" }), HttpStatusCode.Created);

        // ¥1,200,000 of design to an individual: 102,100 + 200,000 × 20.42% = ¥142,940 withheld. Ben is a company, Cai's kind is none.
        var lines = batch.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("personId").GetString()!);
        Assert.Equal("142940", lines[w.Aki.Id].GetProperty("withheld").GetProperty("amount").GetString());
        Assert.Equal("1057060", lines[w.Aki.Id].GetProperty("net").GetProperty("amount").GetString());
        Assert.Equal(AkiNumber, lines[w.Aki.Id].GetProperty("invoiceNumber").GetString());
        Assert.Equal("0", lines[w.Ben.Id].GetProperty("withheld").GetProperty("amount").GetString());
        Assert.Equal("0", lines[w.Cai.Id].GetProperty("withheld").GetProperty("amount").GetString());
        Assert.Equal("142940", batch.GetProperty("withheld").GetProperty("amount").GetString());

        // The bank file pays the net: 1,057,060 + 300,000 + 50,000.
        var id = batch.GetProperty("id").GetInt64();
        var zengin = await (await w.Admin.Client.GetAsync($"{w.Community}/payouts/{id}/export?format=zengin")).Content.ReadAsByteArrayAsync();
        Assert.Equal(6 * 122, zengin.Length);
        var paid = Enumerable.Range(1, 3).Select(r => long.Parse(Encoding.ASCII.GetString(zengin, r * 122 + 80, 10), CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal([50_000L, 300_000L, 1_057_060L], paid);
        Assert.Equal("8000003000001407060", Encoding.ASCII.GetString(zengin, 4 * 122, 19));

        await OkAsync(await w.Admin.Client.PostJsonAsync($"{w.Community}/payouts/{id}/confirm", new { }));
        var balances = await BalancesAsync(w);
        Assert.Equal("142940", balances["escrow:withholding"]);

        var due = await OkAsync(await w.Admin.Client.GetAsync($"{w.Community}/tax/withholding-due?period=2026-11"));
        Assert.Equal("142940", due.GetProperty("outstanding").GetProperty("amount").GetString());
        Assert.Equal("2026-12-10", due.GetProperty("due").GetString());
        Assert.Equal("0", (await OkAsync(await w.Admin.Client.GetAsync($"{w.Community}/tax/withholding-due?period=2026-12"))).GetProperty("withheld").GetProperty("amount").GetString());

        var payment = await OkAsync(await w.Admin.Client.PostJsonAsync($"{w.Community}/tax/withholding-payments", new { period = "2026-11" }), HttpStatusCode.Created);
        Assert.Equal("142940", payment.GetProperty("amount").GetProperty("amount").GetString());
        Assert.Equal("0", (await BalancesAsync(w)).GetValueOrDefault("escrow:withholding", "0"));
        Assert.Equal("0", (await OkAsync(await w.Admin.Client.GetAsync($"{w.Community}/tax/withholding-due?period=2026-11"))).GetProperty("outstanding").GetProperty("amount").GetString());
        var again = await w.Admin.Client.PostJsonAsync($"{w.Community}/tax/withholding-payments", new { period = "2026-11" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("nothing_due", await again.ProblemCodeAsync());

        // The year's 支払調書 data: UTF-8 with BOM, one row per payee and kind, then the totals; no My Number.
        var annual = await w.Admin.Client.GetAsync($"{w.Community}/tax/annual?year=2026&format=csv");
        var bytes = await annual.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("年,支払者,支払者登録番号,支払を受ける者の氏名又は名称,住所,個人番号又は法人番号,", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, l => l.StartsWith("2026,", StringComparison.Ordinal) && l.EndsWith($",{PayerNumber},山田 明,東京都渋谷区1-2-3,,個人,{AkiNumber},デザイン料,1200000,142940,{w.Aki.Id}", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.Contains(",株式会社ベン,大阪市北区4-5-6,,法人,,デザイン料,300000,0,", StringComparison.Ordinal));
        Assert.EndsWith(",合計,,,,,,1550000,142940,", csv[^1], StringComparison.Ordinal);
        Assert.Equal(5, csv.Length);

        // Aki's own 支払通知 carries both invoice numbers.
        var notice = await OkAsync(await w.Aki.Client.GetAsync($"{w.Community}/me/tax/notice?year=2026"));
        Assert.Equal(PayerNumber, notice.GetProperty("payerInvoiceNumber").GetString());
        var payee = notice.GetProperty("payee");
        Assert.Equal(AkiNumber, payee.GetProperty("invoiceNumber").GetString());
        Assert.Equal(("1200000", "142940", "1057060"), (payee.GetProperty("gross").GetProperty("amount").GetString(), payee.GetProperty("withheld").GetProperty("amount").GetString(), payee.GetProperty("net").GetProperty("amount").GetString()));

        // The PDFs say the same: the batch summary lines gross, withheld and net with the payee's number under the
        // community's; Aki's statement for November names both numbers and what was withheld.
        var summary = await PdfText.ReadAsync(await (await w.Admin.Client.GetAsync($"{w.Community}/payouts/{id}/export?format=pdf")).Content.ReadAsByteArrayAsync());
        foreach (var text in new[] { "源泉徴収税額", "差引支払額", "¥142,940", "¥1,057,060", PayerNumber, AkiNumber })
        {
            Assert.Contains(text, summary.Text, StringComparison.Ordinal);
        }

        var statement = await PdfText.ReadAsync(await (await w.Aki.Client.GetAsync($"{w.Community}/me/statement?from=2026-11-01&to=2026-11-30&asset=JPY&format=pdf")).Content.ReadAsByteArrayAsync());
        foreach (var text in new[] { "源泉徴収税額", "¥142,940", PayerNumber, AkiNumber })
        {
            Assert.Contains(text, statement.Text, StringComparison.Ordinal);
        }

        // The journal re-imported from the 仕訳帳 CSV: each 取引No balances, and the totals are the ledger's.
        await OkAsync(await w.Admin.Client.PutAsJsonAsync($"{w.Community}/books/accounts", new { names = new Dictionary<string, string> { ["person"] = "未払金, 会員" } }));
        var rows = JournalCsv.Parse(await (await w.Admin.Client.GetAsync($"{w.Community}/books/export")).Content.ReadAsByteArrayAsync());
        Assert.All(rows.GroupBy(r => r.Number), g =>
        {
            Assert.Equal(g.Sum(r => r.DebitAmount), g.Sum(r => r.CreditAmount));
            Assert.Single(g.Select(r => r.Day).Distinct());
        });
        Assert.Equal(Enumerable.Range(1, rows.Max(r => r.Number)), rows.Select(r => r.Number).Distinct());
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MikoshiDb>();
            var postings = await db.Postings.AsNoTracking().Where(p => p.Asset == "JPY").ToListAsync();
            // What accounts give is debited, what they receive credited.
            Assert.Equal((long)postings.Where(p => p.Units < 0).Aggregate(Int128.Zero, (s, p) => s - p.Units), rows.Sum(r => r.DebitAmount));
            Assert.Equal((long)postings.Where(p => p.Units > 0).Aggregate(Int128.Zero, (s, p) => s + p.Units), rows.Sum(r => r.CreditAmount));
            Assert.Equal(postings.Select(p => p.EntryNumber).Distinct().Count(), rows.Select(r => r.Number).Distinct().Count());
        }

        // The calendar's ends bound the export like any other day.
        var wholeCalendar = JournalCsv.Parse(await (await w.Admin.Client.GetAsync($"{w.Community}/books/export?from=0001-01-01&to=9999-12-31")).Content.ReadAsByteArrayAsync());
        Assert.Equal(rows, wholeCalendar);
        var payout = rows.Where(r => r.Note.EndsWith(" payout", StringComparison.Ordinal)).ToList();
        // The payout reads as an accountant writes it: 借方 未払金 gross / 貸方 普通預金 net, 預り金 withheld.
        Assert.Contains(payout, r => r.DebitAccount == "未払金" && r.DebitAmount == 1_550_000);
        Assert.Contains(payout, r => r.CreditAccount == "普通預金" && r.CreditAmount == 1_407_060);
        Assert.Contains(payout, r => r.CreditAccount == "預り金" && r.CreditAmount == 142_940);
        Assert.Contains(rows, r => r.DebitAccount == "普通預金" && r.CreditAccount == "未払金, 会員" && r.CreditAmount == 1_200_000 && r.Note.EndsWith(" deposit", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.DebitAccount == "預り金" && r.CreditAccount == "普通預金" && r.DebitAmount == 142_940 && r.Note.EndsWith(" withholding-payment", StringComparison.Ordinal));
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task BadInput_IsAProblemWithAStableCode_AndChangesNothing(string provider)
    {
        await using var app = TestApp.Create(provider);
        var w = await WorldAsync(app);
        await OkAsync(await w.Admin.Client.PutAsJsonAsync($"{w.Community}/tax-settings", new { requireTaxStatus = true }));
        await OkAsync(await w.Aki.Client.PutAsJsonAsync("/api/v1/me/tax-profile", new { status = "individual" }));
        await ClaimAsync(w, w.Aki);
        await ClaimAsync(w, w.Cai);   // Cai has no tax status
        await new Revenue.RevenueSetup(app, w.Slug, w.Admin, w.Aki, w.Ben, w.Cai, "").SetSenderAsync();

        var attempts = new (string Code, HttpStatusCode Status, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("invalid_invoice_number", HttpStatusCode.UnprocessableEntity, () => w.Ben.Client.PutAsJsonAsync("/api/v1/me/tax-profile", new { status = "individual", invoiceNumber = "T1123456789012" })),
            ("invalid_invoice_number", HttpStatusCode.UnprocessableEntity, () => w.Ben.Client.PutAsJsonAsync("/api/v1/me/tax-profile", new { status = "individual", invoiceNumber = "T712345678901" })),
            ("invalid_invoice_number", HttpStatusCode.UnprocessableEntity, () => w.Ben.Client.PutAsJsonAsync("/api/v1/me/tax-profile", new { status = "individual", invoiceNumber = "7123456789012" })),
            ("invalid_invoice_number", HttpStatusCode.UnprocessableEntity, () => w.Admin.Client.PutAsJsonAsync($"{w.Community}/tax-settings", new { invoiceNumber = "T40110010989930" })),
            ("invalid_tax_status", HttpStatusCode.UnprocessableEntity, () => w.Ben.Client.PutAsJsonAsync("/api/v1/me/tax-profile", new { status = "freelancer" })),
            ("unknown_withholding_kind", HttpStatusCode.UnprocessableEntity, () => w.Admin.Client.PutAsJsonAsync($"{w.Community}/payees/{w.Aki.Id}/kind", new { kind = "consulting" })),
            ("unknown_withholding_kind", HttpStatusCode.UnprocessableEntity, () => w.Admin.Client.PutAsJsonAsync($"{w.Community}/tax-settings", new { defaultKind = "bonus" })),
            ("tax_status_required", HttpStatusCode.Conflict, () => w.Admin.Client.PostJsonAsync($"{w.Community}/payouts", new { asset = "JPY" })),
            ("nothing_due", HttpStatusCode.Conflict, () => w.Admin.Client.PostJsonAsync($"{w.Community}/tax/withholding-payments", new { period = "2026-11" })),
            ("half_yearly_not_approved", HttpStatusCode.Conflict, () => w.Admin.Client.PostJsonAsync($"{w.Community}/tax/withholding-payments", new { period = "2026-H2" })),
            ("invalid_withholding_period", HttpStatusCode.UnprocessableEntity, () => w.Admin.Client.PostJsonAsync($"{w.Community}/tax/withholding-payments", new { period = "2026-13" })),
            ("unknown_book_account", HttpStatusCode.UnprocessableEntity, () => w.Admin.Client.PutAsJsonAsync($"{w.Community}/books/accounts", new { names = new Dictionary<string, string> { ["treasury"] = "現金", ["bank"] = "普通預金" } })),
            ("invalid_book_account_name", HttpStatusCode.UnprocessableEntity, () => w.Admin.Client.PutAsJsonAsync($"{w.Community}/books/accounts", new { names = new Dictionary<string, string> { ["treasury"] = " " } })),
        };
        foreach (var (code, status, send) in attempts)
        {
            var before = await StoreSnapshot.TakeAsync(app);
            var response = await send();
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(code, await response.ProblemCodeAsync());
            Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        }

        // Once Cai states a status the same batch goes through.
        await OkAsync(await w.Cai.Client.PutAsJsonAsync("/api/v1/me/tax-profile", new { status = "individual" }));
        await OkAsync(await w.Admin.Client.PostJsonAsync($"{w.Community}/payouts", new { asset = "JPY" }), HttpStatusCode.Created);
    }
}
