using System.Text.Json;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Cli;

/// <summary>`mikoshi notifications` and `mikoshi channel` (issue #17), through the executable's entry point, on both stores.</summary>
[Collection(CliCollection.Name)]
public sealed class NotificationCliTests
{
    [Theory]
    // SQLite only: the command line runs on PostgreSQL in CliTests; these rules are proved on PostgreSQL through HTTP.
    [InlineData("sqlite")]
    public async Task Invitation_DispatchedByHand_ListedReadAndRefusals_FromTheCommandLine(string provider)
    {
        var db = provider == "postgres"
            ? PostgresServer.NewDatabase()
            : $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-cli-{Guid.NewGuid():N}.db")}";
        string[] store = ["--provider", provider, "--db", db];
        string[] community = ["--community", "cli-news", .. store];
        foreach (var who in new[] { "lead", "ina" })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["person", "add", "--email", $"{who}@example.jp", "--password", "long enough password", "--name", who, .. store])).Code);
        }

        Assert.Equal(0, (await CliTests.RunAsync(["community", "create", "--owner", "lead@example.jp", "--slug", "cli-news", "--name", "News", .. store])).Code);
        Assert.Equal(0, (await CliTests.RunAsync(["deposit", "--by", "lead@example.jp", "--asset", "JPY", "--amount", "50000", "--reference", "r1", "--for", "lead@example.jp", .. community])).Code);
        Assert.Equal(0, (await CliTests.RunAsync(["token", "mint", "--by", "lead@example.jp", .. community])).Code);
        Assert.Equal(0, (await CliTests.RunAsync(["project", "create", "--by", "lead@example.jp", "--title", "祭り", .. community])).Code);
        Assert.Equal(0, (await CliTests.RunAsync(["project", "invite", "1", "--by", "lead@example.jp", "--person", "ina@example.jp", "--role", "writer", .. community])).Code);

        var dispatched = await CliTests.RunAsync(["notifications", "dispatch", .. store]);
        Assert.Equal(0, dispatched.Code);
        Assert.True(JsonDocument.Parse(dispatched.Output).RootElement.GetProperty("pass").GetProperty("expanded").GetInt32() >= 2);
        var listed = await CliTests.RunAsync(["notifications", "list", "--by", "ina@example.jp", .. store]);
        var page = JsonDocument.Parse(listed.Output).RootElement;
        Assert.Equal(1, page.GetProperty("unread").GetInt32());
        Assert.Equal("invitation.received", page.GetProperty("items")[0].GetProperty("kind").GetString());
        Assert.Equal(0, (await CliTests.RunAsync(["notifications", "read", "--by", "ina@example.jp", .. store])).Code);
        Assert.Equal(0, JsonDocument.Parse((await CliTests.RunAsync(["notifications", "list", "--by", "ina@example.jp", .. store])).Output).RootElement.GetProperty("unread").GetInt32());

        var alwaysOn = await CliTests.RunAsync(["notifications", "set", "--by", "ina@example.jp", "--kind", "payout.paid", "--delivery", "off", .. store]);
        Assert.NotEqual(0, alwaysOn.Code);
        Assert.Contains("notification_always_on", alwaysOn.Error + alwaysOn.Output, StringComparison.Ordinal);
        var privateUrl = await CliTests.RunAsync(["channel", "add", "--by", "lead@example.jp", "--kind", "webhook", "--label", "x", "--url", "http://10.1.2.3/hook", .. community]);
        Assert.NotEqual(0, privateUrl.Code);
        Assert.Contains("webhook_url_private", privateUrl.Error + privateUrl.Output, StringComparison.Ordinal);
        var notAdmin = await CliTests.RunAsync(["channel", "add", "--by", "ina@example.jp", "--kind", "slack", "--label", "x", "--url", "https://hooks.example.jp/x", .. community]);
        Assert.Contains("forbidden", notAdmin.Error + notAdmin.Output, StringComparison.Ordinal);
        Assert.Equal("[]", JsonDocument.Parse((await CliTests.RunAsync(["channel", "list", "--by", "lead@example.jp", .. community])).Output).RootElement.GetProperty("items").GetRawText());

        // A channel for proposals only, widened, then deleted; a kind about one person is refused.
        var added = await CliTests.RunAsync(["channel", "add", "--by", "lead@example.jp", "--kind", "slack", "--label", "votes", "--url", "https://93.184.215.14/slack", "--events", "proposal.opened", .. community]);
        Assert.Equal(0, added.Code);
        Assert.Equal("[\"proposal.opened\"]", JsonDocument.Parse(added.Output).RootElement.GetProperty("events").GetRawText());
        var personal = await CliTests.RunAsync(["channel", "events", "1", "--by", "lead@example.jp", "--events", "payout.paid", .. community]);
        Assert.NotEqual(0, personal.Code);
        Assert.Contains("channel_event_not_public", personal.Error + personal.Output, StringComparison.Ordinal);
        var widened = await CliTests.RunAsync(["channel", "events", "1", "--by", "lead@example.jp", "--events", "proposal.opened, proposal.passed", .. community]);
        Assert.Equal(2, JsonDocument.Parse(widened.Output).RootElement.GetProperty("events").GetArrayLength());
        Assert.Equal(0, (await CliTests.RunAsync(["channel", "delete", "1", "--by", "lead@example.jp", .. community])).Code);
        Assert.Equal("[]", JsonDocument.Parse((await CliTests.RunAsync(["channel", "list", "--by", "lead@example.jp", .. community])).Output).RootElement.GetProperty("items").GetRawText());
    }
}
