using System.Text;
using System.Text.Json;
using Mikoshi.Bench.Ledger;

namespace Mikoshi.Bench.Verify;

/// <summary>Section 3's second half: the streaming verifier at two sizes, and the incremental run.</summary>
public static class VerifySections
{
    public static void Write(StringBuilder text, string results)
    {
        var stores = new[] { "verify-sqlite", "verify-postgres" }
            .Select(name => Path.Combine(results, name + ".json"))
            .Where(File.Exists)
            .Select(file => JsonSerializer.Deserialize<VerifyResult>(File.ReadAllText(file), LedgerRun.Json)!)
            .ToList();
        if (stores.Count == 0)
        {
            return;
        }

        text.AppendLine("### Streaming at two sizes, and `mikoshi verify --since-checkpoint` (issue #18)")
            .AppendLine()
            .AppendLine(Fmt.Invariant($"One community's journal loaded to each size in turn, in one database per store, by `BulkJournal` (the rows `WriteScope.PostAsync` would store, the audit links chained by `AuditChain.Next`, deposits and transfers between ten people; prepared INSERTs on SQLite, binary COPY on PostgreSQL), because the `Writer` posts about 750 entries a second. At each size: the full `Verifier.VerifyAsync` alternating with the raw read of the same rows (ratio = raw read time ÷ verify time; {stores[0].Repetitions} repetitions after one unmeasured run of each), ")
                + "then one clean `VerifyAndCheckpointAsync` that stores signed checkpoints (`mikoshi verify --checkpoint`), then repetitions of: post the new entries through the `Writer` (not timed), and time `VerifySinceCheckpointAsync` (`mikoshi verify --since-checkpoint`: "
                + "the links and entries after the checkpoint, every balance less the postings since against the checkpoint's digest, the pool checks, and storing the next checkpoint). Every run must come back clean and see exactly the entries expected. "
                + Fmt.Invariant($"The verifier ran with `Environment.ProcessorCount` = {stores[0].ProcessorCount}: one chain at a time, its audit walk and its ledger walk on the two cores."))
            .AppendLine()
            .AppendLine("| store | entries | **full verify ÷ raw read** | full verify | raw read | audit links / rows read | checkpointing run | **incremental verify** (new entries) | fill time |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var store in stores)
        {
            foreach (var size in store.Sizes)
            {
                text.AppendLine(Fmt.Invariant($"| {store.Store} | {size.Entries:N0} | **{size.Ratio.Show(3)}** | {Seconds(size.FullSeconds)} | {Seconds(size.RawReadSeconds)} | {size.AuditLinks:N0} / {size.RowsRead:N0} | {size.CheckpointSeconds * 1000:N0} ms | **{Seconds(size.IncrementalSeconds)}** ({size.NewEntries:N0}) | {size.FillSeconds:F1} s |"));
            }

            if (store.Sizes.Count > 1)
            {
                var small = store.Sizes[0];
                var large = store.Sizes[^1];
                text.AppendLine(Fmt.Invariant($"| {store.Store} | {large.Entries:N0} ÷ {small.Entries:N0} | | | | | | **{large.IncrementalSeconds.Median / small.IncrementalSeconds.Median:F2}×** | |"));
            }
        }

        text.AppendLine()
            .AppendLine("Reproduce: `bench/run.sh verify` (both stores; `BENCH_VERIFY_SIZES`, `BENCH_VERIFY_NEW`).")
            .AppendLine();
    }

    private static string Seconds(Samples samples) =>
        Fmt.Invariant($"{samples.Median * 1000:N0} ms ({samples.Min * 1000:N0} – {samples.Max * 1000:N0})");
}
