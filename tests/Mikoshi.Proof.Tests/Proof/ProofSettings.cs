using System.Globalization;

namespace Mikoshi.Tests.Proof;

/// <summary>
/// The reliability proof runs a fast slice in the normal suite; <c>MIKOSHI_LONG=1</c> runs it in full
/// (50 kills per store). <c>MIKOSHI_PROOF_SEED=n</c> replays a run's random choices (the kill moments
/// themselves fall where the machine's timing puts them).
/// </summary>
public static class ProofSettings
{
    public static bool LongRun => Environment.GetEnvironmentVariable("MIKOSHI_LONG") == "1";

    /// <summary>Kills per store: <c>MIKOSHI_PROOF_KILLS</c> if set, else 50 in a long run, else the fast count.</summary>
    public static int Kills(int fast) =>
        int.TryParse(Environment.GetEnvironmentVariable("MIKOSHI_PROOF_KILLS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var kills)
            ? kills
            : LongRun ? 50 : fast;

    public static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("MIKOSHI_PROOF_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next(1, int.MaxValue / 2);
}

/// <summary>A test that only <c>MIKOSHI_LONG=1</c> runs; the normal suite reports it skipped.</summary>
public sealed class LongFactAttribute : FactAttribute
{
    public LongFactAttribute()
    {
        if (!ProofSettings.LongRun)
        {
            Skip = "Runs with MIKOSHI_LONG=1 (scripts/proof.sh).";
        }
    }
}
