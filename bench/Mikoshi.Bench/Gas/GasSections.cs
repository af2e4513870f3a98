using System.Text;
using System.Text.Json;
using Mikoshi.Bench.Ledger;

namespace Mikoshi.Bench.Gas;

/// <summary>The report's chain section: gas per distribution and per claim against OpenZeppelin 4.9's PaymentSplitter.</summary>
public static class GasSections
{
    public static void Write(StringBuilder text, string results)
    {
        var file = Path.Combine(results, "gas.json");
        if (!File.Exists(file))
        {
            return;
        }

        var g = JsonSerializer.Deserialize<GasResult>(File.ReadAllText(file), LedgerRun.Json)!;
        text.AppendLine("## 10. Chain mode: gas per revenue distribution and per claim, against PaymentSplitter")
            .AppendLine()
            .AppendLine(Fmt.Invariant($"On one {g.Anvil} node started for the run, with contracts compiled by solc-js {g.Solc} (optimizer on, 200 runs). For each number of recipients, the same random payees with the same random shares (1–999) on both sides, and revenue divisible by the shares' total so both pay exactly the same amounts (checked: every sampled payee ends with twice its amount, plus the 1 wei below). ")
                + "**Mikoshi** (`MikoshiClaims`): a distribution is one `publish(asset, epoch, root, total)` carrying the funding; a claim is `claim(asset, epoch, account, cumulative, proof)`. "
                + "**PaymentSplitter** (OpenZeppelin 4.9.6, unchanged): its payees are fixed when it is deployed, so a distribution to a new set of holders is a deployment with them plus a transfer of the revenue; a claim is `release(account)`. "
                + "Gas is from the receipts; it is deterministic for a given state, so one run per point is the measurement (the claim figures are the median, min and max over the sampled claims, each the payee's first claim; every sampled payee holds 1 wei beforehand, so neither side pays the 25,000 gas of creating an account).")
            .AppendLine()
            .AppendLine("| recipients | **distribution: Mikoshi ÷ PaymentSplitter** | Mikoshi publish | PaymentSplitter deploy + fund | (fund alone) | **claim: Mikoshi ÷ release** | Mikoshi claim (min – max) | PaymentSplitter release (min – max) | claims sampled |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in g.Points)
        {
            var distribution = (double)p.Publish / (p.SplitterDeploy + p.SplitterFund);
            var claim = (double)p.ClaimMedian / p.ReleaseMedian;
            text.AppendLine(Fmt.Invariant($"| {p.Recipients:N0} | **{distribution:F4}** | {p.Publish:N0} | {p.SplitterDeploy + p.SplitterFund:N0} | {p.SplitterFund:N0} | **{claim:F3}** | {p.ClaimMedian:N0} ({p.ClaimMin:N0} – {p.ClaimMax:N0}) | {p.ReleaseMedian:N0} ({p.ReleaseMin:N0} – {p.ReleaseMax:N0}) | {p.ClaimsMeasured} |"));
        }

        var first = g.Points[0];
        var last = g.Points[^1];
        text.AppendLine()
            .AppendLine(Fmt.Invariant($"Distribution gas is independent of the number of holders on our side ({first.Publish:N0} at {first.Recipients:N0}, {last.Publish:N0} at {last.Recipients:N0}); PaymentSplitter's grows with them because its payees are written at deployment. ")
                + Fmt.Invariant($"Against funding an existing splitter alone (a plain transfer, {last.SplitterFund:N0} gas) a publish costs more, but that splitter can never follow a membership that changes. ")
                + Fmt.Invariant($"A claim carries and checks a proof of ⌈log₂ n⌉ hashes (32 bytes of calldata and one Keccak each), so it grows by about {(last.ClaimMedian - first.ClaimMedian) / Math.Max(1, Math.Log2((double)last.Recipients / first.Recipients)):N0} gas per doubling of the holders, while `release` is flat ({last.ReleaseMedian:N0}; {last.ReleaseMax:N0} for the very first release, which starts its total-released counter). ")
                + Fmt.Invariant($"So the claim target (no dearer than `release`) holds where the ratio is at most 1 and is missed by the proof's calldata where it is above: {string.Join(", ", g.Points.Select(p => Fmt.Invariant($"{(double)p.ClaimMedian / p.ReleaseMedian:F3} at {p.Recipients:N0}")))}. ")
                + Fmt.Invariant($"The claims contract itself is deployed once per community ({first.ClaimsDeploy:N0} gas). Reproduce: `bench/run.sh gas`."))
            .AppendLine();
    }
}
