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

    [Fact]
    public async Task Login_ForAnUnknownEmail_HashesExactlyAsAWrongPasswordForAKnownOne()
    {
        // An unknown email used to answer ~25x sooner: no hash was checked. The work is the same when each answer
        // checks one hash at the configured cost, which the hasher's calls show without timing anything. The store
        // plays no part in this, so SQLite alone.
        const int Cost = 12_345;
        var hasher = new CountingHasher(new PasswordHasher<MikoshiUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = Cost })));
        await using var app = TestApp.Create("sqlite");
        await using var host = app.WithClientAddresses(
            new Dictionary<string, string?> { ["Mikoshi:SignIn:UnderAttackPauseMs"] = "0" },
            s => s.AddSingleton<IPasswordHasher<MikoshiUser>>(hasher));
        var email = $"cost{Guid.NewGuid():N}@example.jp";
        Assert.Equal(HttpStatusCode.Accepted, (await host.ClientFrom("192.0.2.1").PostJsonAsync("/api/v1/auth/register", new { email, password = Person.Password })).StatusCode);

        var checks = new Dictionary<string, int[]>();
        foreach (var (case_, who) in new[] { ("known", email), ("unknown", "nobody-here@example.jp") })
        {
            hasher.Checked.Clear();
            Assert.Equal("invalid_credentials", await (await LoginAsync(host.ClientFrom($"10.0.0.{checks.Count + 1}"), who, "a wrong password!")).ProblemCodeAsync());
            checks[case_] = [.. hasher.Checked];
        }

        Assert.Equal([Cost], checks["known"]);
        Assert.Equal(checks["known"], checks["unknown"]);
    }

    /// <summary>The real hasher, noting the cost (PBKDF2 iterations) of every hash it checks.</summary>
    private sealed class CountingHasher(IPasswordHasher<MikoshiUser> inner) : IPasswordHasher<MikoshiUser>
    {
        public System.Collections.Concurrent.ConcurrentQueue<int> Checked { get; } = new();

        public string HashPassword(MikoshiUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(MikoshiUser user, string hashedPassword, string providedPassword)
        {
            // Identity's version-3 layout: a format byte, the PRF and the iteration count as big-endian 32-bit numbers.
            Checked.Enqueue(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(Convert.FromBase64String(hashedPassword).AsSpan(5, 4)));
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
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
