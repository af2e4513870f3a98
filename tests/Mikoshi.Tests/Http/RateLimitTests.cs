using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Mikoshi.Api;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>
/// The sign-in doors' limits: one address gets a bounded number of attempts per minute (beyond it, nothing runs),
/// and a person is only ever sent back to a page of this site.
/// </summary>
public sealed class RateLimitTests
{
    private static WebApplicationFactory<Program> Limited(TestApp app, int perMinute) =>
        app.WithWebHostBuilder(b => b.ConfigureAppConfiguration((_, c) => c.AddInMemoryCollection(
            new Dictionary<string, string?> { ["Mikoshi:RateLimits:SignInPerMinute"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

    [Fact]
    public async Task SignInAttempts_BeyondTheLimit_AreRefusedWithRetryAfter_AndCreateNothing()
    {
        await using var app = TestApp.Create("sqlite");
        var person = await app.SignUpAsync();
        await using var limited = Limited(app, 3);
        var client = limited.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var guess = await client.PostJsonAsync("/api/v1/auth/login", new { email = person.Email, password = $"wrong guess {i}!" });
            Assert.Equal("invalid_credentials", await guess.ProblemCodeAsync());
        }

        var before = await StoreSnapshot.TakeAsync(app);
        var login = await client.PostJsonAsync("/api/v1/auth/login", new { email = person.Email, password = Person.Password });
        var register = await client.PostJsonAsync("/api/v1/auth/register", new { email = "bulk@example.jp", password = Person.Password });

        foreach (var refused in new[] { login, register })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("rate_limited", await refused.ProblemCodeAsync());
            Assert.InRange(int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        }

        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));

        // Reading is not signing in: the rest of the API is not counted.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/communities")).StatusCode);
    }

    [Fact]
    public async Task TheSignInPage_BeyondTheLimit_SaysSoInThePersonsLanguage()
    {
        await using var app = TestApp.Create("sqlite");
        await using var limited = Limited(app, 2);
        var client = limited.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("ja"));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signup")).StatusCode);
        var refused = await client.GetAsync("/signin");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/plain", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("試", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void AnIPv6Address_CountsAgainstItsSlash64(string address, string partition) =>
        Assert.Equal(partition, RateLimits.PartitionOf(System.Net.IPAddress.Parse(address)));

    /// <summary>Where a person may be sent back to after signing in or switching language: this site only.</summary>
    [Theory]
    [InlineData("/c/aozora/projects", "/c/aozora/projects")]
    [InlineData("/account?welcome=1", "/account?welcome=1")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    [InlineData("/a\\b", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void ReturnUrls_StayOnThisSite(string? asked, string used) => Assert.Equal(used, UiEndpoints.LocalOrHome(asked));

    [Fact]
    public async Task ReturnUrlWithATab_GoesHome_NotToAnotherSite()
    {
        await using var app = TestApp.Create("sqlite");
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/culture/en?returnUrl=%2F%09%2Fevil.example");
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
