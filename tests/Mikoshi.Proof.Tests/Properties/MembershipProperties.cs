using CsCheck;
using Mikoshi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mikoshi.Tests.Properties;

/// <summary>
/// Model-based property test of membership through the real HTTP API and a real database: random
/// sequences of mints (sometimes after a parameter change), gifts, approvals, listings, sales,
/// redemptions, succession plans and their execution, deposits, fund proposals, votes, delegations,
/// the executor settling proposals (grants out of the treasury) and project revenue, each checked
/// against a naive model, with money, tokens, supply, past holdings, token values, vote locks,
/// holders' shares and tallies checked after every step.
/// Reproduce a failure with the seed CsCheck prints: <c>CsCheck_Seed=... dotnet test --filter ...</c>.
/// </summary>
public sealed class MembershipProperties(ITestOutputHelper output)
{
    /// <summary>Provider, sequences, longest sequence: many on SQLite, a few on PostgreSQL; <c>MIKOSHI_LONG=1</c> runs five times as many, twice as long.</summary>
    public static TheoryData<string, int, int> Runs => new()
    {
        { "sqlite", 15, 40 },
        { "postgres", 4, 25 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task MembershipOperations_InAnyOrder_ConserveMoney_KeepOneOwnerPerToken_AndRememberPastHoldings(string provider, int sequences, int maxLength)
    {
        var isLong = Environment.GetEnvironmentVariable("MIKOSHI_LONG") == "1";
        await using var app = TestApp.Create(provider);
        var stats = new RunStats();
        var people = new Person[MembershipGen.People];
        for (var i = 0; i < people.Length; i++)
        {
            people[i] = await app.SignUpAsync(displayName: $"p{i}");
        }

        await MembershipGen.Sequence(isLong ? 2 * maxLength : maxLength).SampleAsync(async steps =>
            {
                // Every sequence gets a community of its own, founded by p0, with the same people.
                var foundedAt = app.Clock.GetUtcNow().ToUnixTimeMilliseconds();
                var slug = await people[0].FoundCommunityAsync(assets: ["ETH", "USDC"]);
                var run = new MembershipRun(app, people, slug, stats);
                await run.StartAsync(foundedAt);
                for (var i = 0; i < steps.Length; i++)
                {
                    await run.StepAsync(i, steps[i]);
                }

                await run.VerifyAsync();
            },
            writeLine: output.WriteLine,
            seed: Environment.GetEnvironmentVariable("CsCheck_Seed"),
            iter: int.TryParse(Environment.GetEnvironmentVariable("MIKOSHI_PROP_SEQUENCES"), out var n) ? n : isLong ? 5 * sequences : sequences,
            threads: 1,
            print: MembershipGen.Describe);
        output.WriteLine(stats.ToString());
    }
}
