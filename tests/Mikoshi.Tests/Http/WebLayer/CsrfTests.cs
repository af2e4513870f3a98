using System.Net;
using System.Net.Http.Json;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.WebLayer;

/// <summary>
/// Cross-site request forgery against the session cookie: what a page on another port of this host (same site, so the
/// Lax cookie goes along) can make a signed-in person's browser send — forms of every encoding, bodiless POSTs, JSON
/// under a foreign Origin — is refused before anything runs; the app's own kinds of request still work.
/// </summary>
public sealed class CsrfTests
{
    private const string Sibling = "http://localhost:5173";
    private const string Own = "http://localhost";

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task CookieWrites_FromAnotherOrigin_OrWithNeitherTokenNorJson_AreRefused_AndChangeNothing(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync(displayName: "Aki");
        var ben = await app.SignUpAsync(displayName: "Ben");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "50000", personId: aki.Id);
        await admin.DepositAsync(slug, "50000", personId: ben.Id);
        var c = $"/api/v1/communities/{slug}";
        var listings = new List<long>();
        for (var token = 1; token <= 2; token++)
        {
            Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync($"{c}/tokens", new { })).StatusCode);
            app.Clock.Advance(TimeSpan.FromDays(1));
            var listed = await (await aki.Client.PostJsonAsync($"{c}/tokens/{token}/listings", new { price = "1000" })).JsonAsync();
            listings.Add(listed.GetProperty("id").GetInt64());
        }

        var victim = await CookieSessions.SignedInAsync(app, ben.Email);
        var buy = $"{c}/listings/{listings[0]}/buy";
        var before = await StoreSnapshot.TakeAsync(app);

        var refusals = new List<(string What, HttpResponseMessage Response, string Code)>
        {
            ("text/plain form from a sibling port", await SendAsync(victim, HttpMethod.Post, buy, Text(), Sibling, "same-site"), "cross_origin_refused"),
            ("text/plain form to succession, Origin only", await SendAsync(victim, HttpMethod.Post, $"{c}/succession/execute", Text(), Sibling, null), "cross_origin_refused"),
            ("urlencoded form, no Origin or Fetch Metadata", await SendAsync(victim, HttpMethod.Post, buy, Form(), null, null), "csrf_token_missing"),
            ("urlencoded form from this origin, without the token", await SendAsync(victim, HttpMethod.Post, buy, Form(), Own, "same-origin"), "csrf_token_missing"),
            ("multipart form from this origin, without the token", await SendAsync(victim, HttpMethod.Post, buy, Multipart(), Own, "same-origin"), "csrf_token_missing"),
            ("text/plain from this origin", await SendAsync(victim, HttpMethod.Post, buy, Text(), Own, "same-origin"), "csrf_token_missing"),
            ("no body at all", await SendAsync(victim, HttpMethod.Post, buy, null, Own, "same-origin"), "csrf_token_missing"),
            ("no body, key export", await SendAsync(victim, HttpMethod.Post, "/api/v1/me/custodial-key/export", null, null, null), "csrf_token_missing"),
            ("PUT as text/plain", await SendAsync(victim, HttpMethod.Put, $"{c}/delegation", Text(), null, null), "csrf_token_missing"),
            ("JSON under a sibling's Origin", await SendAsync(victim, HttpMethod.Post, buy, Json(), Sibling, null), "cross_origin_refused"),
            ("JSON under Origin: null", await SendAsync(victim, HttpMethod.Post, buy, Json(), "null", null), "cross_origin_refused"),
            ("JSON, Sec-Fetch-Site cross-site", await SendAsync(victim, HttpMethod.Post, buy, Json(), null, "cross-site"), "cross_origin_refused"),
            ("JSON, Sec-Fetch-Site same-site", await SendAsync(victim, HttpMethod.Post, buy, Json(), null, "same-site"), "cross_origin_refused"),
            ("JSON, our Origin but Sec-Fetch-Site same-site", await SendAsync(victim, HttpMethod.Post, buy, Json(), Own, "same-site"), "cross_origin_refused"),
            ("the sign-out form without its token", await SendAsync(victim, HttpMethod.Post, "/signout", Form(), Own, "same-origin"), "csrf_token_missing"),
            ("an empty bearer token beside the cookie", await SendAsync(victim, HttpMethod.Post, buy, Text(), Sibling, "same-site", emptyBearer: true), "cross_origin_refused"),
        };

        foreach (var (what, response, code) in refusals)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}: {(int)response.StatusCode}");
            Assert.True(code == await response.ProblemCodeAsync(), what);
        }

        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));

        // The session itself is untouched, and the app's own kind of request — JSON from this origin — goes through.
        Assert.Equal(ben.Id, (await (await victim.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("personId").GetString());
        var bought = await SendAsync(victim, HttpMethod.Post, buy, Json(), Own, "same-origin");
        Assert.Equal(HttpStatusCode.OK, bought.StatusCode);

        // A bearer token is never sent by a browser on its own: its calls stay as they were, whatever the body.
        var byToken = await SendAsync(ben.Client, HttpMethod.Post, $"{c}/listings/{listings[1]}/buy", Text(), Sibling, "cross-site");
        Assert.Equal(HttpStatusCode.OK, byToken.StatusCode);
        Assert.Equal("48000", (await MembershipTests.BalancesAsync(admin, slug))[$"person:{ben.Id}"]);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task WithAPublicOrigin_OnlyThatOriginMayWriteWithTheCookie(string provider)
    {
        await using var app = TestApp.Create(provider);
        app.Settings["Mikoshi:PublicOrigin"] = "https://mikoshi.example";
        var ben = await app.SignUpAsync();
        var victim = await CookieSessions.SignedInAsync(app, ben.Email);
        var before = await StoreSnapshot.TakeAsync(app);

        // The Host the request names is not the site: the configured origin is.
        var underHost = await SendAsync(victim, HttpMethod.Put, "/api/v1/me/profile", Json(new { displayName = "Forged" }), Own, null);
        Assert.Equal("cross_origin_refused", await underHost.ProblemCodeAsync());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));

        var fromSite = await SendAsync(victim, HttpMethod.Put, "/api/v1/me/profile", Json(new { displayName = "Ben" }), "https://mikoshi.example", "same-origin");
        Assert.True(fromSite.IsSuccessStatusCode, $"{(int)fromSite.StatusCode}");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? body, string? origin, string? fetchSite, bool emptyBearer = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body };
        if (emptyBearer)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer ");
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
            request.Headers.Add("Sec-Fetch-Mode", "navigate");
        }

        return await client.SendAsync(request);
    }

    // What <form enctype=text/plain> sends: name=value lines, which a lenient parser could even read as JSON.
    private static StringContent Text() => new("{\"a\":\"=\"}", System.Text.Encoding.UTF8, "text/plain");

    private static FormUrlEncodedContent Form() => new(new Dictionary<string, string> { ["maxPrice"] = "1000" });

    private static MultipartFormDataContent Multipart() => new() { { new StringContent("1000"), "maxPrice" } };

    private static JsonContent Json(object? body = null) => JsonContent.Create(body ?? new { });
}
