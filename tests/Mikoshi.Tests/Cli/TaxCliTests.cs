using System.Globalization;
using System.Text;
using System.Text.Json;
using Mikoshi.Tests.Http.Tax;

namespace Mikoshi.Tests.Cli;

/// <summary>Japan tax from the command line (issue #21): withholding due and paid, the annual CSV, the accounting export.</summary>
[Collection(CliCollection.Name)]
public sealed class TaxCliTests
{
    [Fact]
    public async Task Tax_FromTheCommandLine_WithholdsPaysTheTaxOfficeReportsTheYearAndExportsTheBooks()
    {
        string[] store = ["--provider", "sqlite", "--db", $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-cli-{Guid.NewGuid():N}.db")}"];
        string[] community = ["--community", "cli-tax", .. store];
        foreach (var who in new[] { "admin", "aki" })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["person", "add", "--email", $"{who}@example.jp", "--password", "long enough password", .. store])).Code);
        }

        // The CLI runs on the real clock: the batch is paid today, so today's month owes the tax.
        var today = DateTime.UtcNow;
        var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var year = today.Year.ToString(CultureInfo.InvariantCulture);
        var steps = new List<(int Code, string Output, string Error)>
        {
            await CliTests.RunAsync(["community", "create", "--owner", "admin@example.jp", "--slug", "cli-tax", "--name", "Tax", .. store]),
            await CliTests.RunAsync(["deposit", "--by", "admin@example.jp", "--asset", "JPY", "--amount", "200000", "--reference", "r", "--for", "aki@example.jp", .. community]),
            await CliTests.RunAsync(["bank-account", "--by", "aki@example.jp", "--bank-code", "0001", "--bank-name", "ミズホ", "--branch-code", "001", "--branch-name", "トウキョウ", "--account-number", "1234567", "--holder", "ﾔﾏﾀﾞ ｱｷ", .. store]),
            await CliTests.RunAsync(["tax", "profile", "--by", "aki@example.jp", "--status", "individual", "--legal-name", "山田 明", "--address", "東京都", "--invoice-number", "T7123456789012", .. store]),
            await CliTests.RunAsync(["tax", "settings", "--by", "admin@example.jp", "--require-status", "--invoice-number", "T4011001098993", .. community]),
            await CliTests.RunAsync(["tax", "kind", "--by", "admin@example.jp", "--person", "aki@example.jp", "--kind", "manuscript", .. community]),
            await CliTests.RunAsync(["claim", "--by", "aki@example.jp", "--asset", "JPY", .. community]),
            await CliTests.RunAsync(["payout", "sender", "--by", "admin@example.jp", "--sender-code", "1234567890", "--sender-name", "ミコシ", "--bank-code", "0005", "--bank-name", "ミツビシ", "--branch-code", "123", "--branch-name", "シブヤ", "--account-number", "7654321", .. community]),
            await CliTests.RunAsync(["payout", "create", "--by", "admin@example.jp", "--asset", "JPY", .. community]),
            await CliTests.RunAsync(["payout", "confirm", "1", "--by", "admin@example.jp", .. community]),
        };
        Assert.All(steps, step => Assert.True(step.Code == 0, step.Error));

        // ¥200,000 of writing: ¥20,420 withheld.
        var due = await CliTests.RunAsync(["tax", "withholding-due", "--month", month, .. community]);
        Assert.True(due.Code == 0, due.Error);
        Assert.Equal("20420", JsonDocument.Parse(due.Output).RootElement.GetProperty("outstanding").GetProperty("amount").GetString());
        var pay = await CliTests.RunAsync(["tax", "pay-withholding", "--by", "admin@example.jp", "--period", month, .. community]);
        Assert.True(pay.Code == 0, pay.Error);
        var twice = await CliTests.RunAsync(["tax", "pay-withholding", "--by", "admin@example.jp", "--period", month, .. community]);
        Assert.Equal(2, twice.Code);
        Assert.Contains("nothing_due", twice.Error, StringComparison.Ordinal);
        var badNumber = await CliTests.RunAsync(["tax", "profile", "--by", "aki@example.jp", "--status", "individual", "--invoice-number", "T7123456789013", .. store]);
        Assert.Equal(2, badNumber.Code);
        Assert.Contains("invalid_invoice_number", badNumber.Error, StringComparison.Ordinal);

        var annual = await CliTests.RunAsync(["tax", "annual", "--year", year, .. community]);
        Assert.True(annual.Code == 0, annual.Error);
        Assert.StartsWith("\uFEFF年,", annual.Output, StringComparison.Ordinal);
        Assert.Contains("山田 明,東京都,,個人,T7123456789012,原稿料,200000,20420,", annual.Output, StringComparison.Ordinal);

        var books = await CliTests.RunAsync(["books", "export", .. community]);
        Assert.True(books.Code == 0, books.Error);
        var rows = JournalCsv.Parse(Encoding.UTF8.GetBytes(books.Output));
        Assert.All(rows.GroupBy(r => r.Number), g => Assert.Equal(g.Sum(r => r.DebitAmount), g.Sum(r => r.CreditAmount)));
        // deposit, claim, payout, payment to the tax office.
        Assert.Equal(4, rows.Select(r => r.Number).Distinct().Count());
        Assert.Contains(rows, r => r.DebitAccount == "預り金" && r.DebitAmount == 20_420 && r.CreditAccount == "普通預金" && r.Note.EndsWith("withholding-payment", StringComparison.Ordinal));
    }
}
