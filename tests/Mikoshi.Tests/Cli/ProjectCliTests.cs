using System.Text.Json;

namespace Mikoshi.Tests.Cli;

/// <summary>`mikoshi project`, `contribution` and `thanks`, through the executable's entry point.</summary>
[Collection(Mikoshi.Tests.Cli.CliCollection.Name)]
public sealed class ProjectCliTests
{
    [Fact]
    public async Task Project_FromTheCommandLine_CreateInviteAcceptJoinDeclineRecordAcknowledgeThank()
    {
        string[] store = ["--provider", "sqlite", "--db", $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-cli-{Guid.NewGuid():N}.db")}"];
        string[] community = ["--community", "cli-studio", .. store];
        foreach (var (who, name) in new[] { ("admin", "Admin"), ("lead", "Lea"), ("ina", "稲"), ("mem", "Mem") })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["person", "add", "--email", $"{who}@example.jp", "--password", "long enough password", "--name", name, .. store])).Code);
        }

        Assert.Equal(0, (await CliTests.RunAsync(["community", "create", "--owner", "admin@example.jp", "--slug", "cli-studio", "--name", "Studio", .. store])).Code);
        foreach (var who in new[] { "lead", "mem" })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["deposit", "--by", "admin@example.jp", "--asset", "JPY", "--amount", "50000", "--reference", $"r-{who}", "--for", $"{who}@example.jp", .. community])).Code);
            Assert.Equal(0, (await CliTests.RunAsync(["token", "mint", "--by", $"{who}@example.jp", .. community])).Code);
        }

        var created = await CliTests.RunAsync(["project", "create", "--by", "lead@example.jp", "--title", "祭りの絵巻", "--description", "A picture scroll.",
            "--skill", "illustration", "--skill", "writing", "--value", "joy", "--idempotency-key", "p1", .. community]);
        var again = await CliTests.RunAsync(["project", "create", "--by", "lead@example.jp", "--title", "祭りの絵巻", "--description", "A picture scroll.",
            "--skill", "illustration", "--skill", "writing", "--value", "joy", "--idempotency-key", "p1", .. community]);
        var steps = new List<(int Code, string Output, string Error)>
        {
            await CliTests.RunAsync(["project", "invite", "1", "--by", "lead@example.jp", "--person", "ina@example.jp", "--role", "Writer", .. community]),
            await CliTests.RunAsync(["project", "accept", "1", "--by", "ina@example.jp", .. community]),
            await CliTests.RunAsync(["project", "join", "1", "--by", "mem@example.jp", "--role", "composer", .. community]),
            await CliTests.RunAsync(["project", "decline", "2", "--by", "lead@example.jp", .. community]),
            await CliTests.RunAsync(["project", "status", "1", "--by", "lead@example.jp", "--to", "forming", .. community]),
            await CliTests.RunAsync(["contribution", "record", "1", "--by", "ina@example.jp", "--summary", "Wrote the captions", "--evidence", "https://example.jp/captions", .. community]),
            await CliTests.RunAsync(["contribution", "acknowledge", "1", "--by", "lead@example.jp", .. community]),
            await CliTests.RunAsync(["thanks", "--by", "lead@example.jp", "--to", "ina@example.jp", "--message", "キャプション、ありがとう！", "--project", "1", .. community]),
        };
        var outsider = await CliTests.RunAsync(["project", "create", "--by", "ina@example.jp", "--title", "Mine", .. community]);
        var own = await CliTests.RunAsync(["contribution", "acknowledge", "1", "--by", "ina@example.jp", .. community]);

        // 稲 works on the project but holds no token: not a member, so no thanks in the community's name.
        var outsiderThanks = await CliTests.RunAsync(["thanks", "--by", "ina@example.jp", "--to", "lead@example.jp", "--message", "Thank you!", .. community]);
        var shown = await CliTests.RunAsync(["project", "show", "1", .. community]);
        var forming = await CliTests.RunAsync(["project", "list", "--status", "forming", .. community]);
        var ideas = await CliTests.RunAsync(["project", "list", "--status", "idea", .. community]);
        var history = await CliTests.RunAsync(["contribution", "history", "--person", "ina@example.jp", .. community]);
        var verified = await CliTests.RunAsync(["verify", .. store]);

        Assert.True(created.Code == 0, created.Error);
        Assert.Equal(1, JsonDocument.Parse(created.Output).RootElement.GetProperty("id").GetInt64());
        Assert.Equal(created.Output, again.Output);
        Assert.All(steps, step => Assert.True(step.Code == 0, step.Error));
        Assert.Equal(2, outsider.Code);
        Assert.Contains("forbidden", outsider.Error, StringComparison.Ordinal);
        Assert.Equal(2, own.Code);
        Assert.Contains("cannot_acknowledge_own", own.Error, StringComparison.Ordinal);
        Assert.Equal(2, outsiderThanks.Code);
        Assert.Contains("not_a_member", outsiderThanks.Error, StringComparison.Ordinal);

        Assert.True(shown.Code == 0, shown.Error);
        var project = JsonDocument.Parse(shown.Output).RootElement;
        Assert.Equal("forming", project.GetProperty("status").GetString());
        Assert.Equal(["Lea lead", "稲 writer"], project.GetProperty("team").EnumerateArray()
            .Select(m => $"{m.GetProperty("displayName").GetString()} {m.GetProperty("role").GetString()}"));
        Assert.Empty(project.GetProperty("pending").EnumerateArray());
        var contribution = Assert.Single(project.GetProperty("contributions").EnumerateArray());
        Assert.Equal("Lea", Assert.Single(contribution.GetProperty("acknowledgedBy").EnumerateArray()).GetProperty("displayName").GetString());
        Assert.Equal("キャプション、ありがとう！", Assert.Single(project.GetProperty("thanks").EnumerateArray()).GetProperty("message").GetString());
        Assert.Single(JsonDocument.Parse(forming.Output).RootElement.GetProperty("items").EnumerateArray());
        Assert.Empty(JsonDocument.Parse(ideas.Output).RootElement.GetProperty("items").EnumerateArray());
        var item = Assert.Single(JsonDocument.Parse(history.Output).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("https://example.jp/captions", item.GetProperty("evidenceUrl").GetString());
        Assert.True(verified.Code == 0, verified.Output + verified.Error);
    }

    [Fact]
    public async Task ProjectVerbs_HaveHelp()
    {
        foreach (var verb in new[] { "project", "contribution", "thanks" })
        {
            var help = await CliTests.RunAsync([verb, "--help"]);
            Assert.True(help.Code == 0, verb);
            Assert.Contains("Usage:", help.Output, StringComparison.Ordinal);
        }
    }
}
