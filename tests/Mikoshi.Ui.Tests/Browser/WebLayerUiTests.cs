using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mikoshi.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Mikoshi.Tests.Browser;

/// <summary>
/// The web layer in a real Chromium: a page on another port of this host cannot make a signed-in person's browser spend
/// their money, and every page of the UI (and the API reference) runs under the Content-Security-Policy without a
/// single violation.
/// </summary>
public sealed class WebLayerUiTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task AFormAutoSubmittedFromAnotherPortOfThisHost_SpendsNothing(string provider)
    {
        await using var ui = await BrowserApp.StartAsync(browser, provider);
        using var api = Api(ui);
        var seller = await SignUpAsync(api, "売り手");
        var slug = $"c{Guid.NewGuid():N}"[..12];
        var c = $"/api/v1/communities/{slug}";
        await Accepted(Send(api, HttpMethod.Post, "/api/v1/communities", seller, new { slug, name = "みんなの神輿", charterText = "together", values = new[] { "joy" }, baseAsset = "JPY", assets = Array.Empty<string>() }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/deposits", seller, new { asset = "JPY", amount = "50000", reference = "bank", memo = "fee", personId = seller.Id }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/tokens", seller, new { }));
        ui.App.Clock.Advance(TimeSpan.FromDays(1));
        var listing = (await Accepted(Send(api, HttpMethod.Post, $"{c}/tokens/1/listings", seller, new { price = "3000" }))).GetProperty("id").GetInt64();

        // The victim is signed in, in this browser, with yen to spend.
        var victim = ui.Page;
        await victim.SignUpAsync("被害者");
        var victimId = await victim.PersonIdAsync();
        await Accepted(Send(api, HttpMethod.Post, $"{c}/deposits", seller, new { asset = "JPY", amount = "10000", reference = "bank 2", memo = "top-up", personId = victimId }));
        var before = await Accepted(Send(api, HttpMethod.Get, $"{c}/accounts", seller, null));

        var target = $"{ui.BaseUrl}{c}/listings/{listing}/buy";
        await using var sibling = await SiblingSiteAsync(new Dictionary<string, string>
        {
            // What the attack used: a text/plain form whose one field reads as JSON, and a plain urlencoded one.
            ["/text"] = $$"""<form id="f" method="post" enctype="text/plain" action="{{target}}"><input type="hidden" name='{"a":"' value='"}'></form><script>document.getElementById('f').submit()</script>""",
            ["/form"] = $$"""<form id="f" method="post" action="{{target}}"><input type="hidden" name="maxPrice" value="3000"></form><script>document.getElementById('f').submit()</script>""",
        });

        foreach (var path in new[] { "/text", "/form" })
        {
            var answer = await victim.RunAndWaitForResponseAsync(() => victim.GotoAsync($"{sibling.Origin}{path}"), r => r.Url == target);
            Assert.Equal(403, answer.Status);

            // Refused as a forged cookie write: so the browser did send the victim's session with it.
            Assert.Equal("cross_origin_refused", (await answer.JsonAsync())?.GetProperty("code").GetString());
        }

        Assert.Equal(before.ToString(), (await Accepted(Send(api, HttpMethod.Get, $"{c}/accounts", seller, null))).ToString());
        var token = await Accepted(api.GetAsync($"{c}/tokens/1"));
        Assert.Contains(seller.Id, token.ToString(), StringComparison.Ordinal);

        // The app's own market page still buys it, with the same session.
        await victim.GotoAsync($"/c/{slug}/market");
        await victim.GetByTestId("buy").ClickAsync();
        await victim.ArrivesAtAsync($"**/c/{slug}/tokens/1?done=bought");
        await Expect(victim.GetByTestId("owner")).ToContainTextAsync("被害者");
    }

    [Fact]
    public async Task EveryPage_RunsUnderTheContentSecurityPolicy_WithNoViolation()
    {
        await using var ui = await BrowserApp.StartAsync(browser);
        var page = ui.Page;
        var email = await page.SignUpAsync("山田 花子");
        using var api = Api(ui);
        var me = await SignInAsync(api, email);
        var other = await SignUpAsync(api, "佐藤");
        var slug = $"c{Guid.NewGuid():N}"[..12];
        var c = $"/api/v1/communities/{slug}";
        await Accepted(Send(api, HttpMethod.Post, "/api/v1/communities", me, new { slug, name = "みんなの神輿", charterText = "楽しくつくる。", values = new[] { "joy" }, baseAsset = "JPY", assets = new[] { "ETH" } }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/deposits", me, new { asset = "JPY", amount = "100000", reference = "bank 001", memo = "fee", personId = me.Id }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/tokens", me, new { }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/tokens", me, new { }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/tokens/2/listings", me, new { price = "1000" }));
        var projectId = (await Accepted(Send(api, HttpMethod.Post, $"{c}/projects", me, new { title = "MV", description = "夏祭りの MV" }))).GetProperty("id").GetInt64();
        await Accepted(Send(api, HttpMethod.Post, $"{c}/projects/{projectId}/contributions", me, new { summary = "絵コンテ", evidenceUrl = "https://example.jp/board" }));
        await Accepted(Send(api, HttpMethod.Post, $"{c}/thanks", me, new { to = other.Id, message = "ありがとう", projectId }));
        var proposalId = (await Accepted(Send(api, HttpMethod.Post, $"{c}/proposals", me, new { kind = "signal", title = "花火", body = "花火を上げよう" }))).GetProperty("id").GetInt64();
        await Accepted(Send(api, HttpMethod.Post, $"{c}/proposals/{proposalId}/votes/custodial", me, new { choice = "for", reason = "賛成" }));

        var violations = new List<string>();
        await page.Context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => (window.__csp ||= []).push(e.violatedDirective + ' ' + e.blockedURI));");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: console: {message.Text}");
            }
        };

        var signedIn = new[]
        {
            "/", "/communities/new", "/account", "/account/profile", $"/c/{slug}", $"/c/{slug}/ledger", $"/c/{slug}/members",
            $"/c/{slug}/people/{me.Id}", $"/c/{slug}/people/{other.Id}", $"/c/{slug}/market", $"/c/{slug}/tokens/1", $"/c/{slug}/tokens/2",
            $"/c/{slug}/succession", $"/c/{slug}/projects", $"/c/{slug}/projects/{projectId}", $"/c/{slug}/contribution",
            $"/c/{slug}/earnings", $"/c/{slug}/payouts", $"/c/{slug}/proposals", $"/c/{slug}/proposals/{proposalId}", "/no-such-page",
        };
        foreach (var path in signedIn)
        {
            violations.AddRange(await VisitAsync(page, path));
        }

        // The API reference renders (Scalar's own script, allowed by its hash) and fetches the OpenAPI document.
        violations.AddRange(await VisitAsync(page, "/api-reference/"));
        await Expect(page.GetByText("Mikoshi API").First).ToBeVisibleAsync();
        violations.AddRange(await ViolationsAsync(page, "/api-reference/"));

        // Signed out: the sign-in and sign-up pages, whose passkey and wallet buttons load their scripts.
        var stranger = await ui.NewPersonAsync();
        await stranger.Context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => (window.__csp ||= []).push(e.violatedDirective + ' ' + e.blockedURI));");
        foreach (var path in new[] { "/", "/signin", "/signup", $"/c/{slug}", $"/c/{slug}/ledger", $"/c/{slug}/market" })
        {
            violations.AddRange(await VisitAsync(stranger, path));
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations.Distinct()));

        // The policy is enforced and the listener hears it: an inline script put into a page neither runs nor goes unreported.
        await page.GotoAsync("/");
        await page.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__ran = 1'; document.body.appendChild(s); }");
        await page.WaitForFunctionAsync("() => (window.__csp || []).length > 0");
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__ran ?? null"));
    }

    private static async Task<IEnumerable<string>> VisitAsync(IPage page, string path)
    {
        var response = await page.GotoSettledAsync(path);
        Assert.True(response is not null && response.Status < 500, $"{path}: {response?.Status}");
        return await ViolationsAsync(page, path);
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string path) =>
        (await page.EvaluateAsync<string[]>("() => window.__csp || []")).Select(v => $"{path}: {v}");

    /// <summary>A plain HTTP client for the app's API at its loopback address.</summary>
    private static HttpClient Api(BrowserApp ui) =>
        new() { BaseAddress = new Uri(ui.BaseUrl.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)) };

    /// <summary>Another web server on another port of this host, serving the given pages; the browser reaches it as localhost, the same site.</summary>
    private static async Task<Sibling> SiblingSiteAsync(Dictionary<string, string> pages)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var site = builder.Build();
        foreach (var (path, html) in pages)
        {
            site.MapGet(path, () => Results.Content($"<!doctype html><html><body>{html}</body></html>", "text/html; charset=utf-8"));
        }

        await site.StartAsync();
        var port = new Uri(site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return new Sibling(site, $"http://localhost:{port}");
    }

    private sealed record Sibling(WebApplication Site, string Origin) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Site.DisposeAsync();
    }

    private static async Task<Caller> SignInAsync(HttpClient api, string email)
    {
        var login = await Accepted(api.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Person.Password }));
        var bearer = login.GetProperty("accessToken").GetString()!;
        var me = await Accepted(Send(api, HttpMethod.Get, "/api/v1/me", new Caller(bearer, ""), null));
        return new Caller(bearer, me.GetProperty("personId").GetString()!);
    }

    private static async Task<Caller> SignUpAsync(HttpClient api, string displayName)
    {
        var email = $"p{Guid.NewGuid():N}@example.jp";
        await Accepted(api.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Person.Password, displayName }));
        return await SignInAsync(api, email);
    }

    private static Task<HttpResponseMessage> Send(HttpClient api, HttpMethod method, string path, Caller caller, object? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
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
