using System.Net;
using Mikoshi.Features.Kernel;
using Mikoshi.Features.Revenue;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Revenue;

/// <summary>
/// Statements and payout batch summaries as PDF: rendered and read back with poppler on a fontconfig that knows no
/// fonts, so the Japanese must come from the font embedded in the file.
/// </summary>
public sealed class PdfStatementTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task StatementsAndBatchSummary_AsPdf_ReadBackInJapanese_WithTheFontEmbedded_TimesInJst(string provider)
    {
        await using var app = TestApp.Create(provider);
        var s = await RevenueSetup.CreateAsync(app, split: false);
        await RevenueSetup.SetBankAccountAsync(s.Aki);
        Assert.Equal(HttpStatusCode.Created, (await s.Aki.Client.PostJsonAsync($"{s.Community}/me/claims", new { asset = "JPY" })).StatusCode);
        await s.SetSenderAsync();
        var batch = await (await s.Admin.Client.PostJsonAsync($"{s.Community}/payouts", new { asset = "JPY" })).JsonAsync();
        var now = app.Clock.GetUtcNow();
        var jst = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var month = new DateOnly(now.Year, now.Month, 1);

        // Monthly: the deposit of ¥50,000, the mint of ¥10,000 and the claim of the ¥40,000 left.
        var monthly = await PdfAsync(s.Aki.Client, $"{s.Community}/me/statement?format=pdf&from={month:yyyy-MM-dd}&to={month.AddMonths(1).AddDays(-1):yyyy-MM-dd}");
        Assert.Contains("月次取引明細書", monthly.Text, StringComparison.Ordinal);
        Assert.Contains("Aki", monthly.Text, StringComparison.Ordinal);
        Assert.Contains("¥50,000", monthly.Text, StringComparison.Ordinal);
        Assert.Contains("-¥10,000", monthly.Text, StringComparison.Ordinal);
        Assert.Contains("-¥40,000", monthly.Text, StringComparison.Ordinal);
        Assert.Contains("入金", monthly.Text, StringComparison.Ordinal);
        Assert.Contains(jst.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " JST", monthly.Text, StringComparison.Ordinal);
        Assert.Matches(@"IPAex\S*\s+CID TrueType\s+Identity-H\s+yes", monthly.Fonts);
        Assert.True(monthly.InkPixels > 500, $"only {monthly.InkPixels} dark pixels rendered");

        // Yearly, by the treasurer for Aki; and in English when asked.
        var yearly = await PdfAsync(s.Admin.Client, $"{s.Community}/people/{s.Aki.Id}/statement?format=pdf&from={now.Year}-01-01&to={now.Year}-12-31");
        Assert.Contains("年間取引明細書", yearly.Text, StringComparison.Ordinal);
        Assert.Contains("期末残高", yearly.Text, StringComparison.Ordinal);
        var english = await PdfAsync(s.Aki.Client, $"{s.Community}/me/statement?format=pdf&lang=en");
        Assert.Contains("Balance", english.Text, StringComparison.Ordinal);

        // The batch summary: names and amounts, never the bank account number.
        var summary = await PdfAsync(s.Admin.Client, $"{s.Community}/payouts/{batch.GetProperty("id").GetInt64()}/export?format=pdf");
        Assert.Contains("支払バッチ明細", summary.Text, StringComparison.Ordinal);
        Assert.Contains("未払い", summary.Text, StringComparison.Ordinal);
        Assert.Contains("¥40,000", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567", summary.Text, StringComparison.Ordinal);
        Assert.Matches(@"IPAex\S*\s+CID TrueType\s+Identity-H\s+yes", summary.Fonts);

        // Only the treasurers read another person's statement or a batch, as PDF as in any format.
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Ben.Client.GetAsync($"{s.Community}/people/{s.Aki.Id}/statement?format=pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Aki.Client.GetAsync($"{s.Community}/payouts/1/export?format=pdf")).StatusCode);
    }

    [Fact]
    public async Task Statement_WithExtraFields_ShowsThemUnderTheHeading()
    {
        var statement = new StatementView(Guid.NewGuid().ToString(), "山田 花子", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), "JPY",
            AmountView.Of("JPY", 0), AmountView.Of("JPY", 1_000_000), []);
        var pdf = RevenuePdfs.Statement(statement, "みんなの神輿", new DateTimeOffset(2026, 12, 31, 15, 30, 0, TimeSpan.Zero), PdfDocuments.Language(null),
            [new PdfField("源泉徴収税額", "¥102,100"), new PdfField("登録番号", "T1234567890123")]);

        var read = await PdfText.ReadAsync(pdf);

        Assert.Contains("源泉徴収税額", read.Text, StringComparison.Ordinal);
        Assert.Contains("¥102,100", read.Text, StringComparison.Ordinal);
        Assert.Contains("T1234567890123", read.Text, StringComparison.Ordinal);
        Assert.Contains("2027-01-01 00:30 JST", read.Text, StringComparison.Ordinal);
        Assert.Contains("¥1,000,000", read.Text, StringComparison.Ordinal);
        Assert.Contains("この期間の取引はありません", read.Text, StringComparison.Ordinal);
    }

    private static async Task<PdfText.ReadBack> PdfAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await PdfText.ReadAsync(await response.Content.ReadAsByteArrayAsync());
    }
}
