using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Cli;

/// <summary>The LLC-type DAO mode and PDF statements through the executable's entry point.</summary>
[Collection(Mikoshi.Tests.Cli.CliCollection.Name)]
public sealed class LlcCliTests
{
    [Fact]
    public async Task Llc_FromTheCommandLine_TurnsOnApprovesExportsDraftsAndWritesAPdfStatement()
    {
        string[] store = ["--provider", "sqlite", "--db", $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-cli-{Guid.NewGuid():N}.db")}"];
        string[] community = ["--community", "cli-llc", .. store];
        foreach (var (who, name) in new[] { ("admin", "代表"), ("hana", "花子"), ("jiro", "次郎") })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["person", "add", "--email", $"{who}@example.jp", "--password", "long enough password", "--name", name, .. store])).Code);
        }

        Assert.Equal(0, (await CliTests.RunAsync(["community", "create", "--owner", "admin@example.jp", "--slug", "cli-llc", "--name", "合同会社ミコシ", .. store])).Code);
        Assert.Equal(0, (await CliTests.RunAsync(["deposit", "--by", "admin@example.jp", "--asset", "JPY", "--amount", "30000", "--reference", "r", "--for", "hana@example.jp", .. community])).Code);

        var notAdmin = await CliTests.RunAsync(["llc", "set", "--enabled", "true", "--by", "hana@example.jp", .. community]);
        var on = await CliTests.RunAsync(["llc", "set", "--enabled", "true", "--by", "admin@example.jp", .. community]);
        var refused = await CliTests.RunAsync(["token", "mint", "--by", "hana@example.jp", .. community]);
        var notExecutive = await CliTests.RunAsync(["llc", "approve", "jiro@example.jp", "--by", "hana@example.jp", .. community]);
        var approved = await CliTests.RunAsync(["llc", "approve", "hana@example.jp", "--role", "non_executive", "--by", "admin@example.jp", .. community]);
        var minted = await CliTests.RunAsync(["token", "mint", "--by", "hana@example.jp", .. community]);
        var csv = await CliTests.RunAsync(["llc", "members", "--format", "csv", .. community]);
        var articles = await CliTests.RunAsync(["llc", "articles", .. community]);
        var file = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.pdf");
        var pdf = await CliTests.RunAsync(["statement", "--by", "hana@example.jp", "--format", "pdf", "--out", file, .. community]);

        Assert.Equal(2, notAdmin.Code);
        Assert.Contains("forbidden", notAdmin.Error, StringComparison.Ordinal);
        Assert.True(on.Code == 0, on.Error);
        Assert.Equal(2, refused.Code);
        Assert.Contains("llc_member_not_approved", refused.Error, StringComparison.Ordinal);
        Assert.Equal(2, notExecutive.Code);
        Assert.Contains("llc_not_executive", notExecutive.Error, StringComparison.Ordinal);
        Assert.True(approved.Code == 0, approved.Error);
        Assert.True(minted.Code == 0, minted.Error);
        Assert.Contains(",花子,非業務執行社員,10000,JPY,1,", csv.Output, StringComparison.Ordinal);
        Assert.Contains(",代表,業務執行社員,0,JPY,0,", csv.Output, StringComparison.Ordinal);
        Assert.Contains("合同会社ミコシ", articles.Output, StringComparison.Ordinal);
        Assert.Contains("【ドラフト】", articles.Output, StringComparison.Ordinal);
        Assert.Contains("会社法第608条", articles.Output, StringComparison.Ordinal);
        Assert.True(pdf.Code == 0, pdf.Error);
        var read = await PdfText.ReadAsync(await File.ReadAllBytesAsync(file));
        File.Delete(file);
        Assert.Contains("花子", read.Text, StringComparison.Ordinal);
        Assert.Contains("¥30,000", read.Text, StringComparison.Ordinal);
        Assert.Contains("-¥10,000", read.Text, StringComparison.Ordinal);
        Assert.Contains("会員権の発行", read.Text, StringComparison.Ordinal);
    }
}
