using System.Text;
using System.Text.Json;
using Mikoshi.Bench.Ledger;

namespace Mikoshi.Bench.Scale;

/// <summary>The report's scale section: each request in a large community over the same request in one of the demo's size.</summary>
public static class ScaleSections
{
    public static void Write(StringBuilder text, string results)
    {
        var stores = new[] { "scale-sqlite", "scale-postgres" }
            .Select(name => Path.Combine(results, name + ".json"))
            .Where(File.Exists)
            .Select(file => JsonSerializer.Deserialize<ScaleResult>(File.ReadAllText(file), LedgerRun.Json)!)
            .ToList();
        if (stores.Count == 0)
        {
            return;
        }

        var first = stores[0];
        text.AppendLine("## 7b. Cost in the community's size: each request at 10^5 entries / 10^4 members over the same request at the demo's size")
            .AppendLine()
            .AppendLine(Fmt.Invariant($"The real app (`MikoshiApp.Build`, Kestrel on a loopback port) holds two communities founded by the same person, each in a store of its own: a demo-sized one ({first.Small.Entries:N0} journal entries, {first.Small.Members:N0} members with a token each, token #1's lineage {first.Small.Lineage:N0} steps) ")
                + Fmt.Invariant($"and a large one ({first.Large.Entries:N0} entries, {first.Large.Members:N0} members, token #1's lineage {first.Large.Lineage:N0} steps). The large one is filled in-process through the real `Writer` and `MintToken.MintInAsync` (many writes per transaction). ")
                + "On PostgreSQL both stores are then vacuumed and analyzed, as autovacuum would long since have done in a community that grew over months (seeded in seconds, the large store was otherwise vacuumed while its requests were timed). "
                + "One client sends each request to both communities in turn, each answered before the next, alternating which goes first; a figure is the mean latency of a block of requests, and the table gives the median (min – max) over the blocks. "
                + "**large ÷ demo** is the large community's median over the demo-sized one's: 1.0 is a cost flat in size; the target is ≤ 1.2.")
            .AppendLine()
            .AppendLine("| store | request | **large ÷ demo** | demo-sized, ms per request | large, ms per request | requests per block × blocks |")
            .AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var store in stores)
        {
            foreach (var f in store.Figures)
            {
                text.AppendLine(Fmt.Invariant($"| {store.Store} | {f.Name}: `{f.Request}` | **{f.Ratio:F2}** | {f.SmallMs.Show(2)} | {f.LargeMs.Show(2)} | {f.Requests} × {store.Repetitions} |"));
            }
        }

        text.AppendLine()
            .AppendLine(Fmt.Invariant($"Filling both communities took {string.Join(" and ", stores.Select(s => Fmt.Invariant($"{s.SeedSeconds:F0} s ({s.Store})")))}. ")
                + "Reproduce: `bench/run.sh scale` (both stores; `scale-sqlite` or `scale-postgres` for one). Settings: `BENCH_SCALE_ENTRIES` (100000), `BENCH_SCALE_MEMBERS` (10000), `BENCH_SCALE_LINEAGE` (1000), `BENCH_SCALE_REQUESTS` (100 per block), `BENCH_REPS` (5 blocks).")
            .AppendLine();
    }
}
