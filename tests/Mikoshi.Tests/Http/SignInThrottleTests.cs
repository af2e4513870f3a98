using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mikoshi.Data;
using Mikoshi.Tests.Infrastructure;

namespace Mikoshi.Tests.Http;

/// <summary>
/// Issue 15, finding 2: ten wrong passwords from one address used to lock the owner out for five minutes, renewable
/// forever. Now the guessing address waits longer and longer, and the owner signs in from any other address.
/// </summary>
public sealed class SignInThrottleTests
{
    private const string Attacker = "203.0.113.7";
    private const string Owner = "198.51.100.20";

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostJsonAsync("/api/v1/auth/login", new { email, password });

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Guessing_SlowsTheGuessersAddress_ButTheOwnerSignsInFromANewAddress(string provider)
    {
        await using var app = TestApp.Create(provider);
        var person = await app.SignUpAsync();
        await using var host = app.WithClientAddresses(new Dictionary<string, string?> { ["Mikoshi:SignIn:UnderAttackPauseMs"] = "200" });
        var attacker = host.ClientFrom(Attacker);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("invalid_credentials", await (await LoginAsync(attacker, person.Email, $"guess number {i}!")).ProblemCodeAsync());
        }

        // The sixth try, even with the right password, waits: 2^(5-1) = 16 seconds after the fifth failure.
        var throttled = await LoginAsync(attacker, person.Email, Person.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal("rate_limited", await throttled.ProblemCodeAsync());
        Assert.Equal("16", throttled.Headers.RetryAfter!.ToString());

        // The owner, from an address that never failed, signs in at once (after a short pause).
        var started = Stopwatch.StartNew();
        var owner = await LoginAsync(host.ClientFrom(Owner), person.Email, Person.Password);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"the owner waited {started.Elapsed}");

        // The guesser resumes where it was: after its wait one more guess, then twice as long.
        app.Clock.Advance(TimeSpan.FromSeconds(16));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("invalid_credentials", await (await LoginAsync(attacker, person.Email, $"another guess {i}!")).ProblemCodeAsync());
        }

        var longer = await LoginAsync(attacker, person.Email, "yet another guess");
        Assert.Equal("rate_limited", await longer.ProblemCodeAsync());
        Assert.Equal("512", longer.Headers.RetryAfter!.ToString());

        // Its whole IPv6 /64 is one address; the next /64 is another.
        var v6 = host.ClientFrom("2001:db8:1:2::1");
        for (var i = 0; i < 2; i++)
        {
            await LoginAsync(v6, person.Email, $"v6 guess {i}!");
        }

        Assert.Equal("rate_limited", await (await LoginAsync(host.ClientFrom("2001:db8:1:2:ffff::9"), person.Email, Person.Password)).ProblemCodeAsync());
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(host.ClientFrom("2001:db8:1:3::1"), person.Email, Person.Password)).StatusCode);

        // Nothing about the account is locked: passkeys and wallets (which check only Identity's lockout) still sign in.
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MikoshiUser>>();
        var user = await users.FindByEmailAsync(person.Email);
        Assert.False(await users.IsLockedOutAsync(user!));
        Assert.Null(user!.LockoutEnd);
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task AnUnknownEmail_IsThrottledExactlyLikeAKnownOne(string provider)
    {
        await using var app = TestApp.Create(provider);
        var person = await app.SignUpAsync();
        await using var host = app.WithClientAddresses(new Dictionary<string, string?> { ["Mikoshi:SignIn:UnderAttackPauseMs"] = "0" });
        var attacker = host.ClientFrom(Attacker);

        var answers = new List<string>();
        foreach (var email in new[] { person.Email, "nobody-here@example.jp" })
        {
            for (var i = 0; i < 7; i++)
            {
                var response = await LoginAsync(attacker, email, $"guess number {i}!");
                answers.Add($"{email == person.Email} {(int)response.StatusCode} {await response.ProblemCodeAsync()} {response.Headers.RetryAfter}");
            }
        }

        Assert.Equal(answers.Take(7).Select(a => a[(a.IndexOf(' ', StringComparison.Ordinal) + 1)..]), answers.Skip(7).Select(a => a[(a.IndexOf(' ', StringComparison.Ordinal) + 1)..]));
    }

    [Theory]
    [MemberData(nameof(TestApp.Providers), MemberType = typeof(TestApp))]
    public async Task Login_ForAnUnknownEmail_TakesAboutAsLongAsAWrongPasswordForAKnownOne(string provider)
    {
        // The shipped hash cost (the test apps lower it for speed): an unknown email used to answer ~25× sooner.
        await using var app = TestApp.Create(provider);
        await using var host = app.WithClientAddresses(
            new Dictionary<string, string?> { ["Mikoshi:SignIn:UnderAttackPauseMs"] = "0" },
            s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 100_000));
        var email = $"timing{Guid.NewGuid():N}@example.jp";
        Assert.Equal(HttpStatusCode.Accepted, (await host.ClientFrom("192.0.2.1").PostJsonAsync("/api/v1/auth/register", new { email, password = Person.Password })).StatusCode);

        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 24; i++)
        {
            // Each try from an address of its own, so no try waits for the throttle.
            foreach (var (who, times) in new[] { (email, known), ($"nobody{i}@example.jp", unknown) })
            {
                var client = host.ClientFrom($"10.{i}.{times.Count % 250}.{(who == email ? 1 : 2)}");
                var watch = Stopwatch.StartNew();
                var response = await LoginAsync(client, who, "a wrong password!");
                watch.Stop();
                Assert.Equal("invalid_credentials", await response.ProblemCodeAsync());
                if (i >= 4)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
        var ratio = Math.Max(Median(known), Median(unknown)) / Math.Min(Median(known), Median(unknown));
        Assert.True(ratio < 3, $"known {Median(known):F1} ms, unknown {Median(unknown):F1} ms: ratio {ratio:F2}");
    }

    [Fact]
    public async Task ATwentyMegabytePassword_IsRefusedBeforeHashing_WithItsCode()
    {
        await using var app = TestApp.Create("sqlite");
        var person = await app.SignUpAsync();
        var huge = new string('x', 20 * 1024 * 1024);
        var before = await StoreSnapshot.TakeAsync(app);

        var login = await app.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email = person.Email, password = huge });
        var register = await app.CreateClient().PostJsonAsync("/api/v1/auth/register", new { email = "huge@example.jp", password = huge });
        var change = await person.Client.PostJsonAsync("/api/v1/auth/password", new { currentPassword = Person.Password, newPassword = huge });

        foreach (var refused in new[] { login, register, change })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("password_too_long", await refused.ProblemCodeAsync());
        }

        Assert.Equal(before, await StoreSnapshot.TakeAsync(app));
        await using var scope = app.Scope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<MikoshiDb>().Users.CountAsync(u => u.Email == "huge@example.jp"));
    }
}
