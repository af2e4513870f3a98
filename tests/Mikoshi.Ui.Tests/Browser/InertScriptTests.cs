using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Browser;

/// <summary>
/// Script payloads written into every user-written field the API takes, then every page that shows
/// them opened in Chromium: no script runs (a flag on window stays unset, no dialog opens, no
/// <c>javascript:</c> link is rendered) and each payload reads as plain text where the page shows it.
/// </summary>
public sealed class InertScriptTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Each payload names itself ('n', 'b', …) so a failure says which field let a script through.
    // Tags hold at most 40 characters, so every payload fits in 40.
    private const string DisplayName = "<script>__pwned='n'</script>n";
    private const string Bio = "<img src=x onerror=__pwned='b'>b";
    private const string Skill = "\"><svg onload=__pwned='s'>s";
    private const string Love = "<img src=x onerror=alert('l')>l";
    private const string Value = "javascript:__pwned='v'";
    private const string CommunityName = "<script>__pwned='c'</script>神輿";
    private const string Charter = "<img src=x onerror=__pwned='h'> \"><svg onload=alert('h')>";
    private const string CommunityValue = "<svg onload=__pwned='w'>w";
    private const string Vocabulary = "\"><script>__pwned='k'</script>";
    private const string Memo = "<img src=x onerror=alert('m')>m";
    private const string Reference = "\"><svg onload=__pwned='r'>r";
    private const string OtherName = "\"><img src=x onerror=__pwned='o'>o";
    private const string ProjectTitle = "<script>__pwned='t'</script>t";
    private const string ProjectDescription = "<a href=\"javascript:__pwned='d'\">d</a>";
    private const string Summary = "<iframe src=\"javascript:__pwned='u'\"></iframe>u";
    private const string Evidence = "https://example.jp/\"><svg onload=__pwned='e'>";
    private const string Thanks = "<img src=x onerror=__pwned='y'>y";
    private const string WorkTitle = "<script>__pwned='a'</script>a";
    private const string ProposalTitle = "\"><img src=x onerror=__pwned='p'>p";
    private const string ProposalBody = "<script>__pwned='b'</script>b";
    private const string VoteReason = "<svg onload=__pwned='z'>z";

    [Fact]
    public async Task ScriptPayloads_InEveryUserWrittenField_NeverRun_AndReadAsText()
    {
        await using var ui = await BrowserApp.StartAsync(browser);
        var page = ui.Page;
        var email = await page.SignUpAsync(DisplayName);
        using var api = new HttpClient { BaseAddress = new Uri(ui.BaseUrl.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)) };
        var me = await SignInAsync(api, email);
        var other = await SignUpAsync(api, OtherName);
        var slug = $"x{Guid.NewGuid():N}"[..12];
        var c = $"/api/v1/communities/{slug}";

        await Accepted(Send(api, HttpMethod.Put, "/api/v1/me/profile", me, new { displayName = DisplayName, bio = Bio, skills = new[] { Skill }, loves = new[] { Love }, values = new[] { Value } }));
        await Accepted(Send(api, HttpMethod.Post, "/api/v1/communities", me, new { slug, name = CommunityName, charterText = Charter, values = new[] { CommunityValue }, baseAsset = "JPY", assets = Array.Empty<string>() }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/skills", me, new { name = Vocabulary }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/deposits", me, new { asset = "JPY", amount = "100000", reference = Reference, memo = Memo, personId = me.Id }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/tokens", me, new { }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/tokens", me, new { }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/tokens/2/listings", me, new { price = "1000" }));
        var project = await Accepted(Send(api, HttpMethod.Post, $"{c}/projects", me, new { title = ProjectTitle, description = ProjectDescription, neededSkills = new[] { Skill }, values = new[] { CommunityValue } }));
        var projectId = project.GetProperty("id").GetInt64();

        // A javascript: link is no evidence: the API refuses it before any page could render it.
        var scriptLink = await Send(api, HttpMethod.Post, $"{c}/projects/{projectId}/contributions", me, new { summary = Summary, evidenceUrl = "javascript:__pwned='e'" });
        Assert.Equal(422, (int)scriptLink.StatusCode);
        await Accepted(Send(api, HttpMethod.Post, $"{c}/projects/{projectId}/contributions", me, new { summary = Summary, evidenceUrl = Evidence }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/thanks", me, new { to = other.Id, message = Thanks, projectId }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/projects/{projectId}/works", me, new { title = WorkTitle, url = "https://example.jp/work" }));
        var proposal = await Accepted(Send(api, HttpMethod.Post, $"{c}/proposals", me, new { kind = "signal", title = ProposalTitle, body = ProposalBody }));
        var proposalId = proposal.GetProperty("id").GetInt64();
        await Accepted(Send(api, HttpMethod.Post, $"{c}/proposals/{proposalId}/votes/custodial", me, new { choice = "for", reason = VoteReason }));

        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        var visible = new Dictionary<string, string[]>
        {
            ["/"] = [CommunityName],
            [$"/c/{slug}"] = [CommunityName, Charter, CommunityValue],
            [$"/c/{slug}/ledger"] = [Memo, Reference],
            [$"/c/{slug}/members"] = [DisplayName, Skill],
            [$"/c/{slug}/members?skill={Uri.EscapeDataString(Skill)}&q={Uri.EscapeDataString(Bio)}"] = [],
            [$"/c/{slug}/people/{me.Id}"] = [DisplayName, Bio, Skill, Love, Value],
            [$"/c/{slug}/people/{other.Id}"] = [OtherName],
            [$"/c/{slug}/market"] = [CommunityName],
            [$"/c/{slug}/tokens/1"] = [DisplayName],
            [$"/c/{slug}/succession"] = [CommunityName],
            ["/account"] = [DisplayName],
            ["/account/profile"] = [],

            [$"/c/{slug}/projects"] = [ProjectTitle],
            [$"/c/{slug}/projects/{projectId}"] = [ProjectTitle, ProjectDescription],
            [$"/c/{slug}/projects/{projectId}/contributions"] = [ProjectTitle, Summary],
            [$"/c/{slug}/projects/{projectId}/thanks"] = [Thanks],
            [$"/c/{slug}/projects/{projectId}/works"] = [WorkTitle],
            [$"/c/{slug}/projects/{projectId}/split"] = [ProjectTitle],
            [$"/c/{slug}/projects/{projectId}/money"] = [ProjectTitle],
            [$"/c/{slug}/earnings"] = [],
            [$"/c/{slug}/proposals"] = [ProposalTitle],
            [$"/c/{slug}/proposals/{proposalId}"] = [ProposalTitle, ProposalBody],
        };

        var failures = new List<string>();
        foreach (var (path, texts) in visible)
        {
            var response = await page.GotoSettledAsync(path);
            var ran = await page.EvaluateAsync<string?>("() => window.__pwned === undefined ? null : String(window.__pwned)");
            if (ran is not null)
            {
                failures.Add($"{path}: the payload '{ran}' ran");
            }

            var links = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[href],[src],[action],[formaction]')].map(e => e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? e.getAttribute('formaction')).filter(u => /^\\s*javascript:/i.test(u))");
            failures.AddRange(links.Select(l => $"{path}: renders a javascript: URL {l}"));
            Assert.True(response?.Ok, $"{path} answered {response?.Status}");
            var text = await page.EvaluateAsync<string>("() => document.body.innerText");
            failures.AddRange(texts.Where(t => !text.Contains(t, StringComparison.Ordinal)).Select(t => $"{path}: does not show {t} as text"));
        }

        // The vocabulary is offered as the skill filter's suggestions: an attribute value, never markup.
        await page.GotoAsync($"/c/{slug}/members");
        Assert.Equal(Vocabulary, await page.Locator("#skill-list option").EvaluateAllAsync<string?>(
            "(options, wanted) => options.map(o => o.value).find(v => v === wanted) ?? null", Vocabulary));
        Assert.Empty(dialogs);
        Assert.Empty(failures);
    }

    private static async Task<Caller> SignInAsync(HttpClient api, string email)
    {
        var login = await Accepted(api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Person.Password }));
        var bearer = login.GetProperty("accessToken").GetString()!;
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var me = await Accepted(api.SendAsync(request));
        return new Caller(bearer, me.GetProperty("personId").GetString()!);
    }

    private static async Task<Caller> SignUpAsync(HttpClient api, string displayName)
    {
        var email = $"p{Guid.NewGuid():N}@example.jp";
        await Accepted(api.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Person.Password, displayName }));
        return await SignInAsync(api, email);
    }

    private static Task<HttpResponseMessage> Send(HttpClient api, HttpMethod method, string path, Caller caller, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", caller.Bearer);
        return api.SendAsync(request);
    }

    private static async Task<JsonElement> Accepted(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private sealed record Caller(string Bearer, string Id);
}
