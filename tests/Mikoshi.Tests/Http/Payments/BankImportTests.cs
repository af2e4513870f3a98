using System.Net;
using System.Net.Http.Json;
using Mikoshi.Domain.Payments;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Payments;

/// <summary>Bank transfers: transfer codes, the 全銀協 入出金取引明細 file and CSV imported (twice), and the reconciliation list.</summary>
public sealed class BankImportTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task ZenginFile_WithMatchedUnmatchedDuplicatedAndMalformedLines_ImportedTwice_CreditsAndMintsOnce(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var joiner = await app.SignUpAsync();
        var saver = await app.SignUpAsync();
        var stranger = await app.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/payments/settings", new { bankAccount = "みずほ銀行 渋谷支店 普通 1234567 ミコシ" })).StatusCode);

        // Without Stripe keys the page offers bank transfer only.
        var view = await (await joiner.Client.GetAsync($"/api/v1/communities/{slug}/payments/bank-transfer")).JsonAsync();
        Assert.False(view.GetProperty("cardPayments").GetBoolean());
        Assert.Equal("みずほ銀行 渋谷支店 普通 1234567 ミコシ", view.GetProperty("bankAccount").GetString());
        var joining = await (await joiner.Client.PostJsonAsync($"/api/v1/communities/{slug}/payments/bank-transfer", new { join = true, maxPrice = "10000" })).JsonAsync();
        Assert.Equal("MK1001", joining.GetProperty("code").GetString());
        Assert.Equal("MK1002", (await (await saver.Client.PostJsonAsync($"/api/v1/communities/{slug}/payments/bank-transfer", new { })).JsonAsync()).GetProperty("code").GetString());

        var file = Zengin.File(
            Zengin.Deposit(1, 10000, "MK1001 ﾔﾏﾀﾞ ﾀﾛｳ"),
            Zengin.Deposit(2, 3000, "ＭＫ１００２　ｽｽﾞｷ"),
            Zengin.Deposit(3, 5000, "ﾀﾅｶ ﾊﾅｺ"),
            Zengin.Deposit(3, 5000, "ﾀﾅｶ ﾊﾅｺ"),
            Zengin.Deposit(4, 700, "ﾘｿｸ"),
            Zengin.Malformed(5),
            Zengin.Withdrawal(6, 200));
        var first = await ImportAsync(admin, slug, "zengin", file);
        Assert.Equal(5, first.GetProperty("deposits").GetInt32());
        Assert.Equal(2, first.GetProperty("credited").GetInt32());
        Assert.Equal(2, first.GetProperty("unmatched").GetInt32());
        Assert.Equal(1, first.GetProperty("duplicates").GetInt32());
        Assert.Equal(1, first.GetProperty("withdrawals").GetInt32());
        var error = Assert.Single(first.GetProperty("errors").EnumerateArray());
        Assert.Equal(7, error.GetProperty("lineNumber").GetInt32());

        // Each deposit line's outcome, by its record number (the header is record 1).
        var outcomes = first.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("lineNumber").GetInt32(), l => l.GetProperty("outcome").GetString());
        Assert.Equal(new Dictionary<int, string?> { [2] = "credited", [3] = "credited", [4] = "unmatched", [5] = "duplicate", [6] = "unmatched" }, outcomes);

        var balances = await StripePaymentTests.BalancesAsync(admin, slug);
        Assert.Equal(3000, balances[$"person:{saver.Id.Replace("-", string.Empty, StringComparison.Ordinal)}"]);
        Assert.Equal(10000, balances["treasury"]);
        var joined = Assert.Single((await (await joiner.Client.GetAsync($"/api/v1/communities/{slug}/payments")).JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal("join", joined.GetProperty("purpose").GetString());
        Assert.Equal(1, joined.GetProperty("token").GetInt64());
        var entries = await StripePaymentTests.CountAsync(app, db => db.JournalEntries);

        // The same file again: every line is known by its identity, nothing changes.
        var second = await ImportAsync(admin, slug, "zengin", file);
        Assert.Equal(0, second.GetProperty("credited").GetInt32());
        Assert.Equal(0, second.GetProperty("unmatched").GetInt32());
        Assert.Equal(5, second.GetProperty("duplicates").GetInt32());
        Assert.All(second.GetProperty("lines").EnumerateArray(), l => Assert.Equal("duplicate", l.GetProperty("outcome").GetString()));
        Assert.Equal(entries, await StripePaymentTests.CountAsync(app, db => db.JournalEntries));

        // Reconciliation: the treasurer assigns one waiting line and ignores the other; neither can be settled twice.
        var waiting = (await (await admin.Client.GetAsync($"/api/v1/communities/{slug}/bank/lines?state=unmatched")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, waiting.Count);
        // A filter that is no state (the fuzzer's NUL byte reached PostgreSQL as a 500) is refused before any query.
        var notAState = await admin.Client.GetAsync($"/api/v1/communities/{slug}/bank/lines?state=a%00b");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAState.StatusCode);
        Assert.Equal("invalid_line_state", await notAState.ProblemCodeAsync());
        var tanaka = waiting.Single(l => l.GetProperty("amount").GetProperty("amount").GetString() == "5000").GetProperty("number").GetInt64();
        var interest = waiting.Single(l => l.GetProperty("amount").GetProperty("amount").GetString() == "700").GetProperty("number").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.PostJsonAsync($"/api/v1/communities/{slug}/bank/lines/{tanaka}/assign", new { personId = stranger.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/bank/lines/{tanaka}/assign", new { personId = stranger.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/bank/lines/{interest}/ignore", new { })).StatusCode);
        var again = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/bank/lines/{tanaka}/assign", new { personId = saver.Id });
        Assert.Equal("bank_line_settled", await again.ProblemCodeAsync());
        Assert.Equal(5000, (await StripePaymentTests.BalancesAsync(admin, slug))[$"person:{stranger.Id.Replace("-", string.Empty, StringComparison.Ordinal)}"]);

        var bad = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/bank/imports", new { format = "zengin", content = "not base64!" });
        Assert.Equal("invalid_content", await bad.ProblemCodeAsync());
        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task CsvExport_WithASavedMapping_ImportedTwice_CreditsOnce(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var member = await app.SignUpAsync();
        var code = (await (await member.Client.PostJsonAsync($"/api/v1/communities/{slug}/payments/bank-transfer", new { })).JsonAsync()).GetProperty("code").GetString();

        var unset = await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/bank/imports", new { format = "csv", content = Convert.ToBase64String("x"u8.ToArray()) });
        Assert.Equal("csv_mapping_not_set", await unset.ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/payments/settings", new { csv = new { date = 1, payer = 2, amount = 4, id = 5, hasHeader = true, encoding = "shift_jis" } })).StatusCode);
        var csv = ZenginStatement.ShiftJis.GetBytes(
            "日付,摘要,出金,入金,取引番号\r\n" +
            $"2026/11/20,\"{code} ｻﾄｳ\",,\"12,000\",T1\r\n" +
            "2026/11/21,ﾃﾞﾝｷﾀﾞｲ,4800,,T2\r\n" +
            "2026/11/22,ﾅﾅｼ,,300,T3\r\n" +
            "2026/13/40,ﾜﾙｲ,,100,T4\r\n");
        var first = await ImportAsync(admin, slug, "csv", csv);
        Assert.Equal(1, first.GetProperty("credited").GetInt32());
        Assert.Equal(1, first.GetProperty("unmatched").GetInt32());
        Assert.Equal(5, Assert.Single(first.GetProperty("errors").EnumerateArray()).GetProperty("lineNumber").GetInt32());
        var second = await ImportAsync(admin, slug, "csv", csv);
        Assert.Equal(0, second.GetProperty("credited").GetInt32());
        Assert.Equal(2, second.GetProperty("duplicates").GetInt32());
        Assert.Equal(12000, (await StripePaymentTests.BalancesAsync(admin, slug))[$"person:{member.Id.Replace("-", string.Empty, StringComparison.Ordinal)}"]);
        await DepositTests.AssertVerifiedAsync(app);
    }

    /// <summary>Two joins paid in one statement are settled in one write: each joiner gets a token of their own, numbered in turn.</summary>
    [Fact]
    public async Task TwoJoins_InOneStatement_MintTwoTokens()
    {
        await using var app = TestApp.Create("sqlite");
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var first = await app.SignUpAsync();
        var second = await app.SignUpAsync();
        var codes = new List<string>();
        foreach (var joiner in new[] { first, second })
        {
            var joining = await (await joiner.Client.PostJsonAsync($"/api/v1/communities/{slug}/payments/bank-transfer", new { join = true, maxPrice = "50000" })).JsonAsync();
            codes.Add(joining.GetProperty("code").GetString()!);
        }

        var result = await ImportAsync(admin, slug, "zengin", Zengin.File(Zengin.Deposit(1, 50000, $"{codes[0]} ﾔﾏﾀﾞ"), Zengin.Deposit(2, 50000, $"{codes[1]} ｽｽﾞｷ")));
        Assert.Equal(2, result.GetProperty("credited").GetInt32());
        var tokens = new List<long>();
        foreach (var joiner in new[] { first, second })
        {
            var joined = Assert.Single((await (await joiner.Client.GetAsync($"/api/v1/communities/{slug}/payments")).JsonAsync()).GetProperty("items").EnumerateArray());
            tokens.Add(joined.GetProperty("token").GetInt64());
        }

        Assert.Equal([1L, 2L], tokens.Order());
        var memos = (await (await admin.Client.GetAsync($"/api/v1/communities/{slug}/ledger?limit=50")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "mint").Select(e => e.GetProperty("memo").GetString()).Order().ToList();
        Assert.Equal(2, memos.Distinct().Count());
        await DepositTests.AssertVerifiedAsync(app);
    }

    private static async Task<System.Text.Json.JsonElement> ImportAsync(Person treasurer, string slug, string format, byte[] file)
    {
        var response = await treasurer.Client.PostJsonAsync($"/api/v1/communities/{slug}/bank/imports", new { format, content = Convert.ToBase64String(file) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }
}
