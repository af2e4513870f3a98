using CsCheck;
using Mikoshi.Tests.Http.Revenue;
using Mikoshi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mikoshi.Tests.Properties;

/// <summary>
/// Model-based property test of project money through the real HTTP API and a real database: random
/// sequences of revenue (one unit to 10^27, back-dated across split versions, retried), mints, gifts,
/// sales, redemptions, successions, claims (twice, retried), new split versions (not always accepted),
/// grants with recoupment and revenue-policy changes (holder share routed to the treasury, the
/// LLC-DAO cap), each checked against a naive model that recomputes the holders' share from the full
/// history; balances, entitlements, the holder pool and conservation are checked after every step,
/// and <c>verify</c> at the end of each sequence.
/// Reproduce a failure with the seed CsCheck prints: <c>CsCheck_Seed=... dotnet test --filter ...</c>;
/// <c>MIKOSHI_LONG=1</c> runs many more and longer sequences.
/// </summary>
public sealed class RevenueProperties(ITestOutputHelper output)
{
    /// <summary>Provider, sequences, longest sequence (after the first mints): about a minute per store.</summary>
    public static TheoryData<string, int, int> Runs => new()
    {
        { "sqlite", 6, 40 },
        { "postgres", 4, 40 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task RevenueSequences_PayEveryPartExactly_HoldersTheirShareWithinAUnitPerToken_AndConserveMoney(string provider, int sequences, int maxLength)
    {
        var isLong = Environment.GetEnvironmentVariable("MIKOSHI_LONG") == "1";
        await using var app = TestApp.Create(provider);
        var stats = new RunStats();
        var people = new Person[RevenueGen.People];
        for (var i = 0; i < people.Length; i++)
        {
            people[i] = await app.SignUpAsync(displayName: $"p{i}");
            if (RevenueRun.HasBankAccount(i))
            {
                await RevenueSetup.SetBankAccountAsync(people[i]);
            }
        }

        await RevenueGen.Sequence(isLong ? 3 * maxLength : maxLength).SampleAsync(async steps =>
            {
                // Every sequence gets a community of its own, founded by p0, with the same people.
                var foundedAt = app.Clock.GetUtcNow().ToUnixTimeMilliseconds();
                var slug = await people[0].FoundCommunityAsync();
                var run = new RevenueRun(app, people, slug, stats);
                await run.StartAsync(foundedAt);
                for (var i = 0; i < steps.Length; i++)
                {
                    await run.StepAsync(i, steps[i]);
                }

                await run.FinishAsync();
            },
            writeLine: output.WriteLine,
            seed: Environment.GetEnvironmentVariable("CsCheck_Seed"),
            iter: int.TryParse(Environment.GetEnvironmentVariable("MIKOSHI_PROP_SEQUENCES"), out var n) ? n : isLong ? 10 * sequences : sequences,
            threads: 1,
            print: RevenueGen.Describe);
        output.WriteLine(stats.ToString());
    }
}
