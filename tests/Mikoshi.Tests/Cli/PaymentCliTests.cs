using System.Text.Json;
using Mikoshi.Tests.Http.Payments;

namespace Mikoshi.Tests.Cli;

/// <summary>`mikoshi bank import` and `mikoshi payments list`, through the executable's entry point.</summary>
[Collection(CliCollection.Name)]
public sealed class PaymentCliTests
{
    [Fact]
    public async Task BankImport_FromTheCommandLine_TwiceChangesNothing_AndOnlyATreasurerMayImport()
    {
        string[] store = ["--provider", "sqlite", "--db", $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-cli-{Guid.NewGuid():N}.db")}"];
        string[] community = ["--community", "cli-pay", .. store];
        foreach (var who in new[] { "admin", "member" })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["person", "add", "--email", $"{who}@example.jp", "--password", "long enough password", "--name", who, .. store])).Code);
        }

        Assert.Equal(0, (await CliTests.RunAsync(["community", "create", "--owner", "admin@example.jp", "--slug", "cli-pay", "--name", "Pay", .. store])).Code);
        var file = Path.Combine(Path.GetTempPath(), $"statement-{Guid.NewGuid():N}.txt");
        await File.WriteAllBytesAsync(file, Zengin.File(Zengin.Deposit(1, 4000, "ﾀﾅｶ"), Zengin.Deposit(2, 300, "ﾘｿｸ"), Zengin.Malformed(3)));

        var first = await CliTests.RunAsync(["bank", "import", file, "--by", "admin@example.jp", .. community]);
        var second = await CliTests.RunAsync(["bank", "import", file, "--by", "admin@example.jp", .. community]);
        var refused = await CliTests.RunAsync(["bank", "import", file, "--by", "member@example.jp", .. community]);
        var list = await CliTests.RunAsync(["payments", "list", "--by", "admin@example.jp", .. community]);

        Assert.Equal(0, first.Code);
        var imported = JsonDocument.Parse(first.Output).RootElement;
        Assert.Equal(2, imported.GetProperty("unmatched").GetInt32());
        Assert.Equal(4, Assert.Single(imported.GetProperty("errors").EnumerateArray()).GetProperty("lineNumber").GetInt32());
        Assert.Equal(2, JsonDocument.Parse(second.Output).RootElement.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, JsonDocument.Parse(second.Output).RootElement.GetProperty("unmatched").GetInt32());
        Assert.NotEqual(0, refused.Code);
        Assert.Contains("forbidden", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, list.Code);
        Assert.Empty(JsonDocument.Parse(list.Output).RootElement.GetProperty("items").EnumerateArray());
    }
}
