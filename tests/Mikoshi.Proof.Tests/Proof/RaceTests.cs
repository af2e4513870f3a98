using Mikoshi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mikoshi.Tests.Proof;

/// <summary>
/// 64 concurrent clients racing for what may happen once (see <see cref="Races"/>): on SQLite and on
/// PostgreSQL in-process, and across two real <c>mikoshi serve</c> processes on one PostgreSQL database.
/// The fast suite races 64 clients among 8 people; <c>MIKOSHI_LONG=1</c> gives every client a person of its own.
/// </summary>
public sealed class RaceTests(ITestOutputHelper output)
{
    private const int Clients = 64;

    private static int People => ProofSettings.LongRun ? Clients : 8;

    [Fact]
    public Task SixtyFourClients_RacingForWhatHappensOnce_OnSqlite_GetOneSuccessAndCodes_BooksMoveOnce() => RaceInProcessAsync("sqlite");

    /// <summary>The fast suite races PostgreSQL across two processes (below); this in-process run is the long suite's.</summary>
    [LongFact]
    public Task SixtyFourClients_RacingForWhatHappensOnce_OnPostgres_GetOneSuccessAndCodes_BooksMoveOnce() => RaceInProcessAsync("postgres");

    private async Task RaceInProcessAsync(string provider)
    {
        await using var app = TestApp.Create(provider);
        var target = new RaceTarget(provider, app.Store, [new ProofApi(app.CreateClient())]);

        var races = new Races(target, Clients, People);
        var failures = await races.RunAsync();
        output.WriteLine($"{target.Name}: {string.Join(", ", races.Timings)}");

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task SixtyFourClients_AcrossTwoServerProcessesOnOnePostgres_GetOneSuccessAndCodes_BooksMoveOnce()
    {
        var store = ProofStore.Fresh("postgres");
        await using var first = new ServerProcess(store, "race-a");
        await using var second = new ServerProcess(store, "race-b");
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };

        // The first process migrates the new database and makes the Data Protection key both will use.
        await first.StartAsync();
        await new ProofApi(http, () => first.BaseAddress).SignUpAsync("Warmup");
        await second.StartAsync();
        var target = new RaceTarget("two processes", store, [new ProofApi(http, () => first.BaseAddress), new ProofApi(http, () => second.BaseAddress)]);

        var races = new Races(target, Clients, People);
        var failures = await races.RunAsync();
        output.WriteLine($"{target.Name}: {string.Join(", ", races.Timings)}");

        Assert.True(failures.Count == 0, string.Join("\n", failures) + $"\nfirst server:\n{first.Tail()}\nsecond server:\n{second.Tail()}");
        Assert.False(first.HasExited || second.HasExited, "a server process stopped during the races");
        ProofStore.Delete(store);
    }
}
