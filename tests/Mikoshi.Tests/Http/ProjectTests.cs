using System.Net;
using System.Text.Json;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.Projects;

/// <summary>Projects, teams, contributions and thanks through HTTP (namespace <c>Projects</c> so the suite runs with <c>FullyQualifiedName~Projects</c>).</summary>
public sealed class ProjectTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Create_Invite_Accept_Contribute_Acknowledge_Advance_Thank_TellsTheWholeStory(string provider)
    {
        var app = apps.For(provider);
        var (slug, _, aki) = await CommunityWithMemberAsync(app);
        var ben = await app.SignUpAsync(displayName: "Ben");   // signed up, holds no token

        var created = await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects",
            new { title = "  祭りの絵巻  ", description = "A picture scroll of the summer festival.", neededSkills = new[] { "illustration", "Illustration", "writing" }, values = new[] { "open" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var project = (await created.JsonAsync()).GetProperty("id").GetInt64();
        var url = $"/api/v1/communities/{slug}/projects/{project}";
        var invited = await (await aki.Client.PostJsonAsync($"{url}/invitations", new { personId = ben.Id, role = "Writer" })).JsonAsync();
        var accepted = await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/invitations/{invited.GetProperty("id").GetInt64()}/accept", new { });
        app.Clock.Advance(TimeSpan.FromHours(1));
        var recorded = await ben.Client.PostJsonAsync($"{url}/contributions",
            new { summary = "Wrote the captions", evidenceUrl = "https://example.jp/captions", occurredAt = app.Clock.GetUtcNow().AddMinutes(-30) });
        var contribution = (await recorded.JsonAsync()).GetProperty("id").GetInt64();
        var acknowledged = await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/contributions/{contribution}/acknowledge", new { });
        var forming = await aki.Client.PostJsonAsync($"{url}/status", new { status = "forming" });
        var active = await aki.Client.PostJsonAsync($"{url}/status", new { status = "active" });
        var thanked = await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/thanks", new { to = ben.Id, message = "キャプション、ありがとう！", projectId = project });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forming.StatusCode);
        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal(HttpStatusCode.Created, thanked.StatusCode);

        var page = await (await app.CreateClient().GetAsync(url)).JsonAsync();
        Assert.Equal("祭りの絵巻", page.GetProperty("title").GetString());
        Assert.Equal("active", page.GetProperty("status").GetString());
        Assert.Equal(["illustration", "writing"], Strings(page.GetProperty("neededSkills")));
        Assert.Equal(["Aki lead", "Ben writer"], page.GetProperty("team").EnumerateArray()
            .Select(m => $"{m.GetProperty("displayName").GetString()} {m.GetProperty("role").GetString()}"));
        Assert.Empty(page.GetProperty("pending").EnumerateArray());
        var shown = Assert.Single(page.GetProperty("contributions").EnumerateArray());
        Assert.Equal("Aki", Assert.Single(shown.GetProperty("acknowledgedBy").EnumerateArray()).GetProperty("displayName").GetString());
        Assert.Equal("キャプション、ありがとう！", Assert.Single(page.GetProperty("thanks").EnumerateArray()).GetProperty("message").GetString());

        var history = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/people/{ben.Id}/contributions")).JsonAsync();
        var item = Assert.Single(history.GetProperty("items").EnumerateArray());
        Assert.Equal("Wrote the captions", item.GetProperty("summary").GetString());
        Assert.Equal("祭りの絵巻", item.GetProperty("projectTitle").GetString());
        Assert.Equal("https://example.jp/captions", item.GetProperty("evidenceUrl").GetString());
        Assert.Empty((await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/people/{aki.Id}/contributions")).JsonAsync()).GetProperty("items").EnumerateArray());

        var listed = await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/projects?status=active")).JsonAsync();
        Assert.Equal(project, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Empty((await (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/projects?status=idea")).JsonAsync()).GetProperty("items").EnumerateArray());

        var audit = await (await aki.Client.GetAsync($"/api/v1/communities/{slug}/audit")).Content.ReadAsStringAsync();
        foreach (var kind in new[] { "project.created", "project.invitation", "project.invitation.accepted", "contribution.recorded", "contribution.acknowledged", "project.status", "thanks" })
        {
            Assert.Contains($"\"{kind}\"", audit, StringComparison.Ordinal);
        }

        await DepositTests.AssertVerifiedAsync(app);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task RefusedProjectAndTeamChanges_AnswerTheirCode_AndChangeNothing(string provider)
    {
        var app = apps.For(provider);
        var (slug, admin, aki) = await CommunityWithMemberAsync(app);
        var ben = await app.SignUpAsync(displayName: "Ben");
        var cai = await app.SignUpAsync(displayName: "Cai");
        var url = await ProjectAsync(aki, slug);
        var invitation = (await (await aki.Client.PostJsonAsync($"{url}/invitations", new { personId = ben.Id, role = "writer" })).JsonAsync()).GetProperty("id").GetInt64();
        var invitations = $"/api/v1/communities/{slug}/invitations";

        var cases = new (string Code, Func<Task<HttpResponseMessage>> Request)[]
        {
            ("invalid_project", () => aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects", new { title = " " })),
            ("invalid_project", () => aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects", new { title = new string('a', 121) })),
            ("invalid_project", () => aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects", new { title = "ok", description = new string('a', 5001) })),
            ("invalid_project", () => aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects", new { title = "ok", neededSkills = new[] { new string('a', 41) } })),
            ("project_not_found", () => aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects/99/invitations", new { personId = ben.Id, role = "writer" })),
            ("not_project_lead", () => admin.Client.PostJsonAsync($"{url}/invitations", new { personId = cai.Id, role = "writer" })),
            ("person_not_found", () => aki.Client.PostJsonAsync($"{url}/invitations", new { personId = Guid.NewGuid().ToString("N"), role = "writer" })),
            ("already_on_team", () => aki.Client.PostJsonAsync($"{url}/invitations", new { personId = aki.Id, role = "writer" })),
            ("already_pending", () => aki.Client.PostJsonAsync($"{url}/invitations", new { personId = ben.Id, role = "editor" })),
            ("invitation_not_found", () => ben.Client.PostJsonAsync($"{invitations}/99/accept", new { })),
            ("not_invited", () => cai.Client.PostJsonAsync($"{invitations}/{invitation}/accept", new { })),
            ("not_invited", () => aki.Client.PostJsonAsync($"{invitations}/{invitation}/decline", new { })),
            ("not_project_lead", () => ben.Client.PostJsonAsync($"{url}/status", new { status = "forming" })),
            ("invalid_status_change", () => aki.Client.PostJsonAsync($"{url}/status", new { status = "idea" })),
            ("invalid_status", () => aki.Client.PostJsonAsync($"{url}/status", new { status = "finished" })),
            ("project_not_found", () => app.CreateClient().GetAsync($"/api/v1/communities/{slug}/projects/99")),
        };
        foreach (var (code, request) in cases)
        {
            var before = await StoreSnapshot.TakeAsync(app);
            var response = await request();
            Assert.Equal(code, await response.ProblemCodeAsync());
            Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/v1/communities/{slug}/projects/99")).StatusCode);

        // Accepted once, the invitation is closed; archived is final.
        Assert.Equal(HttpStatusCode.OK, (await ben.Client.PostJsonAsync($"{invitations}/{invitation}/accept", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await aki.Client.PostJsonAsync($"{url}/status", new { status = "archived" })).StatusCode);
        foreach (var (code, request) in new (string, Func<Task<HttpResponseMessage>>)[]
        {
            ("invitation_closed", () => ben.Client.PostJsonAsync($"{invitations}/{invitation}/accept", new { })),
            ("already_on_team", () => aki.Client.PostJsonAsync($"{url}/invitations", new { personId = ben.Id, role = "editor" })),
            ("invalid_status_change", () => aki.Client.PostJsonAsync($"{url}/status", new { status = "active" })),
            ("invalid_status_change", () => aki.Client.PostJsonAsync($"{url}/status", new { status = "archived" })),
        })
        {
            var before = await StoreSnapshot.TakeAsync(app);
            Assert.Equal(code, await (await request()).ProblemCodeAsync());
            Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        }
    }

    [Fact]
    public async Task JoinRequest_IsAnsweredByALead_NotByTheRequester_AndNobodyJoinsTwice()
    {
        var app = apps.For("sqlite");
        var (slug, admin, aki) = await CommunityWithMemberAsync(app);
        await admin.DepositAsync(slug, "50000", personId: admin.Id);
        Assert.Equal(HttpStatusCode.Created, (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        var url = await ProjectAsync(aki, slug);

        var asked = await admin.Client.PostJsonAsync($"{url}/join-requests", new { role = "editor" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var request = (await asked.JsonAsync()).GetProperty("id").GetInt64();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = await StoreSnapshot.TakeAsync(app);
        Assert.Equal("already_pending", await (await admin.Client.PostJsonAsync($"{url}/join-requests", new { role = "editor" })).ProblemCodeAsync());
        Assert.Equal("not_project_lead", await (await admin.Client.PostJsonAsync($"/api/v1/communities/{slug}/invitations/{request}/accept", new { })).ProblemCodeAsync());
        Assert.Equal("already_on_team", await (await aki.Client.PostJsonAsync($"{url}/join-requests", new { role = "editor" })).ProblemCodeAsync());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));

        Assert.Equal(HttpStatusCode.OK, (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/invitations/{request}/accept", new { })).StatusCode);
        Assert.Equal("already_on_team", await (await admin.Client.PostJsonAsync($"{url}/join-requests", new { role = "editor" })).ProblemCodeAsync());
        var team = (await (await app.CreateClient().GetAsync(url)).JsonAsync()).GetProperty("team");
        Assert.Equal(2, team.GetArrayLength());
        Assert.Equal("editor", team[1].GetProperty("role").GetString());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Contribution_IsAcknowledgedOnlyByAnotherTeamMember_Once_AndNeedsSoundEvidence(string provider)
    {
        var app = apps.For(provider);
        var (slug, admin, aki) = await CommunityWithMemberAsync(app);
        var ben = await app.SignUpAsync(displayName: "Ben");
        var url = await ProjectAsync(aki, slug);
        var invitation = (await (await aki.Client.PostJsonAsync($"{url}/invitations", new { personId = ben.Id, role = "writer" })).JsonAsync()).GetProperty("id").GetInt64();
        await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/invitations/{invitation}/accept", new { });
        var recorded = await aki.Client.PostJsonAsync($"{url}/contributions", new { summary = "Drew the cover" });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var acknowledge = $"/api/v1/communities/{slug}/contributions/{(await recorded.JsonAsync()).GetProperty("id").GetInt64()}/acknowledge";
        Assert.Equal(HttpStatusCode.OK, (await ben.Client.PostJsonAsync(acknowledge, new { })).StatusCode);

        var cases = new (string Code, Func<Task<HttpResponseMessage>> Request)[]
        {
            ("not_team_member", () => admin.Client.PostJsonAsync($"{url}/contributions", new { summary = "Cheered" })),
            ("invalid_evidence", () => aki.Client.PostJsonAsync($"{url}/contributions", new { summary = "x", evidenceUrl = "ftp://example.jp/a" })),
            ("invalid_evidence", () => aki.Client.PostJsonAsync($"{url}/contributions", new { summary = "x", evidenceUrl = "javascript:alert(1)" })),
            ("invalid_evidence", () => aki.Client.PostJsonAsync($"{url}/contributions", new { summary = "x", evidenceUrl = "https://example.jp/" + new string('a', 482) })),
            ("invalid_contribution", () => aki.Client.PostJsonAsync($"{url}/contributions", new { summary = "x", occurredAt = app.Clock.GetUtcNow().AddMinutes(1) })),
            ("invalid_contribution", () => aki.Client.PostJsonAsync($"{url}/contributions", new { summary = "" })),
            ("project_not_found", () => aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects/99/contributions", new { summary = "x" })),
            ("cannot_acknowledge_own", () => aki.Client.PostJsonAsync(acknowledge, new { })),
            ("already_acknowledged", () => ben.Client.PostJsonAsync(acknowledge, new { })),
            ("not_team_member", () => admin.Client.PostJsonAsync(acknowledge, new { })),
            ("contribution_not_found", () => ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/contributions/99/acknowledge", new { })),
        };
        foreach (var (code, request) in cases)
        {
            var before = await StoreSnapshot.TakeAsync(app);
            Assert.Equal(code, await (await request()).ProblemCodeAsync());
            Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        }

        // Exactly 500 characters of evidence is allowed.
        var longest = "https://example.jp/" + new string('a', 482);
        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync($"{url}/contributions", new { summary = "x", evidenceUrl = longest[..500] })).StatusCode);
    }

    [Fact]
    public async Task Thanks_RefusesYourselfAndLongMessages_AndTheFeedPagesNewestFirst()
    {
        var app = apps.For("sqlite");
        var (slug, admin, aki) = await CommunityWithMemberAsync(app);
        var ben = await app.SignUpAsync(displayName: "Ben");
        var outsider = await app.SignUpAsync(displayName: "Outsider");
        var thanks = $"/api/v1/communities/{slug}/thanks";

        // Thanks are for members: Ben joins first.
        await admin.DepositAsync(slug, "50000", personId: ben.Id);
        Assert.Equal(HttpStatusCode.Created, (await ben.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);

        foreach (var (code, request) in new (string, Func<Task<HttpResponseMessage>>)[]
        {
            ("forbidden", () => outsider.Client.PostJsonAsync(thanks, new { to = aki.Id, message = "hi" })),
            ("cannot_thank_yourself", () => ben.Client.PostJsonAsync(thanks, new { to = ben.Id, message = "me!" })),
            ("invalid_thanks", () => ben.Client.PostJsonAsync(thanks, new { to = aki.Id, message = new string('あ', 281) })),
            ("invalid_thanks", () => ben.Client.PostJsonAsync(thanks, new { to = aki.Id, message = "  " })),
            ("person_not_found", () => ben.Client.PostJsonAsync(thanks, new { to = "nobody", message = "hi" })),
            ("project_not_found", () => ben.Client.PostJsonAsync(thanks, new { to = aki.Id, message = "hi", projectId = 42 })),
            ("not_signed_in", () => app.CreateClient().PostJsonAsync(thanks, new { to = aki.Id, message = "hi" })),
        })
        {
            var before = await StoreSnapshot.TakeAsync(app);
            Assert.Equal(code, await (await request()).ProblemCodeAsync());
            Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        }

        Assert.Equal(HttpStatusCode.Created, (await ben.Client.PostJsonAsync(thanks, new { to = aki.Id, message = new string('あ', 280) })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync(thanks, new { to = ben.Id, message = "two" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync(thanks, new { to = ben.Id, message = "three" })).StatusCode);
        var first = await (await app.CreateClient().GetAsync($"{thanks}?limit=2")).JsonAsync();
        Assert.Equal(["three", "two"], first.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("message").GetString()));
        Assert.Equal("Ben", first.GetProperty("items")[0].GetProperty("toName").GetString());
        var cursor = first.GetProperty("nextCursor").GetString();
        var second = await (await app.CreateClient().GetAsync($"{thanks}?limit=2&cursor={Uri.EscapeDataString(cursor!)}")).JsonAsync();
        Assert.Equal(280, Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("message").GetString()!.Length);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    /// <summary>A community founded by an admin, with Aki holding a token.</summary>
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Works_AreAddedByTheTeamWithALink_AndShownOnTheProject(string provider)
    {
        var app = apps.For(provider);
        var (slug, admin, aki) = await CommunityWithMemberAsync(app);
        var url = await ProjectAsync(aki, slug);
        var added = await aki.Client.PostJsonAsync($"{url}/works", new { title = "絵巻 第一巻", url = "https://example.jp/emaki/1" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        foreach (var (code, request) in new (string, Func<Task<HttpResponseMessage>>)[]
        {
            ("invalid_work", () => aki.Client.PostJsonAsync($"{url}/works", new { title = "x", url = "javascript:alert(1)" })),
            ("invalid_work", () => aki.Client.PostJsonAsync($"{url}/works", new { title = " ", url = "https://example.jp" })),
            ("invalid_work", () => aki.Client.PostJsonAsync($"{url}/works", new { title = "x", url = "https://example.jp", releasedAt = app.Clock.GetUtcNow().AddDays(1) })),
            ("not_team_member", () => admin.Client.PostJsonAsync($"{url}/works", new { title = "x", url = "https://example.jp" })),
        })
        {
            var before = await StoreSnapshot.TakeAsync(app);
            Assert.Equal(code, await (await request()).ProblemCodeAsync());
            Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        }

        var work = Assert.Single((await (await app.CreateClient().GetAsync(url)).JsonAsync()).GetProperty("works").EnumerateArray());
        Assert.Equal("https://example.jp/emaki/1", work.GetProperty("url").GetString());
        Assert.Equal("絵巻 第一巻", work.GetProperty("title").GetString());
    }

    /// <summary>
    /// A token or project number below 1 names nothing, as an unknown number does: each route turns it into its type
    /// once and answers the area's not-found problem (the store does not matter here, so SQLite only).
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task RouteNumbersBelowOne_AnswerNotFound_LikeAnyUnknownNumber(long number)
    {
        var app = apps.For("sqlite");
        var (slug, admin, aki) = await CommunityWithMemberAsync(app);
        var project = $"/api/v1/communities/{slug}/projects/{number}";
        var token = $"/api/v1/communities/{slug}/tokens/{number}";
        var calls = new (string Code, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("project_not_found", () => app.CreateClient().GetAsync(project)),
            ("project_not_found", () => app.CreateClient().GetAsync($"{project}/revenue")),
            ("project_not_found", () => app.CreateClient().GetAsync($"{project}/suggestions")),
            ("project_not_found", () => app.CreateClient().GetAsync($"{project}/agreements/preview")),
            ("project_not_found", () => aki.Client.PostJsonAsync($"{project}/status", new { status = "forming" })),
            ("project_not_found", () => aki.Client.PostJsonAsync($"{project}/invitations", new { personId = admin.Id, role = "writer" })),
            ("project_not_found", () => aki.Client.PostJsonAsync($"{project}/join-requests", new { role = "writer" })),
            ("project_not_found", () => aki.Client.PostJsonAsync($"{project}/works", new { title = "Scroll", url = "https://example.jp" }, $"work-{number}")),
            ("project_not_found", () => aki.Client.PostJsonAsync($"{project}/contributions", new { summary = "Drew" }, $"contribution-{number}")),
            ("project_not_found", () => aki.Client.PostJsonAsync($"{project}/agreements", new { parties = new[] { new { personId = aki.Id, weight = 1 } } })),
            ("project_not_found", () => aki.Client.PostJsonAsync($"{project}/agreements/1/accept", new { })),
            ("project_not_found", () => admin.Client.PostJsonAsync($"{project}/revenue", new { asset = "JPY", amount = "1000", source = "sales" }, $"revenue-{number}")),
            ("project_not_found", () => admin.Client.PostJsonAsync($"{project}/grants", new { asset = "JPY", amount = "1000" })),
            ("project_not_found", () => admin.Client.PostJsonAsync($"{project}/sale-links", new { paymentLink = "plink_test1" })),
            ("project_not_found", () => aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/thanks", new { to = admin.Id, message = "ありがとう", projectId = number })),
            ("token_not_found", () => app.CreateClient().GetAsync(token)),
            ("token_not_found", () => app.CreateClient().GetAsync($"{token}/metadata")),
            ("token_not_found", () => app.CreateClient().GetAsync($"{token}/image.svg")),
            ("token_not_found", () => app.CreateClient().GetAsync($"{token}/redemption")),
            ("token_not_found", () => aki.Client.PostJsonAsync($"{token}/transfer", new { to = admin.Id }, $"transfer-{number}")),
            ("token_not_found", () => aki.Client.PostJsonAsync($"{token}/approve", new { spender = admin.Id })),
            ("token_not_found", () => aki.Client.PostJsonAsync($"{token}/listings", new { price = "1000" }, $"list-{number}")),
            ("token_not_found", () => aki.Client.PostJsonAsync($"{token}/redeem", new { }, $"redeem-{number}")),
        };

        foreach (var (code, call) in calls)
        {
            var response = await call();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(code, await response.ProblemCodeAsync());
        }

        var agreements = await app.CreateClient().GetAsync($"{project}/agreements");
        Assert.Equal(HttpStatusCode.OK, agreements.StatusCode);
        Assert.Empty((await agreements.JsonAsync()).GetProperty("items").EnumerateArray());
    }

    private static async Task<(string Slug, Person Admin, Person Aki)> CommunityWithMemberAsync(TestApp app)
    {
        var admin = await app.SignUpAsync(displayName: "Admin");
        var aki = await app.SignUpAsync(displayName: "Aki");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "50000", personId: aki.Id);
        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        return (slug, admin, aki);
    }

    private static async Task<string> ProjectAsync(Person lead, string slug)
    {
        var created = await lead.Client.PostJsonAsync($"/api/v1/communities/{slug}/projects", new { title = "Festival scroll" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return $"/api/v1/communities/{slug}/projects/{(await created.JsonAsync()).GetProperty("id").GetInt64()}";
    }

    private static List<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();
}
