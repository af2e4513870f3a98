using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http.WebLayer;

/// <summary>
/// Who may say where a request came from (only a configured proxy), and the headers every answer carries:
/// CSP, no framing, nosniff, Referrer-Policy; HSTS and Secure cookies over HTTPS, directly or behind a trusted TLS proxy.
/// Run on a real socket, so the server sees the client's loopback address as a proxy would be seen.
/// </summary>
public sealed class ProxyAndHeaderTests
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task XForwardedFor_FromASenderNotConfiguredAsAProxy_BuysNoNewSignInAttempts(string provider)
    {
        await using var app = TestApp.Create(provider);

        // The forwarded-headers switch operations.md used to recommend: alone, it must trust nobody.
        app.Settings["FORWARDEDHEADERS_ENABLED"] = "true";
        app.Settings["Mikoshi:RateLimits:SignInPerMinute"] = "3";
        using var client = Serve(app);
        var email = $"p{Guid.NewGuid():N}@example.jp";

        var answers = new List<HttpResponseMessage>();
        for (var i = 1; i <= 4; i++)
        {
            answers.Add(await LoginAsync(client, email, forwardedFor: $"203.0.113.{i}", proto: null));
        }

        Assert.Equal(["invalid_credentials", "invalid_credentials", "invalid_credentials", "rate_limited"],
            await Task.WhenAll(answers.Select(a => a.ProblemCodeAsync())));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task XForwardedFor_FromAConfiguredProxy_IsTheClientsAddress(string provider)
    {
        await using var app = TestApp.Create(provider);
        app.Settings["Mikoshi:KnownProxies"] = "10.9.9.9, 127.0.0.1";
        app.Settings["Mikoshi:RateLimits:SignInPerMinute"] = "3";
        using var client = Serve(app);
        var email = $"p{Guid.NewGuid():N}@example.jp";

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("invalid_credentials", await (await LoginAsync(client, email, "203.0.113.1", null)).ProblemCodeAsync());
        }

        // The proxy speaks for each client: the first has used its allowance, a second client has its own.
        Assert.Equal("rate_limited", await (await LoginAsync(client, email, "203.0.113.1", null)).ProblemCodeAsync());
        Assert.Equal("invalid_credentials", await (await LoginAsync(client, email, "203.0.113.2", null)).ProblemCodeAsync());
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Pages_AndApiAnswers_CarryTheSecurityHeaders_AndPlainHttpHasNoHsts(string provider)
    {
        await using var app = TestApp.Create(provider);
        using var client = app.CreateClient();
        foreach (var path in new[] { "/", "/signin", "/api/v1/communities", "/api/v1/nowhere", "/api-reference/", "/openapi/v1.json" })
        {
            var response = await client.GetAsync(path);
            var csp = Header(response, "Content-Security-Policy");
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotMatch("script-src[^;]*unsafe-inline", csp);
            Assert.Matches(path == "/api-reference/" ? "script-src 'self' 'unsafe-eval' 'sha256-[A-Za-z0-9+/=]+';" : "script-src 'self';", csp);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
            Assert.False(response.Headers.Contains("Strict-Transport-Security"), path);
        }

        // Scalar's page starts itself with one inline module: exactly that script's hash is allowed, nothing else.
        var scalar = await client.GetAsync("/api-reference/");
        var inline = System.Text.RegularExpressions.Regex.Match(await scalar.Content.ReadAsStringAsync(), "<script type=\"module\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(inline)));
        Assert.Contains($"'sha256-{hash}'", Header(scalar, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task OverHttps_HstsIsSent_AndEveryCookieIsSecure(string provider)
    {
        await using var app = TestApp.Create(provider);
        var person = await app.SignUpAsync();
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var signedIn = await CookieSessions.PostSignInFormAsync(client, "/signin", person.Email);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.StartsWith("max-age=", Header(signedIn, "Strict-Transport-Security"), StringComparison.Ordinal);
        var cookies = signedIn.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, c => c.StartsWith("mikoshi=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        var language = await client.GetAsync("/culture/ja?returnUrl=/");
        Assert.Contains("; secure", Assert.Single(language.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task BehindATrustedTlsProxy_HstsAndSecureCookies_ButNotWhenAnyoneClaimsHttps(string provider)
    {
        await using var trusting = TestApp.Create(provider);
        trusting.Settings["Mikoshi:KnownNetworks"] = "127.0.0.0/8";
        using var behindProxy = Serve(trusting);
        var proxied = await SignInPageAsync(behindProxy, proto: "https");
        Assert.StartsWith("max-age=", Header(proxied, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.Contains("; secure", Assert.Single(proxied.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);

        await using var direct = TestApp.Create(provider);
        using var anyone = Serve(direct);
        var claimed = await SignInPageAsync(anyone, proto: "https");
        Assert.False(claimed.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("; secure", Assert.Single(claimed.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Starts the app on a loopback port and returns a client for it (cookies off unless asked: each answer read alone).</summary>
    internal static HttpClient Serve(TestApp app, bool cookies = false)
    {
        app.UseKestrel(0);
        app.StartServer();
        var port = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).First().Port;
        return new HttpClient(new HttpClientHandler { UseCookies = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string? forwardedFor, string? proto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = System.Net.Http.Json.JsonContent.Create(new { email, password = "not the password" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (proto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", proto);
        }

        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SignInPageAsync(HttpClient client, string proto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        request.Headers.Add("X-Forwarded-Proto", proto);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri}: no {name} header");
}
