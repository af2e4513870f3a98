using System.Text;
using System.Text.Json;

namespace Mikoshi.Bench.Ledger;

/// <summary>The report's section 6b: the rows a write stores, written raw, against the write itself.</summary>
public static class FloorSections
{
    public static IReadOnlyList<FloorResult> Read(string results) =>
        [.. new[] { "floor-sqlite", "floor-postgres" }
            .Select(name => Path.Combine(results, name + ".json"))
            .Where(File.Exists)
            .Select(file => JsonSerializer.Deserialize<FloorResult>(File.ReadAllText(file), LedgerRun.Json)!)];

    public static void Write(StringBuilder text, string results)
    {
        var stores = Read(results);
        if (stores.Count == 0)
        {
            return;
        }

        text.AppendLine("## 6b. The floor under a write: its rows alone, written raw")
            .AppendLine()
            .AppendLine("What a deposit, a mint and a transfer store — the same rows in the same tables, with their indexes, foreign keys and sizes — written by raw ADO.NET "
                + "on one open connection, prepared, one transaction per write, and nothing else: no read, no rule, no hash. The rows are copies of what real writes "
                + "stored (a few of each kind through the app, in communities nothing writes to afterwards): inserts under new keys, updates of the same rows to the "
                + "values they hold. On SQLite one statement after another inside `BEGIN IMMEDIATE` … `COMMIT`, foreign keys on as the app has them; on PostgreSQL "
                + "one batch, `BEGIN` and `COMMIT` in it: one round trip. Whatever a write does, it stores at least these rows, and everything left out (the reads, "
                + "the rules, on PostgreSQL an owner index an unchanged value may skip) makes the floor cheaper, never dearer: so **floor ÷ raw bounds what any "
                + "implementation of the write can reach on this schema**, and **app ÷ floor** is how much of it the app reaches. The app's writes are section 2's "
                + "and section 4's loops (a new scope and context per write, an `Idempotency-Key`), and the raw one-row commit section 2's baseline, all measured again here. All seven sides take turns "
                + "within each repetition, one client, in slices: a sixth of each side's time at a time, all sides in turn, each round starting one side later, "
                + "so that the raw commit and each floor meet the same moments of the shared machine. Ratios are per repetition, then the median (min – max).")
            .AppendLine()
            .AppendLine("| store | write | rows written (inserted or updated) | **floor ÷ raw** | app ÷ raw | **app ÷ floor** | floor/s | app/s | raw one-row tx/s |")
            .AppendLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var store in stores)
        {
            foreach (var f in store.Figures)
            {
                text.AppendLine(Fmt.Invariant($"| {store.Store} | {f.Kind} | {f.Rows} in {f.Tables} tables | **{f.FloorRatio.Show(3)}** | {f.AppRatio.Show(3)} | **{f.AppOverFloor.Show(3)}** | {f.FloorPerSecond.Show(0)} | {f.AppPerSecond.Show(0)} | {store.RawPerSecond.Show(0)} |"));
            }
        }

        text.AppendLine()
            .AppendLine(Fmt.Invariant($"{string.Join("; ", stores.Select(s => Fmt.Invariant($"{s.Store}: {s.Repetitions} repetitions of {s.SecondsPerRepetition:0.#} s per side, after {LedgerRun.Warmup.TotalSeconds:0} s of every side in turn, unmeasured ({s.Settings})")))}. ")
                + "Reproduce: `bench/run.sh floor` (both stores; `floor-sqlite` or `floor-postgres` for one).")
            .AppendLine();
    }
}
