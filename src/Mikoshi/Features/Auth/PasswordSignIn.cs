using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mikoshi.Api;
using Mikoshi.Data;
using Mikoshi.Domain;
using Mikoshi.Domain.Identity;

namespace Mikoshi.Features.Auth;

/// <summary>The outcome of a password sign-in: the person, or an error (with how long to wait when throttled).</summary>
public sealed record PasswordCheck(MikoshiUser? User, Error? Error, TimeSpan RetryAfter)
{
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;
}

/// <summary>
/// Checks an email and a password for the API's login and the sign-in page alike: the throttle of
/// <see cref="SignInThrottle"/> instead of Identity's lockout, and the same work whether or not the account exists
/// (an unknown email is checked against a stand-in hash, so the answer takes as long as a wrong password).
/// </summary>
public sealed class PasswordSignIn(
    UserManager<MikoshiUser> users,
    SignInManager<MikoshiUser> signIn,
    ILookupNormalizer normalizer,
    IPasswordHasher<MikoshiUser> hasher,
    MikoshiDb db,
    SignInThrottle throttle,
    StandInHash standIn,
    IConfiguration configuration,
    TimeProvider clock)
{
    /// <summary>The pause before checking a password on an account under attack from an address that has not failed there: <c>Mikoshi:SignIn:UnderAttackPauseMs</c>.</summary>
    public const int DefaultUnderAttackPauseMs = 1000;

    public async Task<PasswordCheck> CheckAsync(string? email, string? password, IPAddress? from)
    {
        if (PasswordPolicy.IsTooLong(password))
        {
            // Refused before any hashing: a 20 MB password costs nothing.
            return new PasswordCheck(null, IdentityErrors.PasswordTooLong, TimeSpan.Zero);
        }

        var account = normalizer.NormalizeEmail(email?.Trim() ?? string.Empty) ?? string.Empty;
        var address = RateLimits.PartitionOf(from);
        var user = account.Length == 0 ? null : await users.FindByEmailAsync(email!.Trim());
        var failures = Math.Max(user?.AccessFailedCount ?? 0, throttle.AccountFailures(account));
        var wait = throttle.WaitFor(address, account, failures);
        if (wait > TimeSpan.Zero)
        {
            return new PasswordCheck(null, ApiErrors.RateLimited, wait);
        }

        if (failures >= SignInThrottle.AccountThreshold)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(configuration.GetValue("Mikoshi:SignIn:UnderAttackPauseMs", DefaultUnderAttackPauseMs)), clock);
        }

        var correct = false;
        if (user is null)
        {
            hasher.VerifyHashedPassword(standIn.User, standIn.HashFor(hasher), password ?? string.Empty);
        }
        else
        {
            correct = (await signIn.CheckPasswordSignInAsync(user, password ?? string.Empty, lockoutOnFailure: false)).Succeeded;
        }

        if (!correct)
        {
            throttle.Failed(address, account);
            if (user is not null)
            {
                // One statement, so concurrent failures on several replicas all count and no concurrency stamp is touched.
                await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1));
            }

            return new PasswordCheck(null, AuthErrors.InvalidCredentials, TimeSpan.Zero);
        }

        throttle.SignedIn(address, account);
        if (user!.AccessFailedCount != 0)
        {
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0));
        }

        return new PasswordCheck(user, null, TimeSpan.Zero);
    }
}

/// <summary>A hash of a random password, made once with the app's hasher, to check unknown emails against.</summary>
public sealed class StandInHash
{
    private string? hash;

    public MikoshiUser User { get; } = new() { Id = Guid.Empty, UserName = "stand-in" };

    public string HashFor(IPasswordHasher<MikoshiUser> hasher) =>
        hash ??= hasher.HashPassword(User, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
}
