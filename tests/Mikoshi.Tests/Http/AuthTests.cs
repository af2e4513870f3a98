using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>
/// Signing up and in through the API. One app per store for the class (<see cref="SharedApps"/>): each test signs up
/// people of its own and counts only what it made; the token-expiry test keeps an app of its own (short-lived tokens).
/// </summary>
public sealed class AuthTests(SharedApps apps) : IClassFixture<SharedApps>
{
    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task SignUp_ThenMe_ReturnsThePerson(string provider)
    {
        var app = apps.For(provider);
        var person = await app.SignUpAsync("hanako@example.jp", "花子");

        var me = await (await person.Client.GetAsync("/api/v1/me")).JsonAsync();

        Assert.Equal(person.Id, me.GetProperty("personId").GetString());
        Assert.Equal("花子", me.GetProperty("displayName").GetString());
        Assert.Equal("hanako@example.jp", me.GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("not-an-email", "long enough password", "invalid_email")]
    [InlineData("a@example.jp", "short", "weak_password")]
    [InlineData("", "long enough password", "invalid_email")]
    public async Task Register_WithBadInput_IsRefusedWithItsCode(string email, string password, string code)
    {
        var app = apps.For("sqlite");
        var response = await app.CreateClient().PostJsonAsync("/api/v1/auth/register", new { email, password });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(code, await response.ProblemCodeAsync());
    }

    [Fact]
    public async Task Register_TheSameEmailTwice_AnswersAlike_AndCreatesNoSecondAccount()
    {
        var app = apps.For("sqlite");
        var first = await app.CreateClient().PostJsonAsync("/api/v1/auth/register", new { email = "taro@example.jp", password = Person.Password });

        var again = await app.CreateClient().PostJsonAsync("/api/v1/auth/register", new { email = "taro@example.jp", password = Person.Password });

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        await using var scope = app.Scope();
        Assert.Equal(1, scope.ServiceProvider.GetRequiredService<Mikoshi.Data.MikoshiDb>().Users.Count(u => u.Email == "taro@example.jp"));
    }

    [Fact]
    public async Task SignIn_WithTextUnicodeCannotNormalize_IsRefusedNotAServerError()
    {
        // Found by the fuzzer (seed 1132503609): Identity's normalizer threw on U+FFFF U+FFFE, a 500.
        var app = apps.For("sqlite");
        var before = await StoreSnapshot.TakeAsync(app);

        var response = await app.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = "\uFFFF\uFFFE", password = Person.Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("malformed_request", await response.ProblemCodeAsync());
        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));

        // Paths that do not come through JSON (the sign-in page, the CLI) meet the normalizer itself: it answers, and nobody has that name.
        await using var scope = app.Scope();
        var normalizer = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.ILookupNormalizer>();
        Assert.Equal("\uFFFE@EXAMPLE.JP", normalizer.NormalizeEmail("\uFFFE@example.jp"));
        Assert.Equal("HANAKO@EXAMPLE.JP", normalizer.NormalizeEmail("hanako@example.jp"));
    }

    [Fact]
    public async Task Login_WithAWrongPassword_IsUnauthorized()
    {
        var app = apps.For("sqlite");
        var person = await app.SignUpAsync();

        var response = await app.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = person.Email, password = "wrong password!" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_credentials", await response.ProblemCodeAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("forged-token")]
    [InlineData("CfDJ8N_eZPXft6lHj6LRspctW8BMF1eXxOGmF3rO7JjfS4gj6yfmw1u4")]
    public async Task Me_WithoutAValidToken_IsUnauthorized(string? token)
    {
        var app = apps.For("sqlite");
        var client = app.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("not_signed_in", await response.ProblemCodeAsync());
    }

    [Fact]
    public async Task Token_AfterItsHour_IsRefused()
    {
        await using var app = TestApp.Create("sqlite", longLivedTokens: false);
        var person = await app.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync("/api/v1/me")).StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal(HttpStatusCode.Unauthorized, (await person.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Token_WithOneCharacterChanged_IsRefused()
    {
        var app = apps.For("sqlite");
        var person = await app.SignUpAsync();
        var token = person.Client.DefaultRequestHeaders.Authorization!.Parameter!;
        var middle = token.Length / 2;
        var forged = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync("/api/v1/me")).StatusCode);
    }
}
