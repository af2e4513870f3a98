using System.Text;
using Mikoshi.Bench.Ledger;

namespace Mikoshi.Bench.Membership;

/// <summary>The report's membership sections (4–6) and their rows in "Every repetition".</summary>
public static class MembershipSections
{
    public static void Write(StringBuilder text, List<MembershipResult> stores, HoldingsResult? holdings)
    {
        if (stores.Count > 0)
        {
            var first = stores[0];
            text.AppendLine("## 4. Membership tokens minted and transferred per second")
                .AppendLine()
                .AppendLine(Fmt.Invariant($"A single client, one transaction per write, through the real handlers, each in a new DI scope and `DbContext` with an `Idempotency-Key` as an HTTP request gets: ")
                    + "`MintToken.HandleAsync` (inside `Writer.RunAsync`: the idempotency check, the supply count, a journal entry paying the price from the member's account to the treasury, the next serial, the token row, its first lineage step, a holdings checkpoint and the audit link; commit) "
                    + "and `TransferToken.TransferAsync` (the recipient looked up in the users table, then inside the write the token with its whole lineage, two holdings checkpoints, open listings closed and the audit link; commit). "
                    + Fmt.Invariant($"The community is founded through the `Writer` and read once; {first.Members} members are rows in the users table, each given ¥10^12 by deposits through the `Writer` before anything is timed; members mint in turn at the default price (¥10,000), and transfers move the minted tokens in turn to another member. ")
                    + "The baseline, on the same database in the same run: section 2's raw one-row insert per transaction (`BEGIN; INSERT; COMMIT` on one open connection, prepared). "
                    + "The three sides take turns within each repetition, in a rotating order. After the timing the store is checked: every token minted with the owner the loop tracked, and each member's latest checkpoint (read by `Profiles.HeldAtAsync`) equal to the tokens they own.")
                .AppendLine()
                .AppendLine("| store | **mint ÷ raw** (per-repetition ratio) | **transfer ÷ raw** | mints/s | transfers/s | raw one-row tx/s | writes timed (mint / transfer / raw) | settings |")
                .AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
            foreach (var s in stores)
            {
                text.AppendLine(Fmt.Invariant($"| {s.Store} | **{s.MintRatio.Show(3)}** | **{s.TransferRatio.Show(3)}** | {s.MintsPerSecond.Show(0)} | {s.TransfersPerSecond.Show(0)} | {s.RawPerSecond.Show(0)} | {s.MintsTimed:N0} / {s.TransfersTimed:N0} / {s.RawTimed:N0} | {s.Settings} |"));
            }

            text.AppendLine()
                .AppendLine(Fmt.Invariant($"{string.Join("; ", stores.Select(s => Fmt.Invariant($"{s.Store}: {s.Repetitions} repetitions of {s.SecondsPerRepetition:0.#} s per side, after {LedgerRun.Warmup.TotalSeconds:0} s of unmeasured writes, each side in turn")))}. ")
                    + "Reproduce: `bench/run.sh membership-sqlite` and `bench/run.sh membership-postgres` (each also runs section 6).")
                .AppendLine();
        }

        if (holdings is not null)
        {
            var h = holdings;
            text.AppendLine(Fmt.Invariant($"## 5. Holdings at a past instant, in memory: `HoldingsHistory.HeldAt` over {h.Tokens:N0} mints and {h.Transfers:N0} transfers"))
                .AppendLine()
                .AppendLine(Fmt.Invariant($"A synthetic history (fixed seed {h.Seed}): {h.Tokens:N0} tokens minted to random people among {h.People:N0}, and {h.Transfers:N0} transfers of random minted tokens from their owner to another random person, mixed at random in time order, each event 1–10,000 ms after the one before ({h.Tokens + h.Transfers:N0} events over {h.HistoryDays:N0} days). ")
                    + Fmt.Invariant($"It is fed to `HoldingsHistory.Change` in time order ({h.Checkpoints:N0} checkpoints, built in {h.BuildSeconds:F1} s; generating the log took {h.GenerateSeconds:F1} s). ")
                    + Fmt.Invariant($"Then {h.LookupsPerRepetition:N0} random (person, instant) pairs — any person, any instant from just before the first event to just after the last — are looked up with `HeldAt` (a dictionary lookup, then a binary search in that person's checkpoints). ")
                    + "The baselines, in the same process on the same log, alternating with it: a linear scan of the event log from the start that stops at the first event after the instant (the log is in time order; +1 where the person received, −1 where they gave), "
                    + Fmt.Invariant($"reading {h.MeanEventsReadUntil:N0} events on average; and the scan the issue names, of the whole log ({h.Tokens + h.Transfers:N0} events) filtered by instant. ")
                    + Fmt.Invariant($"The log is three arrays (instant, from, to as person indices: {Fmt.Bytes(h.LogBytes)}), the leanest form a scan could read; `HeldAt` is given the real `PersonId`s. ")
                    + Fmt.Invariant($"Before timing, all {h.Verified:N0} lookups were checked against one sweep of the log (queries sorted by instant, a running count per person), and the {h.Repetitions * h.ScansPerRepetition} scanned ones against both scans too: all agree. ")
                    + Fmt.Invariant($"Memory: managed heap {Fmt.Bytes(h.HeapBytesAfterBuild)} after building (history and log), peak working set {Fmt.Bytes(h.PeakWorkingSetBytes)}."))
                .AppendLine()
                .AppendLine(Fmt.Invariant($"**Figure: {Fmt.Time(h.BinaryNs.Median)} per lookup; {Fmt.Num(h.SpeedupOverScanUntil.Median, 0)}× faster than the scan up to the instant ({Fmt.Num(h.SpeedupOverScanUntil.Min, 0)} – {Fmt.Num(h.SpeedupOverScanUntil.Max, 0)}), {Fmt.Num(h.SpeedupOverScanAll.Median, 0)}× faster than the scan of the whole log ({Fmt.Num(h.SpeedupOverScanAll.Min, 0)} – {Fmt.Num(h.SpeedupOverScanAll.Max, 0)}).**"))
                .AppendLine()
                .AppendLine("| method | median per lookup | min – max | lookups per repetition | time ÷ `HeldAt` (per-repetition ratio) |")
                .AppendLine("|---|---:|---:|---:|---:|")
                .AppendLine(Fmt.Invariant($"| `HoldingsHistory.HeldAt` (binary search) | {Fmt.Time(h.BinaryNs.Median)} | {Fmt.Time(h.BinaryNs.Min)} – {Fmt.Time(h.BinaryNs.Max)} | {h.LookupsPerRepetition:N0} | 1 |"))
                .AppendLine(Fmt.Invariant($"| linear scan up to the instant | {Fmt.Time(h.ScanUntilNs.Median)} | {Fmt.Time(h.ScanUntilNs.Min)} – {Fmt.Time(h.ScanUntilNs.Max)} | {h.ScansPerRepetition} | {h.SpeedupOverScanUntil.Show(0)} |"))
                .AppendLine(Fmt.Invariant($"| linear scan of the whole log | {Fmt.Time(h.ScanAllNs.Median)} | {Fmt.Time(h.ScanAllNs.Min)} – {Fmt.Time(h.ScanAllNs.Max)} | {h.ScansPerRepetition} | {h.SpeedupOverScanAll.Show(0)} |"))
                .AppendLine()
                .AppendLine(Fmt.Invariant($"{h.Repetitions} repetitions, each timing all {h.LookupsPerRepetition:N0} lookups and {h.ScansPerRepetition} scans of each kind (different pairs each repetition), after one unmeasured pass of the lookups. Random pairs mean most lookups reach memory outside the CPU caches (the checkpoints alone are about {Fmt.Bytes(h.Checkpoints * 16)}), which probably costs more than the eight or so comparisons (not measured apart). ")
                    + "Reproduce: `bench/run.sh holdings`.")
                .AppendLine();
        }

        if (stores.Count > 0)
        {
            var first = stores[0];
            text.AppendLine("## 6. Holdings at a past instant from the store: `Profiles.HeldAtAsync`")
                .AppendLine()
                .AppendLine(Fmt.Invariant($"The history of section 5's generator at a smaller size ({first.LookupTokens:N0} mints and {first.LookupTransfers:N0} transfers among {first.LookupPeople:N0} people, same seed) becomes {first.CheckpointRows:N0} rows of `holdings_checkpoints` in a fresh database migrated as the app migrates it, ")
                    + "loaded in bulk in one transaction (prepared INSERTs on SQLite, binary COPY on PostgreSQL, followed there by `ANALYZE`; SQLite is left unanalysed, as the app leaves it). "
                    + Fmt.Invariant($"`Profiles.HeldAtAsync` is then called for {first.LookupsPerRepetition} random (person, instant) pairs, each in a new DI scope and `DbContext` as a request gets (so the time includes EF's per-request work and taking a pooled connection). ")
                    + "Beside it, the very SQL it sends (read back from EF) run through raw ADO.NET on one open connection, prepared, through the same index — this shows how much of the time is EF and the request, not the database. "
                    + "**The baseline**: that same SQL made to read the whole table — on SQLite with `NOT INDEXED` after the table name, on PostgreSQL on a connection with `enable_indexscan`, `enable_indexonlyscan` and `enable_bitmapscan` off — "
                    + Fmt.Invariant($"{first.ScansPerRepetition} pairs per repetition, different ones each time. The three take turns within each repetition in a rotating order. ")
                    + "Before timing, every timed pair was checked by all three against a sweep of the generated log: all agree. "
                    + "Size on disk: on SQLite the whole database file, on PostgreSQL the table with its two indexes (`pg_total_relation_size`).")
                .AppendLine()
                .AppendLine("| store | **full scan ÷ `HeldAtAsync`** (per-repetition ratio) | `HeldAtAsync` per lookup | same SQL, raw ADO.NET | full-scan baseline per lookup | rows / size on disk / load time |")
                .AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var s in stores)
            {
                text.AppendLine(Fmt.Invariant($"| {s.Store} | **{s.SpeedupOverScan.Show(0)}** | {Fmt.Time(s.HeldAtNs.Median)} ({Fmt.Time(s.HeldAtNs.Min)} – {Fmt.Time(s.HeldAtNs.Max)}) | {Fmt.Time(s.RawIndexedNs.Median)} ({Fmt.Time(s.RawIndexedNs.Min)} – {Fmt.Time(s.RawIndexedNs.Max)}) | {Fmt.Time(s.ScanNs.Median)} ({Fmt.Time(s.ScanNs.Min)} – {Fmt.Time(s.ScanNs.Max)}) | {s.CheckpointRows:N0} / {Fmt.Bytes(s.StoredBytes)} / {s.LoadSeconds:F1} s |"));
            }

            text.AppendLine()
                .AppendLine("The query and the plans the databases chose for it (`EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN (COSTS OFF)` on PostgreSQL, for the first pair):")
                .AppendLine();
            foreach (var s in stores)
            {
                text.AppendLine(Fmt.Invariant($"{s.Store}: `HeldAtAsync` sends"))
                    .AppendLine()
                    .AppendLine("```sql")
                    .AppendLine(s.HeldAtSql.Trim())
                    .AppendLine("```")
                    .AppendLine()
                    .AppendLine(Fmt.Invariant($"- plan: {s.IndexedPlan}"))
                    .AppendLine(Fmt.Invariant($"- baseline ({s.ScanHow}): {s.ScanPlan}"))
                    .AppendLine();
            }

            text.AppendLine(Fmt.Invariant($"{string.Join("; ", stores.Select(s => Fmt.Invariant($"{s.Store}: {s.Repetitions} repetitions")))}. Reproduce: `bench/run.sh membership-sqlite` and `bench/run.sh membership-postgres`."))
                .AppendLine();
        }
    }

    public static void WriteRepetitions(StringBuilder text, List<MembershipResult> stores, HoldingsResult? holdings)
    {
        foreach (var s in stores)
        {
            text.AppendLine(Fmt.Invariant($"| {s.Store} | mints/s | {Report.Values(s.MintsPerSecond, 0)} |"))
                .AppendLine(Fmt.Invariant($"| {s.Store} | transfers/s | {Report.Values(s.TransfersPerSecond, 0)} |"))
                .AppendLine(Fmt.Invariant($"| {s.Store} | raw one-row tx/s (beside mint and transfer) | {Report.Values(s.RawPerSecond, 0)} |"))
                .AppendLine(Fmt.Invariant($"| {s.Store} | `HeldAtAsync` µs per lookup | {Report.Values(Micro(s.HeldAtNs), 0)} |"))
                .AppendLine(Fmt.Invariant($"| {s.Store} | same SQL, raw, µs per lookup | {Report.Values(Micro(s.RawIndexedNs), 0)} |"))
                .AppendLine(Fmt.Invariant($"| {s.Store} | full scan ms per lookup | {Report.Values(Milli(s.ScanNs), 1)} |"));
        }

        if (holdings is not null)
        {
            text.AppendLine(Fmt.Invariant($"| in memory | `HeldAt` ns per lookup | {Report.Values(holdings.BinaryNs, 0)} |"))
                .AppendLine(Fmt.Invariant($"| in memory | scan up to the instant, ms | {Report.Values(Milli(holdings.ScanUntilNs), 2)} |"))
                .AppendLine(Fmt.Invariant($"| in memory | scan of the whole log, ms | {Report.Values(Milli(holdings.ScanAllNs), 2)} |"));
        }
    }

    private static Samples Micro(Samples ns) => Samples.Of(ns.Values.Select(v => v / 1e3).ToList());

    private static Samples Milli(Samples ns) => Samples.Of(ns.Values.Select(v => v / 1e6).ToList());
}
