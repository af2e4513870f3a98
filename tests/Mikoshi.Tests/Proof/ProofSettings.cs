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

    public static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("MIKOSHI_PROOF_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next(1, int.MaxValue / 2);
}
