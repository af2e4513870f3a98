using System.Collections.Concurrent;

namespace Mikoshi.Features.Auth;

/// <summary>
/// Growing delays for password guessing, kept so that guessing never locks the owner out (issue 15, finding 2).
/// An account counts its failed passwords in the database (Identity's <c>AccessFailedCount</c>, shared by every
/// replica); each client address (an IPv6 address by its /64) counts its own failures against that account here, in
/// memory. Below <see cref="AccountThreshold"/> failures nothing waits. From there on, an address that has already
/// failed on the account must wait 2^(its failures − 1) seconds after its last failure (at most an hour) before it
/// may try again — the attacker's address slows to a handful of guesses an hour — while an address that never failed
/// there (the owner at home, on the phone) is let through after a short pause. Nothing here ever refuses a correct
/// password from a new address, and passkeys and wallets never pass through it.
/// Unknown accounts are counted here too, so the throttle answers alike whether or not an account exists.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    /// <summary>Failed passwords on an account before any address has to wait.</summary>
    public const int AccountThreshold = 5;

    /// <summary>The longest an address waits between two tries on one account.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    /// <summary>Entries untouched this long are forgotten when the table grows.</summary>
    private static readonly TimeSpan Forget = TimeSpan.FromDays(1);

    private const int SweepAbove = 50_000;

    private readonly ConcurrentDictionary<(string Address, string Account), Failures> byAddress = new();
    private readonly ConcurrentDictionary<string, Failures> byAccount = new(StringComparer.Ordinal);

    private sealed record Failures(int Count, DateTimeOffset Last);

    /// <summary>Failures on the account that this replica saw (the database's count covers known accounts across replicas).</summary>
    public int AccountFailures(string account) => byAccount.TryGetValue(account, out var seen) ? seen.Count : 0;

    /// <summary>How long <paramref name="address"/> must still wait before trying <paramref name="account"/>; zero when it may try now.</summary>
    public TimeSpan WaitFor(string address, string account, int accountFailures)
    {
        if (accountFailures < AccountThreshold || !byAddress.TryGetValue((address, account), out var mine))
        {
            return TimeSpan.Zero;
        }

        var wait = Backoff(mine.Count) - (clock.GetUtcNow() - mine.Last);
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    /// <summary>2^(failures − 1) seconds, at most <see cref="MaxWait"/>.</summary>
    public static TimeSpan Backoff(int failures) =>
        failures <= 0 ? TimeSpan.Zero
        : failures > 13 ? MaxWait
        : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - 1), MaxWait.TotalSeconds));

    public void Failed(string address, string account)
    {
        var now = clock.GetUtcNow();
        byAddress.AddOrUpdate((address, account), _ => new Failures(1, now), (_, old) => new Failures(old.Count + 1, now));
        byAccount.AddOrUpdate(account, _ => new Failures(1, now), (_, old) => new Failures(old.Count + 1, now));
        if (byAddress.Count > SweepAbove || byAccount.Count > SweepAbove)
        {
            Sweep(now);
        }
    }

    /// <summary>The right password: the account's count starts again. The failing addresses keep theirs, so an attacker resumes where they were.</summary>
    public void SignedIn(string address, string account)
    {
        byAccount.TryRemove(account, out _);
        byAddress.TryRemove((address, account), out _);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, failures) in byAddress)
        {
            if (now - failures.Last > Forget)
            {
                byAddress.TryRemove(key, out _);
            }
        }

        foreach (var (key, failures) in byAccount)
        {
            if (now - failures.Last > Forget)
            {
                byAccount.TryRemove(key, out _);
            }
        }
    }
}
