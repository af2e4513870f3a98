using System.Text;
using System.Text.Json;
using Mikoshi.Bench.Ledger;

namespace Mikoshi.Bench.Votes;

/// <summary>The report's governance section: signed votes verified per second against Nethereum, and a tally of 10^6 ballots.</summary>
public static class VotesSections
{
    public static void Write(StringBuilder text, string results)
    {
        var file = Path.Combine(results, "votes.json");
        if (!File.Exists(file))
        {
            return;
        }

        var v = JsonSerializer.Deserialize<VotesResult>(File.ReadAllText(file), LedgerRun.Json)!;
        text.AppendLine(Fmt.Invariant($"## 9. Governance: signed votes verified per second, and a tally of {v.Ballots:N0} ballots"))
            .AppendLine()
            .AppendLine(Fmt.Invariant($"{v.Votes:N0} EIP-712 votes, pre-signed by {v.Keys:N0} keys for {v.Communities} communities (random proposal, choice and reason, Japanese included), are verified on one thread: the vote's digest is computed from its fields, the signer recovered from the 65-byte hex signature, and compared with the voter. ")
                + "**Mikoshi**: `VoteTypedData.Digest` (our own Keccak-256) + `Signatures.Recover` (NBitcoin.Secp256k1, with EIP-2's low-s rule). "
                + "**Nethereum** 6.1.0, its default path over the same votes in the same run: `Eip712TypedDataSigner.RecoverFromSignatureV4(message, typedData, signature)` with the typed data built once per community. "
                + "**Recovery alone**, from the same precomputed digests: `Signatures.Recover` against `EthECKey.RecoverFromSignature` + `GetPublicAddress` (BouncyCastle). "
                + "The sides alternate, and which goes first alternates, repetition by repetition; every vote recovers to its voter on every side before anything is timed. "
                + "One thread on a shared 2-core machine, so a figure here is per core. Median (min – max) of the repetitions; the ratio is taken per repetition.")
            .AppendLine()
            .AppendLine("| | **Mikoshi ÷ Nethereum** | Mikoshi per s | Nethereum per s | Mikoshi per vote |")
            .AppendLine("|---|---:|---:|---:|---:|")
            .AppendLine(Fmt.Invariant($"| signed votes verified (digest + recovery) | **{v.VotesRatio.Show(1)}** | {v.OursVotesPerSecond.Show(0)} | {v.NethereumVotesPerSecond.Show(0)} | {Fmt.Time(1e9 / v.OursVotesPerSecond.Median)} |"))
            .AppendLine(Fmt.Invariant($"| recovery alone | **{v.RecoveriesRatio.Show(1)}** | {v.OursRecoveriesPerSecond.Show(0)} | {v.NethereumRecoveriesPerSecond.Show(0)} | {Fmt.Time(1e9 / v.OursRecoveriesPerSecond.Median)} |"))
            .AppendLine()
            .AppendLine(Fmt.Invariant($"**Tally**: `Tally.Count` over {v.Ballots:N0} ballots (one per voter, quadratic power of 1 to 10^6 tokens, half for, four tenths against, a tenth abstaining): each voter checked to appear once, each choice and power checked, sums checked for overflow, quorum and threshold in `Int128`. ")
                + "Beside it, the floor: a bare loop summing the same array by choice with no checks.")
            .AppendLine()
            .AppendLine("| | median | min – max | ballots/s |")
            .AppendLine("|---|---:|---:|---:|")
            .AppendLine(Fmt.Invariant($"| `Tally.Count` | {v.TallyMs.Median:F1} ms | {v.TallyMs.Min:F1} – {v.TallyMs.Max:F1} ms | {v.TallyBallotsPerSecond.Median:N0} |"))
            .AppendLine(Fmt.Invariant($"| bare sum | {v.BareSumMs.Median:F1} ms | {v.BareSumMs.Min:F1} – {v.BareSumMs.Max:F1} ms | {v.Ballots / (v.BareSumMs.Median / 1000):N0} |"))
            .AppendLine()
            .AppendLine(Fmt.Invariant($"{v.Repetitions} repetitions per side. Reproduce: `bench/run.sh votes` (`BENCH_VOTES` ({v.Votes:N0} here) votes, `BENCH_BALLOTS` ({v.Ballots:N0})). The duplicate-voter check is most of the difference from the bare sum: a voter counted twice would be a silent error in the one number a community trusts most."))
            .AppendLine();
    }

    public static void WriteRepetitions(StringBuilder text, string results)
    {
        var file = Path.Combine(results, "votes.json");
        if (!File.Exists(file))
        {
            return;
        }

        var v = JsonSerializer.Deserialize<VotesResult>(File.ReadAllText(file), LedgerRun.Json)!;
        text.AppendLine(Fmt.Invariant($"| votes | Mikoshi signed votes/s | {Report.Values(v.OursVotesPerSecond, 0)} |"))
            .AppendLine(Fmt.Invariant($"| votes | Nethereum signed votes/s | {Report.Values(v.NethereumVotesPerSecond, 0)} |"))
            .AppendLine(Fmt.Invariant($"| votes | Mikoshi recoveries/s | {Report.Values(v.OursRecoveriesPerSecond, 0)} |"))
            .AppendLine(Fmt.Invariant($"| votes | Nethereum recoveries/s | {Report.Values(v.NethereumRecoveriesPerSecond, 0)} |"))
            .AppendLine(Fmt.Invariant($"| votes | Tally.Count ms | {Report.Values(v.TallyMs, 1)} |"))
            .AppendLine(Fmt.Invariant($"| votes | bare sum ms | {Report.Values(v.BareSumMs, 1)} |"));
    }
}
