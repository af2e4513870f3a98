using System.Net;
using System.Net.Http.Json;
using Mikoshi.Domain.Governance;
using Mikoshi.Tests.Http.Wallets;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.WebLayer;

/// <summary>
/// Inputs that used to end in a server error or a wrong answer — far dates, return paths beyond ASCII, a body too
/// large — and two doors that were too wide: thanks from outsiders, and wallet sign-in for any loopback origin.
/// </summary>
public sealed class EdgeTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Statements_ForDatesAtTheEndsOfTheCalendar_AreRefusedAsAnInvalidPeriod(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var slug = await admin.FoundCommunityAsync();
        var me = $"/api/v1/communities/{slug}/me/statement";
        var theirs = $"/api/v1/communities/{slug}/people/{admin.Id}/statement";
        var before = await StoreSnapshot.TakeAsync(app);

        foreach (var query in new[] { "to=9999-12-31", "from=9999-12-31&to=9999-12-31", "from=0001-01-01&to=0001-01-02", "from=0001-01-01", "to=1969-12-31", "to=9999-12-31&format=csv" })
        {
            foreach (var path in new[] { me, theirs })
            {
                var response = await admin.Client.GetAsync($"{path}?{query}");
                Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{path}?{query}: {(int)response.StatusCode}");
                Assert.Equal("invalid_period", await response.ProblemCodeAsync());
            }
        }

        // The last day that has a next one is a statement's last possible day.
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync($"{me}?from=9999-12-01&to=9999-12-30")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync($"{me}?from=1970-01-01&to=1970-01-01")).StatusCode);

        // The earnings page's statement form takes the same dates: a sentence, not an error page.
        var browser = await CookieSessions.SignedInAsync(app, admin.Email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/c/{slug}/earnings?to=9999-12-31")).StatusCode);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
    }

    [Theory]
    [InlineData("/%E3%81%82", "/%E3%81%82")]
    [InlineData("/c/%E7%A5%9E%E8%BC%BF?q=%E3%81%82", "/c/%E7%A5%9E%E8%BC%BF?q=%E3%81%82")]
    [InlineData("/%F0%9F%8E%89", "/%F0%9F%8E%89")]
    public async Task LanguageSwitch_WithAReturnPathBeyondAscii_RedirectsThereEncoded(string returnUrl, string location)
    {
        await using var app = TestApp.Create("sqlite");

        // On a real socket: Kestrel, unlike the in-process host, refuses to send a header that is not ASCII.
        using var client = ProxyAndHeaderTests.Serve(app);
        var response = await client.GetAsync($"/culture/en?returnUrl={Uri.EscapeDataString(Uri.UnescapeDataString(returnUrl))}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);

        // And the path it names is served (a page of this site or its not-found page), not a server error.
        var followed = await client.GetAsync(location);
        Assert.True((int)followed.StatusCode < 500, $"{location}: {(int)followed.StatusCode}");
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task SignInForm_WithAReturnPathBeyondAscii_SignsInAndRedirectsThereEncoded(string provider)
    {
        await using var app = TestApp.Create(provider);
        using var client = ProxyAndHeaderTests.Serve(app, cookies: true);
        var person = await app.SignUpAsync();

        var answer = await CookieSessions.PostSignInFormAsync(client, $"/signin?returnUrl={Uri.EscapeDataString("/c/お祭り?tab=あ")}", person.Email);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.EndsWith("/c/%E3%81%8A%E7%A5%AD%E3%82%8A?tab=%E3%81%82", answer.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(person.Id, (await (await client.GetAsync("/api/v1/me")).JsonAsync()).GetProperty("personId").GetString());
    }

    [Fact]
    public async Task ABodyOverTheServersLimit_Is413PayloadTooLarge()
    {
        await using var app = TestApp.Create("sqlite");
        using var client = ProxyAndHeaderTests.Serve(app);

        // A raw socket: the server answers as soon as it reads the length, and an HttpClient still sending 29 MB would
        // only see the connection close under it.
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, client.BaseAddress!.Port);
        var stream = socket.GetStream();
        var head = $"POST /api/v1/auth/register HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {29 * 1024 * 1024}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes("{\"email\":\"" + new string('a', 60_000)));
        using var reader = new StreamReader(stream);
        var answer = await reader.ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/problem+json", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"code\":\"payload_too_large\"", answer, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Thanks_ArePostedOnlyByMembersOfThatCommunity(string provider)
    {
        await using var app = TestApp.Create(provider);
        var admin = await app.SignUpAsync();
        var aki = await app.SignUpAsync(displayName: "Aki");
        var outsider = await app.SignUpAsync(displayName: "Outsider");
        var slug = await admin.FoundCommunityAsync();
        await admin.DepositAsync(slug, "50000", personId: aki.Id);
        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync($"/api/v1/communities/{slug}/tokens", new { })).StatusCode);
        var thanks = $"/api/v1/communities/{slug}/thanks";
        var before = await StoreSnapshot.TakeAsync(app);

        var fromOutsider = await outsider.Client.PostJsonAsync(thanks, new { to = aki.Id, message = "ありがとう！" });
        var fromFounderWithoutToken = await admin.Client.PostJsonAsync(thanks, new { to = aki.Id, message = "ありがとう！" });

        foreach (var refused in new[] { fromOutsider, fromFounderWithoutToken })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("forbidden", await refused.ProblemCodeAsync());
        }

        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        Assert.Equal(HttpStatusCode.Created, (await aki.Client.PostJsonAsync(thanks, new { to = outsider.Id, message = "Thanks for visiting!" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task WalletSignIn_WithoutAPublicOrigin_AcceptsOnlyTheLoopbackOriginTheServerListensOn(string provider)
    {
        await using var app = TestApp.Create(provider);
        using var client = ProxyAndHeaderTests.Serve(app);
        var port = client.BaseAddress!.Port;
        var other = port == 65535 ? port - 1 : port + 1;
        var wallet = CustodialKey.Generate();
        var now = app.Clock.GetUtcNow();

        var nonces = new List<System.Text.Json.JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            nonces.Add(await SiweTests.NonceAsync(client, "/api/v1/auth/siwe/nonce"));
        }

        Assert.Equal($"127.0.0.1:{port}", nonces[0].GetProperty("domain").GetString());
        var before = await SiweTests.SnapshotAsync(app);

        // Another app on this machine (another port) got the wallet to sign for itself, and relays the message here
        // under its own Host, or under ours.
        var elsewhere = SiweTests.Sign(SiweTests.Message(nonces[0], wallet, now, domain: $"127.0.0.1:{other}", uri: $"http://127.0.0.1:{other}/"), wallet);
        var underItsHost = await VerifyAsync(client, elsewhere, host: $"127.0.0.1:{other}");
        var underLocalhost = await VerifyAsync(client, SiweTests.Sign(SiweTests.Message(nonces[1], wallet, now, domain: $"localhost:{other}", uri: $"http://localhost:{other}/"), wallet), host: $"localhost:{other}");
        var underOurs = await VerifyAsync(client, elsewhere, host: null);

        Assert.Equal("siwe_origin_unset", await underItsHost.ProblemCodeAsync());
        Assert.Equal("siwe_origin_unset", await underLocalhost.ProblemCodeAsync());
        Assert.Equal("siwe_domain_mismatch", await underOurs.ProblemCodeAsync());
        Assert.Equal(before, await SiweTests.SnapshotAsync(app));

        // The server's own loopback origin signs in.
        var ours = await VerifyAsync(client, SiweTests.Sign(SiweTests.Message(nonces[2], wallet, now), wallet), host: null);
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
    }

    private static async Task<HttpResponseMessage> VerifyAsync(HttpClient client, object signed, string? host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/siwe/verify") { Content = JsonContent.Create(signed) };
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await client.SendAsync(request);
    }
}
