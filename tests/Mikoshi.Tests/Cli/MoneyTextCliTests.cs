using System.Text.RegularExpressions;

namespace Mikoshi.Tests.Cli;

/// <summary>
/// Issue #20, part 3 in the terminal: every sentence the CLI writes about money uses the one display the pages use
/// (¥15,400); only machine formats (JSON, CSV) keep units and asset codes. Refusals that name money too: the error
/// carries its amounts as values and the CLI words them, never "1500 JPY".
/// </summary>
[Collection(CliCollection.Name)]
public sealed partial class MoneyTextCliTests
{
    [GeneratedRegex(@"\d[\d,.]*\s*(JPY|USDC|ETH|USD)\b")]
    private static partial Regex AmountWithCode();

    [Fact]
    public async Task CliSentences_AndRefusals_ShowYenAsTheSiteDoes_AndNoAmountWithAnAssetCode()
    {
        var db = $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-money-{Guid.NewGuid():N}.db")}";
        string[] store = ["--provider", "sqlite", "--db", db];
        string[] community = ["--community", "money-salon", .. store];
        foreach (var who in new[] { "admin", "aki", "ben" })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["person", "add", "--email", $"{who}@example.jp", "--password", "long enough password", .. store])).Code);
        }

        Assert.Equal(0, (await CliTests.RunAsync(["community", "create", "--owner", "admin@example.jp", "--slug", "money-salon", "--name", "お金の神輿", .. store])).Code);
        foreach (var who in new[] { "aki", "ben" })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["deposit", "--by", "admin@example.jp", "--asset", "JPY", "--amount", "50000", "--reference", $"r-{who}", "--for", $"{who}@example.jp", .. community])).Code);
        }

        // Refusals that name money: a price above the buyer's limit, and an account that cannot pay (the admin deposited
        // nothing for herself). Each changes nothing and names its amounts in yen.
        var refusals = new List<(int Code, string Output, string Error)>
        {
            await CliTests.RunAsync(["token", "mint", "--by", "aki@example.jp", "--max-price", "100", .. community]),
            await CliTests.RunAsync(["token", "mint", "--by", "admin@example.jp", .. community]),
        };
        Assert.All(refusals, run => Assert.NotEqual(0, run.Code));
        Assert.Matches(@"^error price_(moved|below_value): .*¥\d", refusals[0].Error);
        Assert.Matches(@"^error insufficient_funds: .*holds ¥\d[\d,]* and cannot give ¥\d", refusals[1].Error);
        Assert.All(refusals, run => Assert.DoesNotMatch(AmountWithCode(), run.Error));

        // Sentences (on stderr beside the JSON answer): mint, sell and buy (the holders' share settled), redeem.
        var sentences = new List<(int Code, string Output, string Error)>
        {
            await CliTests.RunAsync(["token", "mint", "--by", "aki@example.jp", .. community]),
            await CliTests.RunAsync(["token", "mint", "--by", "ben@example.jp", .. community]),
            await CliTests.RunAsync(["token", "sell", "1", "--by", "aki@example.jp", "--price", "20000", .. community]),
            await CliTests.RunAsync(["token", "buy", "1", "--by", "ben@example.jp", .. community]),
            await CliTests.RunAsync(["token", "redeem", "2", "--by", "ben@example.jp", .. community]),
        };
        var machine = new List<(int Code, string Output, string Error)>
        {
            await CliTests.RunAsync(["payments", "list", "--by", "admin@example.jp", .. community]),
            await CliTests.RunAsync(["statement", "--by", "aki@example.jp", .. community]),
            await CliTests.RunAsync(["statement", "--by", "aki@example.jp", "--format", "csv", .. community]),
            await CliTests.RunAsync(["ledger", "--format", "csv", .. community]),
        };

        Assert.All(sentences.Concat(machine), run => Assert.True(run.Code == 0, run.Error));
        Assert.All(new[] { sentences[0], sentences[1], sentences[4] }, run => Assert.Contains("¥", run.Error, StringComparison.Ordinal));
        var texts = sentences.Concat(machine).Select(run => run.Error).Concat(sentences.Select(run => run.Output).Where(o => !o.TrimStart().StartsWith('{')));
        Assert.All(texts, text => Assert.DoesNotMatch(AmountWithCode(), text));

        // The machine formats keep their codes.
        Assert.Contains("JPY", machine[3].Output, StringComparison.Ordinal);
    }
}
