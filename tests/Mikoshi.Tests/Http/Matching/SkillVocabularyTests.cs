using System.Net;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Matching;

/// <summary>Skills across languages: 作曲 finds "Music composition" in the directory and in matching (issue #20 part 8).</summary>
public sealed class SkillVocabularyTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task JapaneseSkill_FindsMembersWhoWroteItInEnglish_InTheDirectoryAndInMatching(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync(displayName: "Admin");
        var slug = await admin.FoundCommunityAsync();
        var lead = await MatchingTests.MemberAsync(app, admin, slug, "Aki", ["企画"], ["joy"]);
        var composer = await MatchingTests.MemberAsync(app, admin, slug, "Ben", ["Music composition"], ["joy"]);
        var arranger = await MatchingTests.MemberAsync(app, admin, slug, "Cai", ["作曲・編曲"], ["joy"]);
        var editor = await MatchingTests.MemberAsync(app, admin, slug, "Dai", ["Video editing"], ["joy"]);
        var cook = await MatchingTests.MemberAsync(app, admin, slug, "Eri", ["cooking"], ["joy"]);

        async Task<List<string>> Directory(string skill) =>
            (await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/members?skill={Uri.EscapeDataString(skill)}")).JsonAsync())
                .GetProperty("items").EnumerateArray().Select(m => m.GetProperty("personId").GetString()!).Order(StringComparer.Ordinal).ToList();

        var composers = new[] { composer.Id, arranger.Id }.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(composers, await Directory("作曲"));
        Assert.Equal(composers, await Directory("music composition"));
        Assert.Equal([editor.Id], await Directory("映像編集"));
        Assert.Equal([cook.Id], await Directory("Cooking"));
        Assert.Empty(await Directory("太鼓"));

        var created = await lead.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects",
            new { title = "テーマ曲のMV", neededSkills = new[] { "作曲", "映像編集" }, values = new[] { "joy" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = (await created.JsonAsync()).GetProperty("id").GetInt64();
        var suggestion = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/projects/{project}/suggestions")).JsonAsync();
        var members = suggestion.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("personId").GetString()!).ToList();
        Assert.Equal(2, members.Count);
        Assert.Contains(editor.Id, members);
        Assert.Contains(members, composers.Contains);
        Assert.Empty(suggestion.GetProperty("uncovered").EnumerateArray());
        Assert.Equal(["作曲", "映像編集"], suggestion.GetProperty("coveredBySuggestions").EnumerateArray().Select(t => t.GetString()));
        Assert.DoesNotContain(suggestion.GetProperty("notes").EnumerateArray(), n => n.GetProperty("kind").GetString() == "nobodyHasSkills");
    }
}
