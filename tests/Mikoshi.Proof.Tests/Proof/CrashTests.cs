using Xunit.Abstractions;

namespace Mikoshi.Tests.Proof;

/// <summary>
/// Crash safety: a storm of money operations against a real <c>mikoshi serve</c> process that is killed with
/// SIGKILL at random moments and started again (see <see cref="CrashStorm"/>). Fast: 2 kills on SQLite, 1 on PostgreSQL;
/// <c>MIKOSHI_LONG=1</c>: 50 kills per store with more clients.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("sqlite", 2)]
    [InlineData("postgres", 1)]
    public async Task ServerKilledMidStorm_RetriesWithTheirKeys_BooksEqualTheAnswers_NothingTwice_VerifyClean(string provider, int fastKills)
    {
        var seed = ProofSettings.Seed();
        var store = ProofStore.Fresh(provider);
        try
        {
            var report = await new CrashStorm(store, provider, kills: ProofSettings.Kills(fastKills), memberClients: ProofSettings.LongRun ? 8 : 4, seed).RunAsync();
            output.WriteLine($"{report.Summary} (MIKOSHI_PROOF_SEED={seed})");

            Assert.True(report.Failures.Count == 0, $"{report.Summary}, seed {seed}:\n" + string.Join("\n", report.Failures.Take(30)));

            // The harness must have done its job for the checks above to mean anything.
            Assert.True(report.Succeeded > 0 && report.Refused >= 0, report.Summary);
            Assert.True(report.Interrupted > 0, $"no request was in flight at any kill: {report.Summary}");
        }
        finally
        {
            ProofStore.Delete(store);
        }
    }
}
