using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>One address gets a bounded number of sign-in attempts per minute; beyond it, nothing runs.</summary>
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
}
