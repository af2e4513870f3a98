using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Matching;

/// <summary>Suggestions, reputation and contribution views through HTTP (run with <c>FullyQualifiedName~Http.Matching</c>).</summary>
public sealed class MatchingTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task SuggestedTeam_CoversTheNeededSkills_WithReasons_AndCreditsReputationMapFollowTheWork(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync(displayName: "Admin");
        var slug = await admin.FoundCommunityAsync();
        var lead = await MemberAsync(app, admin, slug, "Aki", ["direction"], ["joy", "craft"]);
        var editor = await MemberAsync(app, admin, slug, "Ben", ["Video Editing", "sound"], ["joy", "craft", "honesty"]);
        var painter = await MemberAsync(app, admin, slug, "Cai", ["illustration"], ["honesty"]);
        await MemberAsync(app, admin, slug, "Dai", ["cooking"], ["joy"]);

        var created = await lead.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects",
            new { title = "祭りの映像", neededSkills = new[] { "video editing", "illustration", "knitting" }, values = new[] { "joy", "craft", "honesty" } });
        var project = (await created.JsonAsync()).GetProperty("id").GetInt64();
        var url = $"/api/v1/communities/{slug}/projects/{project}";

        var suggestion = await (await app.CreateClient().GetAsync($"{url}/suggestions")).JsonAsync();
        var members = suggestion.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(new[] { editor.Id, painter.Id }.Order(StringComparer.Ordinal), members.Select(m => m.GetProperty("personId").GetString()!).Order(StringComparer.Ordinal));
        var ben = members.Single(m => m.GetProperty("personId").GetString() == editor.Id);
        Assert.Equal("Ben", ben.GetProperty("displayName").GetString());
        var reasons = ben.GetProperty("reasons").EnumerateArray().ToDictionary(r => r.GetProperty("kind").GetString()!);
        Assert.Equal(["video editing"], Strings(reasons["covers"].GetProperty("tags")));
        Assert.Equal(3, reasons["sharesValues"].GetProperty("count").GetInt32());
        Assert.Equal(0, reasons["activeProjects"].GetProperty("count").GetInt32());
        Assert.Equal(["sound"], Strings(reasons["alsoBrings"].GetProperty("tags")));
        Assert.Equal(1, ben.GetProperty("score").GetProperty("covers").GetInt32());
        Assert.Equal(["knitting"], Strings(suggestion.GetProperty("uncovered")));
        var note = Assert.Single(suggestion.GetProperty("notes").EnumerateArray());
        Assert.Equal("nobodyHasSkills", note.GetProperty("kind").GetString());

        // Invite straight from the suggestion (the usual invitation); the invitee accepts and the suggestion moves on.
        var invitation = await (await lead.Client.PostJsonAsync($"{url}/invitations", new { personId = editor.Id, role = "video editing" })).JsonAsync();
        Assert.True((await (await app.CreateClient().GetAsync($"{url}/suggestions")).JsonAsync()).GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("personId").GetString() == editor.Id).GetProperty("invited").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.PostJsonAsync($"/api/v1/communities/{slug}/invitations/{invitation.GetProperty("id").GetInt64()}/accept", new { })).StatusCode);
        var after = await (await app.CreateClient().GetAsync($"{url}/suggestions")).JsonAsync();
        Assert.Equal(["video editing"], Strings(after.GetProperty("coveredByTeam")));
        Assert.Equal(painter.Id, Assert.Single(after.GetProperty("members").EnumerateArray()).GetProperty("personId").GetString());

        // Cai asks to join: a request is not an invitation, so Cai is not shown as invited.
        Assert.Equal(HttpStatusCode.Created, (await painter.Client.PostJsonAsync($"{url}/join-requests", new { role = "illustration" })).StatusCode);
        Assert.False(Assert.Single((await (await app.CreateClient().GetAsync($"{url}/suggestions")).JsonAsync()).GetProperty("members").EnumerateArray())
            .GetProperty("invited").GetBoolean());

        // Ben's work, acknowledged by Aki, becomes reputation in video editing, with its breakdown.
        var contribution = (await (await editor.Client.PostJsonAsync($"{url}/contributions", new { summary = "Cut the festival film" })).JsonAsync()).GetProperty("id").GetInt64();
        await lead.Client.PostJsonAsync($"/api/v1/communities/{slug}/contributions/{contribution}/acknowledge", new { });
        app.Clock.Advance(TimeSpan.FromDays(90));
        var reputation = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/people/{editor.Id}/reputation")).JsonAsync();
        Assert.Equal(180, reputation.GetProperty("halfLifeDays").GetInt32());
        var skill = Assert.Single(reputation.GetProperty("skills").EnumerateArray());
        Assert.Equal("video editing", skill.GetProperty("skill").GetString());
        var part = Assert.Single(skill.GetProperty("parts").EnumerateArray());
        Assert.Equal(contribution, part.GetProperty("contribution").GetInt64());
        Assert.Equal(90, part.GetProperty("ageDays").GetInt64());
        Assert.Equal(750, part.GetProperty("points").GetInt64());
        Assert.Equal(750, skill.GetProperty("points").GetInt64());

        // The half-life is the community's: a shorter one fades the same work faster.
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync($"/api/v1/communities/{slug}/matching-settings", new { halfLifeDays = 90 })).StatusCode);
        var faster = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/people/{editor.Id}/reputation")).JsonAsync();
        Assert.Equal(500, faster.GetProperty("skills")[0].GetProperty("points").GetInt64());

        // A released work rolls its credits, leads first; the map links Aki and Ben; the timeline tells Ben's story.
        var work = await (await editor.Client.PostJsonAsync($"{url}/works", new { title = "Festival film", url = "https://example.jp/film" })).JsonAsync();
        var credits = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/works/{work.GetProperty("id").GetInt64()}/credits")).JsonAsync();
        Assert.Equal(["lead", "video editing"], credits.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("role").GetString()));
        Assert.Equal(1, credits.GetProperty("blocks")[1].GetProperty("people")[0].GetProperty("acknowledged").GetInt32());
        var map = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/contribution-map")).JsonAsync();
        var edge = Assert.Single(map.GetProperty("edges").EnumerateArray());
        Assert.Equal(new[] { lead.Id, editor.Id }.Order(StringComparer.Ordinal), new[] { edge.GetProperty("a").GetString()!, edge.GetProperty("b").GetString()! }.Order(StringComparer.Ordinal));
        var svg = await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/contribution-map.svg");
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        var drawn = await svg.Content.ReadAsStringAsync();
        Assert.Contains("<line", drawn, StringComparison.Ordinal);
        Assert.Contains(">Ben<", drawn, StringComparison.Ordinal);
        var timeline = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/people/{editor.Id}/timeline")).JsonAsync();
        Assert.Equal(["work", "contribution", "joined"], timeline.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()));

        // Collaborators: Ben and Aki have worked together now; Cai shares Ben's values and brings illustration.
        var collaborators = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/people/{editor.Id}/suggestions")).JsonAsync();
        var people = collaborators.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("personId").GetString()).ToList();
        Assert.DoesNotContain(lead.Id, people);
        Assert.Contains(painter.Id, people);
        var cai = collaborators.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("personId").GetString() == painter.Id);
        Assert.Equal(["illustration"], Strings(cai.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "bringsSkills").GetProperty("tags")));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task EmptyInputs_GiveEmptyResultsWithNotes_AndABadHalfLifeChangesNothing(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync(displayName: "Admin");
        var slug = await admin.FoundCommunityAsync();
        var lead = await MemberAsync(app, admin, slug, "Aki", [], []);
        var bare = await (await lead.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects", new { title = "No skills named" })).JsonAsync();

        var none = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/projects/{bare.GetProperty("id").GetInt64()}/suggestions")).JsonAsync();
        Assert.Empty(none.GetProperty("members").EnumerateArray());
        Assert.Equal("noNeededSkills", Assert.Single(none.GetProperty("notes").EnumerateArray()).GetProperty("kind").GetString());
        var empty = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/people/{lead.Id}/suggestions")).JsonAsync();
        Assert.Empty(empty.GetProperty("people").EnumerateArray());
        Assert.Equal("emptyProfile", Assert.Single(empty.GetProperty("notes").EnumerateArray()).GetProperty("kind").GetString());
        var nobody = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/people/{lead.Id}/reputation")).JsonAsync();
        Assert.Empty(nobody.GetProperty("skills").EnumerateArray());
        Assert.Empty((await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/contribution-map")).JsonAsync()).GetProperty("edges").EnumerateArray());

        var settings = $"/api/v1/communities/{slug}/matching-settings";
        var cases = new (string Code, Func<Task<HttpResponseMessage>> Request)[]
        {
            ("invalid_half_life", () => admin.Client.PutAsJsonAsync(settings, new { halfLifeDays = 6 })),
            ("invalid_half_life", () => admin.Client.PutAsJsonAsync(settings, new { halfLifeDays = 3651 })),
            ("invalid_half_life", () => admin.Client.PutAsJsonAsync(settings, new { halfLifeDays = -1 })),
            ("invalid_half_life", () => admin.Client.PutAsJsonAsync(settings, new { })),
            ("malformed_request", () => admin.Client.PutAsJsonAsync(settings, new { halfLifeDays = "ninety" })),
            ("forbidden", () => lead.Client.PutAsJsonAsync(settings, new { halfLifeDays = 90 })),
            ("project_not_found", () => app.CreateClient().GetAsync($"/api/v1/communities/{slug}/projects/99/suggestions")),
            ("person_not_found", () => app.CreateClient().GetAsync($"/api/v1/communities/{slug}/people/{Guid.NewGuid():N}/suggestions")),
            ("person_not_found", () => app.CreateClient().GetAsync($"/api/v1/communities/{slug}/people/nobody/reputation")),
            ("work_not_found", () => app.CreateClient().GetAsync($"/api/v1/communities/{slug}/works/99/credits")),
        };
        foreach (var (code, request) in cases)
        {
            var before = await StoreSnapshot.TakeAsync(app);
            var response = await request();
            Assert.Equal(code, await response.ProblemCodeAsync());
            Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        }

        Assert.Equal(180, (await (await app.CreateClient().GetAsync(settings)).JsonAsync()).GetProperty("halfLifeDays").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.PutAsJsonAsync(settings, new { halfLifeDays = 7 })).StatusCode);
        Assert.Equal(7, (await (await app.CreateClient().GetAsync(settings)).JsonAsync()).GetProperty("halfLifeDays").GetInt32());
        Assert.Contains("\"matching-settings.changed\"", await (await admin.Client.GetAsync($"/api/v1/communities/{slug}/audit")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A member with a token (the founder pays it in) and the profile given.</summary>
    internal static async Task<Person> MemberAsync(TestApp app, Person admin, string slug, string name, string[] skills, string[] values)
    {
        var person = await app.SignUpAsync(displayName: name);
        await admin.DepositAsync(slug, "50000", personId: person.Id);
        Assert.Equal(HttpStatusCode.Created, (await person.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.Client.PutAsJsonAsync("/api/v1/me/profile", new { skills, values })).StatusCode);
        return person;
    }

    private static List<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();
}
