using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Mikoshi.Bench.Ledger;
using Mikoshi.Data;

namespace Mikoshi.Bench.Verify;

/// <summary>One size of the journal: the full verify against a raw read of the same rows, and the incremental verify of a fixed number of new entries.</summary>
public sealed record VerifySize(
    int Entries,
    double FillSeconds,
    long AuditLinks,
    long RowsRead,
    Samples FullSeconds,
    Samples RawReadSeconds,
    Samples Ratio,
    double CheckpointSeconds,
    int NewEntries,
    Samples IncrementalSeconds);

public sealed record VerifyResult(string Store, int Repetitions, int ProcessorCount, IReadOnlyList<VerifySize> Sizes);

/// <summary>
/// The verifier on one store at growing sizes of one community's journal (loaded by <see cref="BulkJournal"/>, the new
/// entries of each incremental run posted through the real Writer): the full
/// run against a plain ADO.NET read of the same rows, alternating; then a clean run that stores checkpoints, and
/// repetitions of "post N new entries (not timed), verify since the checkpoint (timed)". The incremental time should
/// not grow with the size; the full run should cost about what reading the rows costs.
/// </summary>
public static class VerifyRun
{
    public static async Task<int> RunAsync(StoreProvider provider, string location, string resultFile, int repetitions, int[] sizes, int newEntries)
    {
        var name = provider == StoreProvider.Postgres ? "PostgreSQL" : "SQLite";
        await using var store = BenchStore.Create(provider, location, "mikoshi_bench_incremental");
        await store.MigrateAsync();
        var community = await LedgerRun.FoundAsync(store, "bench-incremental");
        var key = new CheckpointKey(RandomNumberGenerator.GetBytes(32), "bench");
        var filled = 0;
        var results = new List<VerifySize>();
        foreach (var size in sizes)
        {
            Console.WriteLine($"[{name}] verify: filling to {size} journal entries");
            var fill = Stopwatch.StartNew();
            await BulkJournal.AppendAsync(store, community, size - filled);
            fill.Stop();
            filled = size;

            await FullAsync(store, filled);
            await LedgerRun.ReadAllAsync(store);
            var full = new List<double>();
            var read = new List<double>();
            var ratio = new List<double>();
            long links = 0, rows = 0;
            for (var rep = 0; rep < repetitions; rep++)
            {
                (double Seconds, long Links) verified;
                (double Seconds, long Rows) plain;
                if (rep % 2 == 0)
                {
                    verified = await FullAsync(store, filled);
                    plain = await LedgerRun.ReadAllAsync(store);
                }
                else
                {
                    plain = await LedgerRun.ReadAllAsync(store);
                    verified = await FullAsync(store, filled);
                }

                (links, rows) = (verified.Links, plain.Rows);
                full.Add(verified.Seconds);
                read.Add(plain.Seconds);
                ratio.Add(plain.Seconds / verified.Seconds);
                Console.WriteLine(Fmt.Invariant($"  {filled} entries, rep {rep + 1}: full verify {verified.Seconds * 1000:F0} ms, raw read {plain.Seconds * 1000:F0} ms"));
            }

            var clock = Stopwatch.StartNew();
            var checkpointed = await store.InScopeAsync(db => new Verifier(db).VerifyAndCheckpointAsync(key));
            clock.Stop();
            Expect(checkpointed.IsClean && checkpointed.CheckpointsStored == 1, "the checkpointing run", checkpointed);
            var checkpointSeconds = clock.Elapsed.TotalSeconds;

            var incremental = new List<double>();
            for (var rep = 0; rep < repetitions; rep++)
            {
                await LedgerRun.FillAsync(store, community, newEntries);
                clock.Restart();
                var report = await store.InScopeAsync(db => new Verifier(db).VerifySinceCheckpointAsync(key));
                clock.Stop();
                Expect(report.IsClean && report.JournalEntries == newEntries && report.CheckpointsStored == 1, "an incremental run", report);
                incremental.Add(clock.Elapsed.TotalSeconds);
                Console.WriteLine(Fmt.Invariant($"  {filled + ((rep + 1) * newEntries)} entries, rep {rep + 1}: verify --since-checkpoint of {newEntries} new entries {clock.Elapsed.TotalMilliseconds:F0} ms"));
            }

            filled += repetitions * newEntries;
            results.Add(new VerifySize(size, fill.Elapsed.TotalSeconds, links, rows, Samples.Of(full), Samples.Of(read), Samples.Of(ratio), checkpointSeconds, newEntries, Samples.Of(incremental)));
        }

        var result = new VerifyResult(name, repetitions, Environment.ProcessorCount, results);
        await File.WriteAllTextAsync(resultFile, JsonSerializer.Serialize(result, LedgerRun.Json));
        foreach (var size in results)
        {
            Console.WriteLine(Fmt.Invariant($"[{name}] {size.Entries} entries: full verify ÷ raw read {size.Ratio.Median:F3}; incremental ({size.NewEntries} new) {size.IncrementalSeconds.Median * 1000:F0} ms"));
        }

        return 0;
    }

    private static async Task<(double Seconds, long Links)> FullAsync(BenchStore store, int entries)
    {
        var (allocated, cpu, collections) = (GC.GetTotalAllocatedBytes(true), Process.GetCurrentProcess().TotalProcessorTime, (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)));
        var clock = Stopwatch.StartNew();
        var report = await store.InScopeAsync(db => new Verifier(db).VerifyAsync());
        clock.Stop();

        // Printed beside the time, not reported: what the run cost this process (the database server's work is not in it).
        Console.WriteLine(Fmt.Invariant($"    full verify: {(GC.GetTotalAllocatedBytes(true) - allocated) / (double)entries:F0} bytes allocated per entry; this process's CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / entries:F2} µs per entry; collections (gen 0/1/2) {GC.CollectionCount(0) - collections.Item1}/{GC.CollectionCount(1) - collections.Item2}/{GC.CollectionCount(2) - collections.Item3}"));
        Expect(report.IsClean && report.JournalEntries == entries, $"a full run over {entries} entries", report);
        return (clock.Elapsed.TotalSeconds, report.AuditLinks);
    }

    private static void Expect(bool holds, string what, VerifyReport report)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"{what} saw {report.JournalEntries} entries, stored {report.CheckpointsStored} checkpoints and found {report.Findings.Count}: {string.Join("; ", report.Findings.Take(3))}");
        }
    }
}
