using System.Text.Json;

namespace Mikoshi.Tests.Cli;

/// <summary>`mikoshi suggest team|people`, run as a separate process the way an operator runs them.</summary>
public sealed class MatchingCliTests
{
    [Fact]
    public async Task Suggest_TeamAndPeople_PrintTheReasons_AndAnUnknownProjectIsRefused()
    {
        string[] store = ["--provider", "sqlite", "--db", $"Data Source={Path.Combine(Path.GetTempPath(), $"mikoshi-cli-{Guid.NewGuid():N}.db")}"];
        string[] community = ["--community", "cli-match", .. store];
        foreach (var (who, name) in new[] { ("admin", "Admin"), ("lead", "Lea"), ("ed", "Ed") })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["person", "add", "--email", $"{who}@example.jp", "--password", "long enough password", "--name", name, .. store])).Code);
        }

        Assert.Equal(0, (await CliTests.RunAsync(["community", "create", "--owner", "admin@example.jp", "--slug", "cli-match", "--name", "Match", "--value", "joy", .. store])).Code);
        foreach (var (who, skill) in new[] { ("lead", "direction"), ("ed", "video editing") })
        {
            Assert.Equal(0, (await CliTests.RunAsync(["deposit", "--by", "admin@example.jp", "--asset", "JPY", "--amount", "50000", "--reference", $"r-{who}", "--for", $"{who}@example.jp", .. community])).Code);
            Assert.Equal(0, (await CliTests.RunAsync(["token", "mint", "--by", $"{who}@example.jp", .. community])).Code);
            Assert.Equal(0, (await CliTests.RunAsync(["profile", "--email", $"{who}@example.jp", "--skill", skill, "--value", "joy", .. store])).Code);
        }

        Assert.Equal(0, (await CliTests.RunAsync(["project", "create", "--by", "lead@example.jp", "--title", "Film", "--skill", "Video Editing", "--value", "joy", .. community])).Code);

        var team = await CliTests.RunAsync(["suggest", "team", "1", .. community]);
        var people = await CliTests.RunAsync(["suggest", "people", "--person", "lead@example.jp", .. community]);
        var missing = await CliTests.RunAsync(["suggest", "team", "9", .. community]);

        Assert.True(team.Code == 0, team.Error);
        var member = Assert.Single(JsonDocument.Parse(team.Output).RootElement.GetProperty("members").EnumerateArray());
        Assert.Equal("Ed", member.GetProperty("displayName").GetString());
        Assert.Contains(member.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("kind").GetString() == "covers" && r.GetProperty("tags")[0].GetString() == "Video Editing");
        Assert.True(people.Code == 0, people.Error);
        var collaborator = Assert.Single(JsonDocument.Parse(people.Output).RootElement.GetProperty("people").EnumerateArray());
        Assert.Equal("Ed", collaborator.GetProperty("displayName").GetString());
        Assert.Equal(2, missing.Code);
        Assert.Contains("project_not_found", missing.Error, StringComparison.Ordinal);
    }
}
